import type { Shift } from '../../domain/roster/shift.ts';
import { authorise, type StaffActor } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { checkShift, type ShiftInput } from './roster-changes.ts';

/**
 * Puts a staff member on duty for a stretch of time; shifts of different people may overlap.
 * A coordinator in the app, or the operator at the command line, does it.
 */
export async function addShift(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  actor: StaffActor,
  input: ShiftInput & { orgId: string },
): Promise<Shift> {
  const { orgId, ...times } = input;
  authorise(actor, 'roster.manage', { type: 'organisation', orgId });
  const byUserId = 'system' in actor ? null : actor.userId;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    await checkShift(repositories, orgId, times);
    const shift: Shift = { id: deps.ids.newId(), orgId, ...times };
    await repositories.roster.insertShift(shift, { by: byUserId, at: now });
    await recordAudit(repositories, deps, now, {
      orgId,
      actorUserId: byUserId,
      action: 'roster.shift-added',
      subjectType: 'shift',
      subjectId: shift.id,
      details: { userId: shift.userId },
    });
    return shift;
  });
}
