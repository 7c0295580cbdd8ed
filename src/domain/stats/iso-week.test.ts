import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOf, thursdayOfWeek, weeksBetween } from './iso-week.ts';

describe('ISO weeks', () => {
  it.each([
    ['2025-10-01', '2025-W40'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-11-29', '2026-W48'],
  ])('puts %s in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('starts a week on its Monday and names the campaign day by its Thursday', () => {
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(thursdayOfWeek('2026-W01')).toBe('2026-01-01');
    expect(mondayOf('2020-W53')).toBe('2020-12-28');
  });

  it('lists every week between two, across a year end', () => {
    expect(weeksBetween('2025-W52', '2026-W02')).toEqual(['2025-W52', '2026-W01', '2026-W02']);
  });
});
