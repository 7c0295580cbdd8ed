import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadShift } from './roster-changes.ts';

/** Takes a shift off the roster. */
export async function removeShift(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: Pick<AuthenticatedSession, 'actor'>,
  shiftId: string,
): Promise<void> {
  const { actor } = current;
  authorise(actor, 'roster.manage', { type: 'organisation', orgId: actor.orgId });
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const shift = await loadShift(repositories, actor, shiftId);
    await repositories.roster.deleteShift(actor.orgId, shift.id);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'roster.shift-removed',
      subjectType: 'shift',
      subjectId: shift.id,
      details: { userId: shift.userId },
    });
  });
}
