import { type CalendarDate, isCalendarDate } from '../rules/calendar-date.ts';
import { restoreNeutralisedText } from './formula-guard.ts';

export type Message = { ru: string; en: string };

/**
 * A cell as read from a spreadsheet: text, a number, true/false, a date, or nothing. A date
 * cell has no time zone in a spreadsheet: its UTC fields hold the wall-clock time it shows.
 */
export type CellValue = string | number | boolean | Date | null;

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: Message };

const read = <T>(value: T): Reading<T> => ({ ok: true, value });
const refuse = <T>(problem: Message): Reading<T> => ({ ok: false, problem });

/** Years a case's dates can fall in; outside them a date is a typing error. */
const earliestYear = 1900;
const latestYear = 2100;

/** Excel counts days from 30 December 1899 (after its fictitious 29 February 1900). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;

const notADate: Message = {
  ru: 'Не дата: напишите как 14.03.2006 или 2006-03-14.',
  en: 'Not a date: write it as 14.03.2006 or 2006-03-14.',
};
const noSuchDay: Message = {
  ru: 'Такого дня нет в календаре.',
  en: 'There is no such day in the calendar.',
};
const twoDigitYear: Message = {
  ru: 'Год из двух цифр неоднозначен: напишите все четыре цифры (14.03.2006).',
  en: 'A two-digit year is ambiguous: write all four digits (14.03.2006).',
};
const outOfRange: Message = {
  ru: `Дата вне разумных пределов (${earliestYear}–${latestYear}).`,
  en: `The date is out of any sensible range (${earliestYear}–${latestYear}).`,
};
const notADateTime: Message = {
  ru: 'Не дата и время: напишите как 14.03.2025 10:30 или 2025-03-14 10:30.',
  en: 'Not a date and time: write it as 14.03.2025 10:30 or 2025-03-14 10:30.',
};

/** Month names as Russians write them in a date, in the genitive: «14 марта 2006 г.». */
const russianMonths = [
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
];

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function calendarDate(year: number, month: number, day: number): Reading<CalendarDate> {
  if (year < earliestYear || year > latestYear) return refuse(outOfRange);
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? read(date) : refuse(noSuchDay);
}

