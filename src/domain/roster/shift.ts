import type { FactProblem } from '../rules/case-facts.ts';
import type { DataClasses } from '../sealing/data-class.ts';

/** A duty shift: who answers alerts of the organisation, from when to when, and for which region. */
export type Shift = {
  id: string;
  orgId: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
  /** A region the shift covers (e.g. `moscow`); null covers every region. */
  region: string | null;
};

/** Rosters hold staff and times, never a client's data. */
export const shiftDataClasses: DataClasses<Shift> = {
  id: 'operational',
  orgId: 'operational',
  userId: 'operational',
  startsAt: 'operational',
  endsAt: 'operational',
  region: 'operational',
};

/** Longer than this is a typing error, not a shift: nobody answers a pager for a week. */
export const maxShiftHours = 72;

/**
 * What cannot be true of a shift: one that ends before it starts, or lasts longer than anyone can
 * stay awake for alerts. Shifts of different people may overlap: several lawyers are on duty at
 * once on a busy day, and a handover overlaps by design.
 */
export function shiftProblems(shift: Pick<Shift, 'startsAt' | 'endsAt'>): FactProblem[] {
  const lengthMs = shift.endsAt.getTime() - shift.startsAt.getTime();
  if (lengthMs <= 0) {
    return [
      {
        path: ['endsAt'],
        message: {
          ru: 'Смена должна заканчиваться позже, чем начинается.',
          en: 'A shift must end after it starts.',
        },
      },
    ];
  }
  if (lengthMs > maxShiftHours * 3_600_000) {
    return [
      {
        path: ['endsAt'],
        message: {
          ru: `Смена не может быть длиннее ${maxShiftHours} часов.`,
          en: `A shift cannot be longer than ${maxShiftHours} hours.`,
        },
      },
    ];
  }
  return [];
}

/** Whether the shift covers the moment: from its start, up to but excluding its end. */
export function coversMoment(shift: Pick<Shift, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return shift.startsAt.getTime() <= at.getTime() && at.getTime() < shift.endsAt.getTime();
}

/**
 * The staff on duty at a moment, each once, in the order they came on duty (earliest first, then
 * by shift id): the order in which an unanswered alert moves from one to the next.
 */
export function onDutyAt(shifts: readonly Shift[], at: Date): string[] {
  const covering = shifts
    .filter((shift) => coversMoment(shift, at))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  return [...new Set(covering.map((shift) => shift.userId))];
}

export type CoverageGap = { from: Date; to: Date };

/**
 * The stretches of a period that no shift covers, oldest first: where a report at night would
 * reach nobody. Shifts are merged first, so overlapping and touching shifts leave no gap.
 */
export function coverageGaps(
  shifts: readonly Pick<Shift, 'startsAt' | 'endsAt'>[],
  period: CoverageGap,
): CoverageGap[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const sorted = shifts
    .map((shift) => ({ start: shift.startsAt.getTime(), end: shift.endsAt.getTime() }))
    .filter((shift) => shift.end > from && shift.start < to)
    .sort((a, b) => a.start - b.start);
  const gaps: CoverageGap[] = [];
  let coveredUntil = from;
  for (const shift of sorted) {
    if (shift.start > coveredUntil)
      gaps.push({ from: new Date(coveredUntil), to: new Date(shift.start) });
    coveredUntil = Math.max(coveredUntil, shift.end);
  }
  if (coveredUntil < to) gaps.push({ from: new Date(coveredUntil), to: new Date(to) });
  return gaps;
}
