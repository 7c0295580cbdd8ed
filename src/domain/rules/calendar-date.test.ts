import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  dayOfWeek,
  isCalendarDate,
  localDateOf,
  moscowDateOf,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2025-02-03', 7)).toBe('2025-02-10');
    expect(addCalendarDays('2025-12-25', 10)).toBe('2026-01-04');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
  });

  it('ends a period in months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2025-07-03', 3)).toBe('2025-10-03');
    expect(addMonths('2023-01-31', 3)).toBe('2023-04-30');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-10-31', 14)).toBe('2026-12-31');
  });

  it('counts working days as Monday to Friday, skipping weekends', () => {
    expect(dayOfWeek('2025-10-18')).toBe(6);
    expect(addWorkingDays('2023-01-13', 5)).toBe('2023-01-20');
    expect(addWorkingDays('2025-10-18', 1)).toBe('2025-10-20');
    expect(addWorkingDays('2025-10-17', 1)).toBe('2025-10-20');
    expect(addWorkingDays('2025-10-15', 3)).toBe('2025-10-20');
    expect(addWorkingDays('2025-10-15', 0)).toBe('2025-10-15');
  });

  it('does not yet know public holidays', () => {
    // 08.03.2023 was a holiday: the real fifth working day after 01.03 was 09.03.
    expect(addWorkingDays('2023-03-01', 5)).toBe('2023-03-08');
  });

  it('accepts only real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-4-1')).toBe(false);
  });

  it('takes the local day of a date-time and today in Moscow', () => {
    expect(localDateOf('2025-10-18T01:30:00+03:00')).toBe('2025-10-18');
    expect(moscowDateOf(new Date('2025-10-17T21:30:00Z'))).toBe('2025-10-18');
    expect(moscowDateOf(new Date('2025-10-17T20:59:00Z'))).toBe('2025-10-17');
  });
});
