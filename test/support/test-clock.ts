import type { Clock } from '../../src/app/ports/clock.ts';

/** A clock the test moves by hand. */
export function testClock(start = new Date('2026-11-29T10:00:00Z')): Clock & {
  advance(ms: number): void;
  set(date: Date): void;
} {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(date) {
      current = date.getTime();
    },
  };
}