/** The wall-clock date a date cell shows. */
function dateOfCell(value: Date): Reading<CalendarDate> {
  if (Number.isNaN(value.getTime())) return refuse(notADate);
  return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/** Wall-clock milliseconds of an Excel serial number (days, with the time as a fraction). */
function wallClockOfSerial(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  return Math.round((excelEpochMs + serial * dayMs) / 1000) * 1000;
}

const dayFirst = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const spelledOut = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u;

/** A written date (no time): 14.03.2006, 2006-03-14, «14 марта 2006 г.». */
function parseWrittenDate(text: string): Reading<CalendarDate> {
  const cleaned = text
    .replace(/\s*г(ода|\.)?\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const european = dayFirst.exec(cleaned);
  if (european) {
    const [, day, month, year] = european;
    if (year?.length === 2) return refuse(twoDigitYear);
    return calendarDate(Number(year), Number(month), Number(day));
  }
  const iso = isoDay.exec(cleaned);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const spelled = spelledOut.exec(cleaned.toLowerCase());
  if (spelled) {
    const month = russianMonths.indexOf(spelled[2] ?? '');
    if (month >= 0) return calendarDate(Number(spelled[3]), month + 1, Number(spelled[1]));
  }
  return refuse(notADate);
}

function isBlank(cell: CellValue): cell is null | '' {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A calendar date from a cell: a date cell, an Excel serial number (a date cell whose format
 * was lost), or text written the Russian way (14.03.2006), the ISO way (2006-03-14) or in words.
 * A time after the date is ignored. Blank is null.
 */
export function readCalendarDate(cell: CellValue): Reading<CalendarDate | null> {
  if (isBlank(cell)) return read(null);
  if (cell instanceof Date) return dateOfCell(cell);
  if (typeof cell === 'number') {
    const wallClock = wallClockOfSerial(cell);
    return wallClock === null ? refuse(notADate) : dateOfCell(new Date(wallClock));
  }
  if (typeof cell !== 'string') return refuse(notADate);
  const [datePart = ''] = cell.trim().split(/(?:\s*[T,]\s*|\s+в\s+|\s+)(?=\d{1,2}:\d{2})/u);
  return parseWrittenDate(datePart);
}

const timeOfDay = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant from a cell: a date-time cell or serial number, or text such as «14.03.2025 10:30»,
 * read as wall-clock time at `offsetMinutes` east of UTC; ISO text with its own offset keeps it.
 * A date without a time is taken as midnight of that day. Blank is null.
 */
export function readDateTime(cell: CellValue, offsetMinutes: number): Reading<Date | null> {
  if (isBlank(cell)) return read(null);
  const offsetMs = offsetMinutes * 60_000;
  if (cell instanceof Date) {
    const day = dateOfCell(cell);
    return day.ok ? read(new Date(cell.getTime() - offsetMs)) : refuse(day.problem);
  }
  if (typeof cell === 'number') {
    const wallClock = wallClockOfSerial(cell);
    if (wallClock === null) return refuse(notADateTime);
    const day = dateOfCell(new Date(wallClock));
    return day.ok ? read(new Date(wallClock - offsetMs)) : refuse(day.problem);
  }
  if (typeof cell !== 'string') return refuse(notADateTime);
  const text = cell.trim();
  if (withOffset.test(text)) {
    const day = parseWrittenDate(text.slice(0, 10));
    const instant = Date.parse(text);
    if (!day.ok) return refuse(day.problem);
    return Number.isNaN(instant) ? refuse(notADateTime) : read(new Date(instant));
  }
  const [datePart = '', timePart, ...rest] = text.split(
    /(?:\s*[T,]\s*|\s+в\s+|\s+)(?=\d{1,2}:\d{2})/u,
  );
  if (rest.length > 0) return refuse(notADateTime);
  const day = parseWrittenDate(datePart);
  if (!day.ok) return refuse(day.problem === notADate ? notADateTime : day.problem);
  let seconds = 0;
  if (timePart !== undefined) {
    const time = timeOfDay.exec(timePart.trim());
    if (time === null) return refuse(notADateTime);
    const [hours, minutes, secs] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (hours > 23 || minutes > 59 || secs > 59) return refuse(notADateTime);
    seconds = hours * 3600 + minutes * 60 + secs;
  }
  return read(new Date(Date.parse(`${day.value}T00:00:00Z`) + seconds * 1000 - offsetMs));
}

/** Whole numbers as written (a phone typed into a number cell loses nothing up to 2^53). */
function textOfNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** Text of at most `maxLength` characters, trimmed; blank is null. */
export function readText(cell: CellValue, maxLength: number): Reading<string | null> {
  if (isBlank(cell)) return read(null);
  const text =
    typeof cell === 'number'
      ? textOfNumber(cell)
      : cell instanceof Date
        ? cell.toISOString().slice(0, 10)
        : typeof cell === 'boolean'
          ? cell
            ? 'TRUE'
            : 'FALSE'
          : restoreNeutralisedText(cell.trim());
  if (text.length > maxLength) {
    return refuse({
      ru: `Слишком длинный текст: не больше ${maxLength} знаков.`,
      en: `The text is too long: at most ${maxLength} characters.`,
    });
  }
  return read(text);
}

/** A phone number: digits with the usual + ( ) - and spaces, at least five digits. */
export function readPhone(cell: CellValue): Reading<string | null> {
  const text = readText(cell, 40);
  if (!text.ok || text.value === null) return text;
  const digits = text.value.replace(/\D/g, '').length;
  if (!/^[+\d\s()\-.]+$/.test(text.value) || digits < 5) {
    return refuse({
      ru: 'Не похоже на телефон: только цифры, +, скобки, дефисы и пробелы.',
      en: 'This does not look like a phone number: digits, +, brackets, dashes and spaces only.',
    });
  }
  return read(text.value);
}

/**
 * One of a few values, written any of several ways (Russian or English, any case, with or
 * without punctuation); `spellings` maps each normalised spelling to its value.
 */
export function readChoice<T extends string>(
  cell: CellValue,
  spellings: Readonly<Record<string, T>>,
  refusal: Message,
): Reading<T | null> {
  const text = readText(cell, 100);
  if (!text.ok || text.value === null) return text.ok ? read(null) : refuse(text.problem);
  const key = text.value
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const value = spellings[key];
  return value === undefined ? refuse(refusal) : read(value);
}

/** Parses "+03:00", "-05:30" or "Z" into minutes east of UTC; null when malformed. */
export function parseUtcOffset(offset: string): number | null {
  if (offset === 'Z') return 0;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (match === null) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (Number(match[2]) > 14 || Number(match[3]) > 59) return null;
  return match[1] === '-' ? -minutes : minutes;
}
