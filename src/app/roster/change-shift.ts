import type { Shift } from '../../domain/roster/shift.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { checkShift, loadShift, type ShiftInput } from './roster-changes.ts';

/** Moves a shift in time, hands it to someone else, or changes its region. */
export async function changeShift(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: Pick<AuthenticatedSession, 'actor'>,
  shiftId: string,
  input: ShiftInput,
): Promise<Shift> {
  const { actor } = current;
  authorise(actor, 'roster.manage', { type: 'organisation', orgId: actor.orgId });
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const existing = await loadShift(repositories, actor, shiftId);
    await checkShift(repositories, actor.orgId, input);
    const shift: Shift = { ...existing, ...input };
    await repositories.roster.updateShift(shift);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'roster.shift-changed',
      subjectType: 'shift',
      subjectId: shift.id,
      details: { userId: shift.userId },
    });
    return shift;
  });
}
