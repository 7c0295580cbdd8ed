import { type SessionStage, sessionExpiry } from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

export type OpenedSession = { sessionToken: string; stage: SessionStage };

/**
 * Starts a session in the given stage and returns its bearer token, which is never stored.
 * Each step up in a login opens a new session, so a token seen before the second factor is
 * worthless after it. The unlocked staff key, where there is one, travels wrapped under the
 * new token.
 */
export async function openSession(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'tokens' | 'staffKeys'>,
  user: StaffUser,
  stage: SessionStage,
  now: Date,
  identity: UnlockedIdentity | null,
): Promise<OpenedSession> {
  const sessionToken = deps.tokens.newToken();
  const sessionId = deps.ids.newId();
  await repositories.staffSessions.insert(
    {
      id: sessionId,
      orgId: user.orgId,
      userId: user.id,
      stage,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(stage, now),
      revokedAt: null,
      pendingSealedTotpSecret: null,
      wrappedPrivateKey:
        identity === null ? null : deps.staffKeys.wrapForSession(identity, sessionId, sessionToken),
    },
    deps.tokens.hash(sessionToken),
  );
  return { sessionToken, stage };
}

/** The stage after a correct password: enrol a second factor first if there is none. */
export function stageAfterPassword(user: StaffUser): SessionStage {
  return user.totp === null ? 'totp-enrolment' : 'second-factor';
}
