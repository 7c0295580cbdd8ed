/** Monday 00:00 of the week an instant falls in, on the reader's clock. */
export function weekStartOf(instant: Date): Date {
  const start = new Date(instant.getFullYear(), instant.getMonth(), instant.getDate());
  const sinceMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - sinceMonday);
  return start;
}

/** The same clock time some days later (a day across a clock change is 23 or 25 hours). */
export function addDays(date: Date, days: number): Date {
  const moved = new Date(date);
  moved.setDate(moved.getDate() + days);
  return moved;
}

/** A `datetime-local` input's value, on the reader's clock, to the minute. */
export function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whether a stretch of time touches a day [dayStart, dayStart + 1 day). */
export function overlapsDay(from: string, to: string, dayStart: Date): boolean {
  const dayEnd = addDays(dayStart, 1);
  return new Date(from) < dayEnd && new Date(to) > dayStart;
}
