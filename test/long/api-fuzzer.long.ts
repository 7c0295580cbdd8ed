import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzTarget, fuzz, startFuzzTarget } from '../security/api-fuzzer.ts';

const runs = 100_000;

describe('the API under 100,000 generated requests', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(async () => {
    await target?.close();
  });

  it(`answers ${runs.toLocaleString('en')} generated requests without a server error`, async () => {
    const started = performance.now();
    const outcome = await fuzz(target, runs);
    const seconds = (performance.now() - started) / 1000;
    const statuses = [...outcome.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `${outcome.sent} requests over ${target.operations.length} operations in ${seconds.toFixed(0)} s (${(outcome.sent / seconds).toFixed(0)}/s); ${statuses}`,
    );
    expect(outcome.failures, `fast-check seed ${outcome.seed}`).toEqual([]);
    expect(outcome.sent).toBe(runs);
    const thin = target.operations
      .map((operation) => `${operation.method} ${operation.path}`)
      .filter((operation) => (outcome.byOperation.get(operation) ?? 0) < 100);
    expect(thin).toEqual([]);
  });
});
