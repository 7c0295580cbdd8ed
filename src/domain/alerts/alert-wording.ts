import type { AlertReason } from './alert.ts';

/** What a page says happened, Russian first: the same words on every channel. */
export const alertReasonWording: Record<AlertReason, { ru: string; en: string }> = {
  'detention-report': { ru: 'сообщение о задержании', en: 'a detention was reported' },
  'lawyer-turned-away': { ru: 'адвоката не пустили', en: 'a lawyer was turned away' },
  'marked-urgent': { ru: 'срочное дело', en: 'a case was marked urgent' },
};

const moscowTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** When the alert was raised, as a lawyer in Moscow reads it. */
export function alertTimeInMoscow(raisedAt: Date): string {
  return `${moscowTime.format(raisedAt)} (МСК)`;
}
