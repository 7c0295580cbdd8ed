import type { FastifyBaseLogger } from 'fastify';
import { destroyExpiredCases } from '../../app/cases/destroy-expired-cases.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { safeErrorSummary } from '../http/errors/error-handler.ts';

const hourMs = 60 * 60_000;

/**
 * Runs the retention purge at start and every hour. Every instance may run it: destroying a
 * case twice is a no-op, so there is nothing to coordinate.
 */
export function startRetentionJob(
  ports: Ports,
  log: FastifyBaseLogger,
  intervalMs = hourMs,
): () => void {
  const run = async () => {
    try {
      const { destroyedCases } = await destroyExpiredCases(ports);
      if (destroyedCases > 0) log.info({ destroyedCases }, 'retention: destroyed closed cases');
    } catch (error) {
      log.error({ failure: safeErrorSummary(error) }, 'retention run failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
