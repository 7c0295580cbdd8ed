/** Failures allowed before the account starts to cool down. */
export const freeLoginFailures = 5;
const baseLockMs = 60_000;
const maxLockMs = 60 * 60_000;

/**
 * After the free failures, each further failure locks the account for twice as long as the
 * last, up to an hour: slow enough to stop guessing, short enough that an attacker cannot keep
 * a lawyer out during a detention.
 */
export function lockAfterFailure(failedCount: number, now: Date): Date | null {
  if (failedCount < freeLoginFailures) return null;
  const lockMs = Math.min(baseLockMs * 2 ** (failedCount - freeLoginFailures), maxLockMs);
  return new Date(now.getTime() + lockMs);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
