/**
 * A staff session passes through stages: the password was right, then the second factor is
 * verified (or enrolled). Only a `full` session is served staff data.
 */
export type SessionStage = 'second-factor' | 'totp-enrolment' | 'full';

export type StaffSession = {
  id: string;
  orgId: string;
  userId: string;
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  pendingSealedTotpSecret: string | null;
  /** The staff member's private key, wrapped under a secret only the session cookie carries. */
  wrappedPrivateKey: string | null;
};

const minute = 60_000;
export const sessionIdleTimeoutMs = 30 * minute;
export const sessionAbsoluteLifetimeMs = 12 * 60 * minute;
/** A half-finished login (password accepted, code not yet given) lasts only this long. */
export const pendingSessionLifetimeMs = 10 * minute;
/** Refreshing last-seen on every request would turn each read into a write. */
export const lastSeenResolutionMs = minute;

export type SessionState = 'alive' | 'revoked' | 'idle' | 'expired';

/** Why a session may or may not serve the request made at `now`. */
export function sessionState(session: StaffSession, now: Date): SessionState {
  if (session.revokedAt !== null) return 'revoked';
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionIdleTimeoutMs) return 'idle';
  return 'alive';
}

/** The absolute end of a session begun at `start` in the given stage. */
export function sessionExpiry(stage: SessionStage, start: Date): Date {
  const lifetime = stage === 'full' ? sessionAbsoluteLifetimeMs : pendingSessionLifetimeMs;
  return new Date(start.getTime() + lifetime);
}

export function needsLastSeenRefresh(session: StaffSession, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= lastSeenResolutionMs;
}
