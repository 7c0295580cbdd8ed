import type { Language } from '../i18n/i18n.ts';

const english = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A calendar date (YYYY-MM-DD) for people: 18.10.2025 in Russian, October 18, 2025 in English.
 * Read as UTC midnight and shown in UTC, so no time zone can move it to another day.
 */
export function formatDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-');
  if (language === 'ru') return `${day}.${month}.${year}`;
  return english.format(new Date(`${date}T00:00:00Z`));
}

/** The calendar date (YYYY-MM-DD) an instant falls on where the reader is. */
export function localDateOf(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The day of an ISO timestamp, as the reader's clock has it, in the form of formatDate. */
export function formatInstantDate(instant: string, language: Language): string {
  return formatDate(localDateOf(new Date(instant)), language);
}

const englishInstant = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });

/**
 * An ISO timestamp on the reader's clock, to the minute: 18.10.2025 09:40 in Russian,
 * October 18, 2025 at 9:40 AM in English.
 */
export function formatInstant(instant: string, language: Language): string {
  const moment = new Date(instant);
  if (language === 'en') return englishInstant.format(moment);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${formatDate(localDateOf(moment), language)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

const wallClock = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date-time as someone typed it on his own clock, with that clock's offset kept in sight:
 * 18.10.2025 09:40 (UTC+03:00). Anything else is shown as it came.
 */
export function formatWallClock(value: string, language: Language): string {
  const match = wallClock.exec(value);
  if (match === null) return value;
  const [, date = '', hours, minutes, offset] = match;
  const zone = offset === 'Z' ? 'UTC' : `UTC${offset}`;
  return `${formatDate(date, language)} ${hours}:${minutes} (${zone})`;
}
