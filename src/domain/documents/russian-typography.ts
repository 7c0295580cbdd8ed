import type { CalendarDate } from '../rules/calendar-date.ts';

const monthsGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** A calendar date as Russian documents write it: «17 октября 2025 г.». */
export function russianDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthName = monthsGenitive[(month ?? 1) - 1] ?? '';
  return `${day} ${monthName} ${year} г.`;
}

/**
 * Text typed by staff, set as Russian documents print it: straight quotes become «ёлочки»
 * (and „лапки“ inside them), a hyphen between spaces becomes a dash with a non-breaking space
 * before it, "N" or "No." before a number becomes «№», and runs of spaces collapse.
 */
export function russianTypography(text: string): string {
  let depth = 0;
  const quoted = text.replace(/"/gu, (_match, offset: number, whole: string) => {
    const before = offset === 0 ? ' ' : (whole[offset - 1] ?? ' ');
    const opening = /[\s(«„[-]/u.test(before);
    if (opening) {
      depth += 1;
      return depth > 1 ? '„' : '«';
    }
    depth = Math.max(0, depth - 1);
    return depth > 0 ? '“' : '»';
  });
  return quoted
    .replace(/[ \t]+/gu, ' ')
    .replace(/ (?:-|--|–) /gu, '\u00a0— ')
    .replace(/(^|[\s(])(?:N|No\.?|№)\s*(?=\d)/gu, '$1№\u00a0')
    .trim();
}
