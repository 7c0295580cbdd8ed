import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { kyselyJobQueue } from '../../adapters/db/jobs.repository.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { alertJobHandlers } from './alert.job.ts';
import { jobRunner, startPolling } from './job-runner.ts';

/**
 * Starts this instance's job runner: it polls the queue and wakes at once whenever any instance
 * publishes a change (a new alert is one), so a page leaves well within a second of the report.
 */
export function startJobRunner(
  ports: Ports,
  database: HabeasDatabase,
  log: FastifyBaseLogger,
  pollMs = 500,
): () => Promise<void> {
  const runner = jobRunner({
    queue: kyselyJobQueue(database),
    handlers: alertJobHandlers(ports),
    clock: ports.clock,
    runnerId: `${hostname()}:${process.pid}:${ports.ids.newId()}`,
    log,
  });
  const unsubscribe = ports.liveUpdates.subscribe(() => runner.wake());
  const stopPolling = startPolling(runner, pollMs);
  return async () => {
    unsubscribe();
    await stopPolling();
  };
}
