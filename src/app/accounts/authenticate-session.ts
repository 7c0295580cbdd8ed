import type { Actor } from '../../domain/access/can.ts';
import {
  needsLastSeenRefresh,
  type SessionStage,
  type StaffSession,
  sessionState,
} from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import { AppError, type AppErrorCode } from '../app-error.ts';
import type { UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';

/** What a half-finished login still needs, so the client can send the user to that step. */
const stillNeeded: Record<SessionStage, AppErrorCode> = {
  'second-factor': 'SECOND_FACTOR_REQUIRED',
  'totp-enrolment': 'TOTP_ENROLMENT_REQUIRED',
  full: 'UNAUTHENTICATED',
};

export type AuthenticatedSession = {
  session: StaffSession;
  user: StaffUser;
  actor: Actor;
  /** The staff member's unlocked key for sealed data; null for accounts without one. */
  identity: UnlockedIdentity | null;
};

/**
 * Resolves a bearer token to a live session in the expected stage. Revocation, idle timeout
 * and expiry are checked against the database on every request, so that "log out everywhere"
 * and an admin's revocation take effect at once on every app instance.
 */
export async function authenticateSession(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'tokens' | 'staffKeys'>,
  sessionToken: string | undefined,
  expectedStage: SessionStage,
): Promise<AuthenticatedSession> {
  if (sessionToken === undefined || sessionToken === '') {
    throw new AppError('UNAUTHENTICATED', 'no session token');
  }
  const tokenHash = deps.tokens.hash(sessionToken);
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const session = await repositories.staffSessions.findByTokenHash(tokenHash);
    if (session === null || sessionState(session, now) !== 'alive') {
      throw new AppError('UNAUTHENTICATED', 'session missing, revoked or expired');
    }
    const user = await repositories.staffUsers.findById(session.orgId, session.userId);
    if (user === null || user.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', 'session user is not active');
    }
    if (session.stage !== expectedStage) {
      const stageError = expectedStage === 'full' ? stillNeeded[session.stage] : 'UNAUTHENTICATED';
      throw new AppError(stageError, `session is in stage ${session.stage}`);
    }
    const identity = unwrapIdentity(deps, session, user, sessionToken);
    if (needsLastSeenRefresh(session, now)) {
      await repositories.staffSessions.update({ ...session, lastSeenAt: now });
    }
    return {
      session,
      user,
      actor: { userId: user.id, orgId: user.orgId, roles: user.roles },
      identity,
    };
  });
}

function unwrapIdentity(
  deps: Pick<Ports, 'staffKeys'>,
  session: StaffSession,
  user: StaffUser,
  sessionToken: string,
): UnlockedIdentity | null {
  if (session.wrappedPrivateKey === null || user.keys === null) return null;
  const identity = deps.staffKeys.unwrapFromSession(
    user.id,
    user.keys.publicKey,
    session.wrappedPrivateKey,
    session.id,
    sessionToken,
  );
  // The token matched its hash, so a wrap that does not open was altered in the database.
  if (identity === null) throw new AppError('UNAUTHENTICATED', 'session key does not open');
  return identity;
}
