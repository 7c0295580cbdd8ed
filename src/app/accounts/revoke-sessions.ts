import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import { authorise, recordStaffChange, type StaffActor } from './staff-actor.ts';

/** Ends every session of a staff member at once, e.g. when a phone was taken. */
export async function revokeSessions(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  actor: StaffActor,
  target: { orgId: string; userId: string },
): Promise<{ revokedSessions: number }> {
  authorise(actor, 'session.revoke', { type: 'user', ...target });
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findById(target.orgId, target.userId);
    if (user === null) throw new AppError('NOT_FOUND', 'no such user');
    const revokedSessions = await repositories.staffSessions.revokeAllOfUser(
      user.orgId,
      user.id,
      now,
    );
    await recordStaffChange(repositories, deps, now, actor, {
      orgId: user.orgId,
      action: 'session.revoked',
      userId: user.id,
      details: { revokedSessions },
    });
    return { revokedSessions };
  });
}
