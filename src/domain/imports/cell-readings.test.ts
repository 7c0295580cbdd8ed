import { describe, expect, it } from 'vitest';
import {
  type CellValue,
  parseUtcOffset,
  readCalendarDate,
  readDateTime,
  readPhone,
  readText,
} from './cell-readings.ts';

const moscow = 180;

function dateOf(cell: CellValue) {
  const reading = readCalendarDate(cell);
  return reading.ok ? reading.value : `refused: ${reading.problem.en}`;
}

function instantOf(cell: CellValue, offset = moscow) {
  const reading = readDateTime(cell, offset);
  return reading.ok ? reading.value?.toISOString() : `refused: ${reading.problem.en}`;
}

describe('reading dates from cells', () => {
  it.each([
    ['14.03.2006', '2006-03-14'],
    ['4.3.2006', '2006-03-04'],
    ['2006-03-14', '2006-03-14'],
    ['14.03.2006 г.', '2006-03-14'],
    ['14 марта 2006 г.', '2006-03-14'],
    ['1 января 2007', '2007-01-01'],
    ['2006-03-14 00:00:00', '2006-03-14'],
    ['  14.03.2006  ', '2006-03-14'],
  ])('reads the text %j as %s', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it('reads a date cell by the day it shows, whatever the time zone', () => {
    expect(dateOf(new Date(Date.UTC(2006, 2, 14)))).toBe('2006-03-14');
  });

  it('reads an Excel serial number whose date format was lost', () => {
    expect(dateOf(38790)).toBe('2006-03-14');
  });

  it('takes a blank cell as no date', () => {
    expect(dateOf(null)).toBeNull();
    expect(dateOf('   ')).toBeNull();
  });

  it.each([
    ['31.02.2006', 'There is no such day in the calendar.'],
    ['14.03.06', 'A two-digit year is ambiguous: write all four digits (14.03.2006).'],
    ['03/14/2006', 'Not a date: write it as 14.03.2006 or 2006-03-14.'],
    ['вчера', 'Not a date: write it as 14.03.2006 or 2006-03-14.'],
    ['14.03.1812', 'The date is out of any sensible range (1900–2100).'],
  ])('refuses %j', (text, reason) => {
    expect(dateOf(text)).toBe(`refused: ${reason}`);
  });

  it('refuses true/false in a date column', () => {
    expect(dateOf(true)).toMatch(/^refused/);
  });
});

describe('reading dates with times', () => {
  it('reads Russian and ISO text as Moscow wall-clock time', () => {
    expect(instantOf('14.03.2025 10:30')).toBe('2025-03-14T07:30:00.000Z');
    expect(instantOf('2025-03-14 10:30')).toBe('2025-03-14T07:30:00.000Z');
    expect(instantOf('2025-03-14T10:30:15')).toBe('2025-03-14T07:30:15.000Z');
    expect(instantOf('14.03.2025 в 10:30')).toBe('2025-03-14T07:30:00.000Z');
  });

  it('keeps an offset written in the cell', () => {
    expect(instantOf('2025-03-14T10:30:00+11:00')).toBe('2025-03-13T23:30:00.000Z');
    expect(instantOf('2025-03-14T10:30:00Z')).toBe('2025-03-14T10:30:00.000Z');
  });

  it('reads a date-time cell as the clock it shows at the given offset', () => {
    expect(instantOf(new Date(Date.UTC(2025, 2, 14, 10, 30)))).toBe('2025-03-14T07:30:00.000Z');
    expect(instantOf(new Date(Date.UTC(2025, 2, 14, 10, 30)), 660)).toBe(
      '2025-03-13T23:30:00.000Z',
    );
  });

  it('reads a serial number with a fraction of a day', () => {
    expect(instantOf(45730.4375)).toBe('2025-03-14T07:30:00.000Z');
  });

  it('takes a day without a time as its midnight', () => {
    expect(instantOf('14.03.2025')).toBe('2025-03-13T21:00:00.000Z');
  });

  it.each(['14.03.2025 25:00', '14.03.2025 10:61', 'утром', '14.03.2025 10:30 11:00'])(
    'refuses %j',
    (text) => {
      expect(instantOf(text)).toMatch(/^refused/);
    },
  );
});

describe('reading text and phones', () => {
  it('keeps whole numbers whole: a phone typed into a number cell', () => {
    expect(readText(79161234567, 40)).toEqual({ ok: true, value: '79161234567' });
  });

  it('refuses text longer than the field takes', () => {
    expect(readText('я'.repeat(201), 200).ok).toBe(false);
    expect(readText('я'.repeat(200), 200).ok).toBe(true);
  });

  it('gives back the text behind the apostrophe an export put before it', () => {
    expect(readText("'+7 916 123-45-67", 40)).toEqual({ ok: true, value: '+7 916 123-45-67' });
    expect(readText("д'Артаньян", 40)).toEqual({ ok: true, value: "д'Артаньян" });
  });

  it('accepts phones as people write them and refuses what is not one', () => {
    expect(readPhone('+7 (916) 123-45-67')).toEqual({ ok: true, value: '+7 (916) 123-45-67' });
    expect(readPhone('спросить у мамы').ok).toBe(false);
    expect(readPhone('12').ok).toBe(false);
  });
});

describe('UTC offsets', () => {
  it('parses offsets and refuses nonsense', () => {
    expect(parseUtcOffset('+03:00')).toBe(180);
    expect(parseUtcOffset('-05:30')).toBe(-330);
    expect(parseUtcOffset('Z')).toBe(0);
    expect(parseUtcOffset('+3')).toBeNull();
    expect(parseUtcOffset('+25:00')).toBeNull();
  });
});
