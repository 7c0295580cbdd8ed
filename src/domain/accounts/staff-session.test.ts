import { describe, expect, it } from 'vitest';
import { type StaffSession, sessionExpiry, sessionState } from './staff-session.ts';

const start = new Date('2026-11-29T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

function buildSession(overrides: Partial<StaffSession> = {}): StaffSession {
  return {
    id: 's-1',
    orgId: 'org-1',
    userId: 'u-1',
    stage: 'full',
    createdAt: start,
    lastSeenAt: start,
    expiresAt: sessionExpiry('full', start),
    revokedAt: null,
    pendingSealedTotpSecret: null,
    wrappedPrivateKey: null,
    ...overrides,
  };
}

describe('sessionState', () => {
  it('keeps a session alive while it is used within 30 minutes', () => {
    expect(sessionState(buildSession({ lastSeenAt: at(100) }), at(129))).toBe('alive');
  });

  it('ends a session idle for 30 minutes', () => {
    expect(sessionState(buildSession(), at(30))).toBe('idle');
  });

  it('ends a session 12 hours after login however active', () => {
    expect(sessionState(buildSession({ lastSeenAt: at(719) }), at(720))).toBe('expired');
  });

  it('gives a half-finished login 10 minutes', () => {
    const pending = buildSession({
      stage: 'second-factor',
      expiresAt: sessionExpiry('second-factor', start),
    });
    expect(sessionState(pending, at(9))).toBe('alive');
    expect(sessionState(pending, at(10))).toBe('expired');
  });

  it('ends a revoked session at once', () => {
    expect(sessionState(buildSession({ revokedAt: at(1) }), at(2))).toBe('revoked');
  });
});
