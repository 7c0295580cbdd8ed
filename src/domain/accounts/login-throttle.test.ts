import { describe, expect, it } from 'vitest';
import { isLocked, lockAfterFailure } from './login-throttle.ts';

const now = new Date('2026-11-29T10:00:00Z');
const minutesLocked = (failures: number) => {
  const until = lockAfterFailure(failures, now);
  return until === null ? 0 : (until.getTime() - now.getTime()) / 60_000;
};

describe('lockAfterFailure', () => {
  it('allows four failures without a lock', () => {
    expect(minutesLocked(4)).toBe(0);
  });

  it('doubles the lock with every further failure, up to one hour', () => {
    expect([5, 6, 7, 8, 12].map(minutesLocked)).toEqual([1, 2, 4, 8, 60]);
  });

  it('treats an expired lock as no lock', () => {
    expect(isLocked(new Date(now.getTime() - 1), now)).toBe(false);
    expect(isLocked(new Date(now.getTime() + 1), now)).toBe(true);
  });
});
