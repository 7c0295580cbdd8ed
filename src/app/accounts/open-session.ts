import { type SessionStage, sessionExpiry } from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

export type OpenedSession = { sessionToken: string; stage: SessionStage };

/**
 * Starts a session in the given stage and returns its bearer token, which is never stored.
 * Each step up in a login opens a new session, so a token seen before the second factor is
 * worthless after it.
 */
export async function openSession(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'tokens'>,
  user: StaffUser,
  stage: SessionStage,
  now: Date,
): Promise<OpenedSession> {
  const sessionToken = deps.tokens.newToken();
  await repositories.staffSessions.insert(
    {
      id: deps.ids.newId(),
      orgId: user.orgId,
      userId: user.id,
      stage,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiry(stage, now),
      revokedAt: null,
      pendingTotpSecret: null,
    },
    deps.tokens.hash(sessionToken),
  );
  return { sessionToken, stage };
}

/** The stage after a correct password: enrol a second factor first if there is none. */
export function stageAfterPassword(user: StaffUser): SessionStage {
  return user.totp === null ? 'totp-enrolment' : 'second-factor';
}
