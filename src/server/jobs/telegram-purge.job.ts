import type { FastifyBaseLogger } from 'fastify';
import { purgeTelegramConversations } from '../../app/intake/purge-telegram-conversations.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { safeErrorSummary } from '../http/errors/error-handler.ts';

const tenMinutesMs = 10 * 60_000;

/**
 * Deletes unfinished Telegram conversations past their hour, at start and every ten minutes.
 * A conversation is also refused once expired, so this only keeps old answers from lingering.
 */
export function startTelegramPurgeJob(
  ports: Pick<Ports, 'unitOfWork' | 'clock'>,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  intervalMs = tenMinutesMs,
): () => void {
  const run = async () => {
    try {
      const purged = await purgeTelegramConversations(ports);
      if (purged > 0) log.info({ purged }, 'telegram: deleted unfinished conversations');
    } catch (error) {
      log.error({ failure: safeErrorSummary(error) }, 'telegram purge failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
