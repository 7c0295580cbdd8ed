import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import { authorise, recordStaffChange, type StaffActor } from './staff-actor.ts';

/** Closes a staff account for good: it can no longer log in and its sessions end at once. */
export async function revokeStaffUser(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  actor: StaffActor,
  target: { orgId: string; userId: string },
): Promise<void> {
  authorise(actor, 'user.manage', { type: 'organisation', orgId: target.orgId });
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findById(target.orgId, target.userId);
    if (user === null) throw new AppError('NOT_FOUND', 'no such user');
    await repositories.staffUsers.update({ ...user, status: 'revoked' }, now);
    const revokedSessions = await repositories.staffSessions.revokeAllOfUser(
      user.orgId,
      user.id,
      now,
    );
    await recordStaffChange(repositories, deps, now, actor, {
      orgId: user.orgId,
      action: 'user.revoked',
      userId: user.id,
      details: { revokedSessions },
    });
  });
}
