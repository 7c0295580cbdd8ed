/**
 * A calendar date written YYYY-MM-DD. The rules reason in whole days, as the law counts its
 * periods; times of day matter only as facts (when a detention happened), never in arithmetic.
 */
export type CalendarDate = string;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const match = datePattern.exec(date);
  if (match === null) throw new RangeError(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function fromUtc(time: number): CalendarDate {
  return new Date(time).toISOString().slice(0, 10);
}

function utcTime(date: CalendarDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
}

/** True for a real date in the calendar (no 30 February), written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  return datePattern.test(value) && fromUtc(utcTime(value)) === value;
}

/** The date `days` calendar days later. */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(utcTime(date) + days * dayMs);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month `months` later; when that month is shorter, its last day. This is
 * how Russian procedure ends a period counted in months (KAS art. 93 part 3).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return fromUtc(Date.UTC(targetYear, targetMonth - 1, targetDay));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(utcTime(date)).getUTCDay();
}

/**
 * The `count`-th working day after `date`. Working days are Monday to Friday only: public
 * holidays and the government's transferred days off are not modelled yet, so a computed date
 * can fall a few days earlier than the real one around the New Year and May holidays.
 */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  let current = date;
  let left = count;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    const weekday = dayOfWeek(current);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The given month and day (MM-DD) in the year of `date`. */
export function inYearOf(date: CalendarDate, monthDay: string): CalendarDate {
  return `${date.slice(0, 4)}-${monthDay}`;
}

/**
 * The local calendar date of a date-time written with its offset, as the person lived it: a
 * detention at 01:30+03:00 happened on that Moscow day, whatever the UTC date was.
 */
export function localDateOf(dateTime: string): CalendarDate {
  return dateTime.slice(0, 10);
}

/** Moscow has kept UTC+3 all year since October 2014. */
const moscowOffsetMs = 3 * 3_600_000;

/** Today's date in Moscow for a given instant: the default "as of" for the servers' callers. */
export function moscowDateOf(instant: Date): CalendarDate {
  return fromUtc(instant.getTime() + moscowOffsetMs);
}
