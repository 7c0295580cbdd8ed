import { describe, expect, it } from 'vitest';
import { coverageGaps, onDutyAt, type Shift, shiftProblems } from './shift.ts';

function shift(id: string, userId: string, from: string, to: string): Shift {
  return {
    id,
    orgId: 'org',
    userId,
    startsAt: new Date(from),
    endsAt: new Date(to),
    region: null,
  };
}

describe('shift problems', () => {
  it.each([
    [
      'ends before it starts',
      '2026-11-30T10:00:00Z',
      '2026-11-30T09:00:00Z',
      'A shift must end after it starts.',
    ],
    [
      'ends when it starts',
      '2026-11-30T10:00:00Z',
      '2026-11-30T10:00:00Z',
      'A shift must end after it starts.',
    ],
    [
      'lasts longer than three days',
      '2026-11-30T10:00:00Z',
      '2026-12-03T10:00:01Z',
      'A shift cannot be longer than 72 hours.',
    ],
  ])('refuses a shift that %s', (_name, from, to, message) => {
    expect(shiftProblems({ startsAt: new Date(from), endsAt: new Date(to) })).toEqual([
      { path: ['endsAt'], message: expect.objectContaining({ en: message }) },
    ]);
  });

  it('accepts a night shift across midnight', () => {
    expect(
      shiftProblems({
        startsAt: new Date('2026-11-30T18:00:00Z'),
        endsAt: new Date('2026-12-01T06:00:00Z'),
      }),
    ).toEqual([]);
  });
});

describe('on duty', () => {
  const shifts = [
    shift('b', 'lawyer-2', '2026-11-30T09:00:00Z', '2026-11-30T21:00:00Z'),
    shift('a', 'lawyer-1', '2026-11-30T06:00:00Z', '2026-11-30T18:00:00Z'),
    shift('c', 'lawyer-1', '2026-11-30T18:00:00Z', '2026-12-01T06:00:00Z'),
  ];

  it('lists overlapping shifts in the order their staff came on duty, each person once', () => {
    expect(onDutyAt(shifts, new Date('2026-11-30T12:00:00Z'))).toEqual(['lawyer-1', 'lawyer-2']);
    expect(onDutyAt(shifts, new Date('2026-11-30T19:00:00Z'))).toEqual(['lawyer-2', 'lawyer-1']);
  });

  it('counts the start of a shift and not its end', () => {
    expect(onDutyAt(shifts, new Date('2026-11-30T06:00:00Z'))).toEqual(['lawyer-1']);
    expect(onDutyAt(shifts, new Date('2026-12-01T06:00:00Z'))).toEqual([]);
  });
});

describe('coverage gaps', () => {
  const week = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

  it('is the whole period when nobody is on the roster', () => {
    expect(coverageGaps([], week)).toEqual([week]);
  });

  it('finds the stretches between shifts, merging overlapping and touching ones', () => {
    const gaps = coverageGaps(
      [
        shift('a', 'x', '2026-11-29T20:00:00Z', '2026-11-30T06:00:00Z'),
        shift('b', 'y', '2026-11-30T08:00:00Z', '2026-11-30T14:00:00Z'),
        shift('c', 'z', '2026-11-30T12:00:00Z', '2026-11-30T16:00:00Z'),
        shift('d', 'x', '2026-11-30T16:00:00Z', '2026-11-30T20:00:00Z'),
      ],
      week,
    );
    expect(gaps).toEqual([
      { from: new Date('2026-11-30T06:00:00Z'), to: new Date('2026-11-30T08:00:00Z') },
      { from: new Date('2026-11-30T20:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
    ]);
  });

  it('has no gap when shifts cover the period end to end', () => {
    expect(
      coverageGaps([shift('a', 'x', '2026-11-29T00:00:00Z', '2026-12-02T00:00:00Z')], week),
    ).toEqual([]);
  });
});
