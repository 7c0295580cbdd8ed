import type { Shift } from '../../domain/roster/shift.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { checkShift, type ShiftInput } from './roster-changes.ts';

/** Puts a staff member on duty for a stretch of time; shifts of different people may overlap. */
export async function addShift(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: Pick<AuthenticatedSession, 'actor'>,
  input: ShiftInput,
): Promise<Shift> {
  const { actor } = current;
  authorise(actor, 'roster.manage', { type: 'organisation', orgId: actor.orgId });
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    await checkShift(repositories, actor, input);
    const shift: Shift = { id: deps.ids.newId(), orgId: actor.orgId, ...input };
    await repositories.roster.insertShift(shift, { by: actor.userId, at: now });
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'roster.shift-added',
      subjectType: 'shift',
      subjectId: shift.id,
      details: { userId: shift.userId },
    });
    return shift;
  });
}
