import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { AuthenticatedSession } from './authenticate-session.ts';

/** Ends this session only. */
export async function logOut(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
): Promise<void> {
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    await repositories.staffSessions.update({ ...current.session, revokedAt: now });
    await recordAudit(repositories, deps, now, {
      orgId: current.actor.orgId,
      actorUserId: current.actor.userId,
      action: 'auth.logout',
    });
  });
}

/** Ends every session of the user, on every device, this one included. */
export async function logOutEverywhere(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
): Promise<{ revokedSessions: number }> {
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const revokedSessions = await repositories.staffSessions.revokeAllOfUser(
      current.actor.orgId,
      current.actor.userId,
      now,
    );
    await recordAudit(repositories, deps, now, {
      orgId: current.actor.orgId,
      actorUserId: current.actor.userId,
      action: 'auth.logout-everywhere',
      details: { revokedSessions },
    });
    return { revokedSessions };
  });
}
