import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { auditActor, authorise, type StaffActor } from './staff-actor.ts';

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
    const { actorUserId, details } = auditActor(actor);
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId,
      action: 'session.revoked',
      subjectType: 'user',
      subjectId: user.id,
      details: { ...details, revokedSessions },
    });
    return { revokedSessions };
  });
}
