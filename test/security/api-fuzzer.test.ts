import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzTarget, fuzz, startFuzzTarget } from './api-fuzzer.ts';

/** A few thousand generated requests on every run; the 100,000 are in the long suite. */
describe('the API under generated requests', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  it('answers 3,000 generated requests across every operation without a server error', async () => {
    const outcome = await fuzz(target, 3_000);
    expect(outcome.failures, `fast-check seed ${outcome.seed}`).toEqual([]);
    expect(outcome.sent).toBe(3_000);
    const missed = target.operations
      .map((operation) => `${operation.method} ${operation.path}`)
      .filter((operation) => !outcome.byOperation.has(operation));
    expect(missed).toEqual([]);
  }, 300_000);
});
