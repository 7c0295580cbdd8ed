import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { NewJob } from '../../app/ports/job-queue.ts';
import { jobsRepository, kyselyJobQueue } from './jobs.repository.ts';

const t0 = new Date('2026-11-30T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function job(key: string, runAt = t0): NewJob {
  return {
    orgId: 'org-1',
    kind: 'alert.escalate',
    payload: { alertId: key },
    runAt,
    idempotencyKey: key,
  };
}

describe.each(testDialects())('job queue [$name]', (dialect) => {
  let database: TestDatabase;
  let sequence = 0;
  const enqueue = (newJob: NewJob) =>
    jobsRepository(database.db).enqueue(`job-${++sequence}`, newJob, t0);

  beforeEach(async () => {
    database = await dialect.open();
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps one job per idempotency key', async () => {
    expect(await enqueue(job('escalate:a:1'))).toBe(true);
    expect(await enqueue(job('escalate:a:1'))).toBe(false);
    const rows = await database.db.selectFrom('jobs').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('hands out due jobs oldest first and nothing before its time', async () => {
    await enqueue(job('later', at(60)));
    await enqueue(job('first', at(-10)));
    const queue = kyselyJobQueue(database);
    const first = await queue.claimNext('runner-a', t0, 30_000);
    expect(first?.idempotencyKey).toBe('first');
    await queue.complete(first?.id ?? '', 'runner-a', t0);
    expect(await queue.claimNext('runner-a', t0, 30_000)).toBeNull();
    expect((await queue.claimNext('runner-a', at(60), 30_000))?.idempotencyKey).toBe('later');
  });

  it('never gives one job to two runners claiming at once', async () => {
    for (let index = 0; index < 20; index += 1) await enqueue(job(`job-${index}`));
    const queue = kyselyJobQueue(database);
    const claimedBy = async (runnerId: string) => {
      const keys: string[] = [];
      for (;;) {
        const claimed = await queue.claimNext(runnerId, t0, 30_000);
        if (claimed === null) return keys;
        keys.push(claimed.idempotencyKey);
        await queue.complete(claimed.id, runnerId, t0);
      }
    };
    const [a, b] = await Promise.all([claimedBy('runner-a'), claimedBy('runner-b')]);
    expect([...a, ...b].sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `job-${index}`).sort(),
    );
  });

  it('gives a job held by a runner that died to another once the lease runs out', async () => {
    await enqueue(job('escalate:a:1'));
    const queue = kyselyJobQueue(database);
    const first = await queue.claimNext('runner-dead', t0, 30_000);
    expect(first?.attempts).toBe(1);
    expect(await queue.claimNext('runner-b', at(29), 30_000)).toBeNull();
    const second = await queue.claimNext('runner-b', at(31), 30_000);
    expect(second).toMatchObject({ id: first?.id, attempts: 2 });
    // The dead runner's late completion is refused: the job is no longer his.
    expect(await queue.complete(first?.id ?? '', 'runner-dead', at(32))).toBe(false);
    expect(await queue.complete(second?.id ?? '', 'runner-b', at(32))).toBe(true);
    expect(await queue.claimNext('runner-c', at(120), 30_000)).toBeNull();
  });

  it('runs a job again at the time a retry asks for, and never after it failed for good', async () => {
    await enqueue(job('deliver:1'));
    await enqueue(job('deliver:2'));
    const queue = kyselyJobQueue(database);
    const retried = await queue.claimNext('runner-a', t0, 30_000);
    await queue.retryAt(retried?.id ?? '', 'runner-a', at(20), 'smtp refused');
    const failed = await queue.claimNext('runner-a', t0, 30_000);
    await queue.fail(failed?.id ?? '', 'runner-a', t0, 'gave up');
    expect(await queue.claimNext('runner-a', at(19), 30_000)).toBeNull();
    expect((await queue.claimNext('runner-a', at(20), 30_000))?.idempotencyKey).toBe('deliver:1');
    const rows = await database.db
      .selectFrom('jobs')
      .select(['idempotency_key', 'status', 'last_error'])
      .orderBy('idempotency_key')
      .execute();
    expect(rows).toEqual([
      { idempotency_key: 'deliver:1', status: 'pending', last_error: 'smtp refused' },
      { idempotency_key: 'deliver:2', status: 'failed', last_error: 'gave up' },
    ]);
  });
});
