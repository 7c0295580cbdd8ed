import { Api, InlineKeyboard } from 'grammy';
import type { AlertChannel, AlertMessage } from '../../app/ports/alert-channel.ts';
import type { StaffChatSealing } from '../../app/ports/staff-chat-sealing.ts';
import { alertReasonWording, alertTimeInMoscow } from '../../domain/alerts/alert-wording.ts';

/** The button's data: Telegram allows 64 bytes, and a token is 43 characters. */
export const acknowledgeCallbackPrefix = 'ack:';

export class TelegramAlertError extends Error {
  override readonly name = 'TelegramAlertError';
}

/**
 * The alert as a Telegram message, Russian first, with a button that takes it. Nothing personal:
 * the code, the place id and a link into the staff app, where the case opens after login.
 */
export function alertTelegramMessage(
  message: AlertMessage,
  publicUrl: string,
): { text: string; keyboard: InlineKeyboard | null } {
  const reason = alertReasonWording[message.reason];
  const caseLink = `${publicUrl}/staff/cases/${message.caseId}`;
  const lines = [
    `🚨 Нужна помощь сейчас: ${reason.ru}.`,
    `Дело: ${message.caseCode}`,
    `Место: ${message.placeId ?? 'не указано'}`,
    `Получено: ${alertTimeInMoscow(message.raisedAt)}`,
    ...(message.level > 0 ? ['Предыдущий дежурный не ответил: вызов передан вам.'] : []),
    `Открыть дело (нужен вход в Habeas): ${caseLink}`,
    '',
    `Help needed now: ${reason.en}. Case ${message.caseCode}, place ${message.placeId ?? 'not given'}.`,
  ];
  const keyboard =
    message.acknowledgeToken === null
      ? null
      : new InlineKeyboard().text(
          'Принять вызов / Take it',
          `${acknowledgeCallbackPrefix}${message.acknowledgeToken}`,
        );
  return { text: lines.join('\n'), keyboard };
}

/**
 * Alerts as messages from the organisation's bot to the chat a staff member linked. The chat id
 * is opened here, just before sending, and nowhere else.
 */
export function telegramAlertChannel(options: {
  token: string;
  /** The Bot API server: Telegram's, or a stand-in in tests. */
  apiRoot: string;
  publicUrl: string;
  staffChatSealing: StaffChatSealing;
}): AlertChannel {
  const api = new Api(options.token, { apiRoot: options.apiRoot.replace(/\/+$/, '') });
  return {
    name: 'telegram',
    carriesAcknowledgeLink: true,
    needsTelegramChat: true,
    async deliver(message) {
      const { sealedTelegramChat, userId } = message.recipient;
      const chatId =
        sealedTelegramChat === null
          ? null
          : options.staffChatSealing.open(userId, sealedTelegramChat);
      // Sealed under another bot token, or altered: a retry will not help, but the log shows it.
      if (chatId === null) throw new TelegramAlertError('the linked chat does not open');
      const { text, keyboard } = alertTelegramMessage(message, options.publicUrl);
      // No link preview: Telegram's servers would fetch the link into the staff app.
      await api.sendMessage(chatId, text, {
        link_preview_options: { is_disabled: true },
        ...(keyboard === null ? {} : { reply_markup: keyboard }),
      });
    },
  };
}
