import { defaultEscalationMinutes } from '../../domain/alerts/alert.ts';
import { type CoverageGap, coverageGaps, onDutyAt, type Shift } from '../../domain/roster/shift.ts';
import { authorise, type StaffActor } from '../accounts/staff-actor.ts';
import { FactsRefusedError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

export type RosterView = {
  shifts: (Shift & { displayName: string })[];
  /** Stretches of the period nobody covers. */
  gaps: CoverageGap[];
  /** Who is on duty at the moment of reading, in the order alerts reach them. */
  onDutyNow: { userId: string; displayName: string }[];
  escalationMinutes: number;
  /** Active staff, who can be put on duty. */
  staff: { userId: string; displayName: string }[];
};

/** A roster is read a week or so at a time; more is a mistake or a scrape. */
const maxPeriodDays = 35;

/** The organisation's escalation delay: its own choice, or the default. */
export async function escalationMinutesOf(
  repositories: Repositories,
  orgId: string,
): Promise<number> {
  return (await repositories.roster.findEscalationMinutes(orgId)) ?? defaultEscalationMinutes;
}

/** Who is on duty at a moment, in the order an unanswered alert moves through them. */
export async function onDutyStaff(
  repositories: Repositories,
  orgId: string,
  at: Date,
): Promise<string[]> {
  const shifts = await repositories.roster.listShifts(orgId, {
    from: at,
    to: new Date(at.getTime() + 1),
  });
  return onDutyAt(shifts, at);
}

/**
 * The roster of a period (a week in the staff app) with its coverage gaps, who is on duty right
 * now, and the escalation delay. Every staff member may read it: it says whom to call.
 */
export async function readRoster(
  deps: Pick<Ports, 'unitOfWork' | 'clock'>,
  actor: StaffActor,
  period: { orgId: string; from: Date; to: Date; region?: string },
): Promise<RosterView> {
  const { orgId } = period;
  authorise(actor, 'roster.read', { type: 'organisation', orgId });
  const lengthMs = period.to.getTime() - period.from.getTime();
  if (lengthMs <= 0 || lengthMs > maxPeriodDays * 86_400_000)
    throw new FactsRefusedError([
      {
        path: ['to'],
        message: {
          ru: `Период должен заканчиваться позже начала и быть не длиннее ${maxPeriodDays} дней.`,
          en: `The period must end after it starts and be at most ${maxPeriodDays} days long.`,
        },
      },
    ]);
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const shifts = await repositories.roster.listShifts(orgId, period);
    const staff = await repositories.staffUsers.listByOrganisation(orgId);
    const nameOf = (userId: string) =>
      staff.find((member) => member.id === userId)?.displayName ?? '';
    const covering = shifts.filter(
      (shift) =>
        period.region === undefined || shift.region === null || shift.region === period.region,
    );
    const onDuty = await onDutyStaff(repositories, orgId, now);
    return {
      shifts: shifts.map((shift) => ({ ...shift, displayName: nameOf(shift.userId) })),
      gaps: coverageGaps(covering, period),
      onDutyNow: onDuty.map((userId) => ({ userId, displayName: nameOf(userId) })),
      escalationMinutes: await escalationMinutesOf(repositories, orgId),
      staff: staff
        .filter((member) => member.status === 'active')
        .map((member) => ({ userId: member.id, displayName: member.displayName })),
    };
  });
}
