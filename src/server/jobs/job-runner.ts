import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../app/ports/clock.ts';
import type { ClaimedJob, JobKind, JobQueue } from '../../app/ports/job-queue.ts';
import { safeErrorSummary } from '../http/errors/error-handler.ts';

/** What a handler asks of the queue: done, or run again at a time (a delivery to retry). */
export type JobResult = { retryAt?: Date } | undefined;
export type JobHandlers = Record<JobKind, (job: ClaimedJob) => Promise<JobResult>>;

/** A job whose handler throws (a bug, the database away) is retried this many times. */
const maxCrashAttempts = 8;

export type JobRunner = {
  /** Runs every due job, one after another, until none is due; returns how many ran. */
  runDue(): Promise<number>;
  /** Looks for due jobs now rather than at the next poll. */
  wake(): void;
  stop(): Promise<void>;
};

/**
 * Takes due jobs from the database queue and runs their handlers. Every instance runs one: a
 * job is leased to one runner at a time, and a runner that dies loses its lease, so the work
 * survives restarts and crashes and is spread over instances. Handlers are idempotent, because a
 * job whose runner died after the work and before marking it done runs again.
 */
export function jobRunner(options: {
  queue: JobQueue;
  handlers: JobHandlers;
  clock: Clock;
  runnerId: string;
  log: Pick<FastifyBaseLogger, 'error' | 'warn'>;
  leaseMs?: number;
}): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  const { queue, clock, runnerId, log } = options;

  async function runOne(): Promise<boolean> {
    const job = await queue.claimNext(runnerId, clock.now(), leaseMs);
    if (job === null) return false;
    try {
      const result = await options.handlers[job.kind](job);
      if (result?.retryAt === undefined) await queue.complete(job.id, runnerId, clock.now());
      else await queue.retryAt(job.id, runnerId, result.retryAt, 'retry asked by the handler');
    } catch (error) {
      const summary = safeErrorSummary(error);
      log.error({ job: job.kind, attempts: job.attempts, failure: summary }, 'job failed');
      const reason = summary.code === undefined ? summary.name : `${summary.name} ${summary.code}`;
      if (job.attempts >= maxCrashAttempts) await queue.fail(job.id, runnerId, clock.now(), reason);
      else
        await queue.retryAt(
          job.id,
          runnerId,
          new Date(clock.now().getTime() + 5_000 * 2 ** (job.attempts - 1)),
          reason,
        );
    }
    return true;
  }

  let running: Promise<number> | null = null;
  let again = false;
  function runDue(): Promise<number> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      let ran = 0;
      do {
        again = false;
        while (await runOne()) ran += 1;
      } while (again);
      return ran;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runDue,
    wake() {
      void runDue().catch((error: unknown) =>
        log.warn({ failure: safeErrorSummary(error) }, 'job queue unreachable'),
      );
    },
    async stop() {
      await running?.catch(() => 0);
    },
  };
}

/** Polls the queue: a due job waits at most one interval, unless something wakes the runner. */
export function startPolling(runner: JobRunner, intervalMs: number): () => Promise<void> {
  runner.wake();
  const timer = setInterval(() => runner.wake(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await runner.stop();
  };
}
