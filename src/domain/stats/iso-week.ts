import { addCalendarDays, type CalendarDate, dayOfWeek } from '../rules/calendar-date.ts';

/** An ISO 8601 week, written 2025-W41: Monday to Sunday, numbered within its Thursday's year. */
export type IsoWeek = string;

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** The Thursday of the week a day falls in: it names the week's year. */
function thursdayOf(day: CalendarDate): CalendarDate {
  const weekday = (dayOfWeek(day) + 6) % 7;
  return addCalendarDays(day, 3 - weekday);
}

/** The ISO week of a day: dates are published no finer than this. */
export function isoWeekOf(day: CalendarDate): IsoWeek {
  const thursday = thursdayOf(day);
  const year = thursday.slice(0, 4);
  const firstThursday = thursdayOf(`${year}-01-04`);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / 604_800_000) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday a week starts on. */
export function mondayOf(week: IsoWeek): CalendarDate {
  const match = weekPattern.exec(week);
  if (match === null) throw new RangeError(`not an ISO week: ${week}`);
  const firstThursday = thursdayOf(`${match[1]}-01-04`);
  return addCalendarDays(firstThursday, (Number(match[2]) - 1) * 7 - 3);
}

/** The Thursday of a week: the day that decides which campaign the week counts in. */
export function thursdayOfWeek(week: IsoWeek): CalendarDate {
  return addCalendarDays(mondayOf(week), 3);
}

/** Every week from `first` to `last`, both included. */
export function weeksBetween(first: IsoWeek, last: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (
    let monday = mondayOf(first);
    monday <= mondayOf(last);
    monday = addCalendarDays(monday, 7)
  ) {
    weeks.push(isoWeekOf(monday));
  }
  return weeks;
}
