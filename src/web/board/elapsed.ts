import type { TFunction } from 'i18next';

/** How long since an instant, to the minute: "2 ч 05 мин", "14 мин". */
export function elapsedSince(instant: string, now: Date, t: TFunction): string {
  const minutesTotal = Math.max(
    0,
    Math.floor((now.getTime() - new Date(instant).getTime()) / 60_000),
  );
  const hours = Math.floor(minutesTotal / 60);
  const minutes = minutesTotal % 60;
  return hours === 0
    ? t('board.minutes', { minutes })
    : t('board.hours', { hours, minutes: String(minutes).padStart(2, '0') });
}
