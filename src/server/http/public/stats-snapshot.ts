import type { Ports } from '../../../app/ports/ports.ts';
import { readPublicStats } from '../../../app/stats/read-public-stats.ts';
import type { PublicStats } from '../../../domain/stats/public-stats.ts';

/**
 * The public statistics as last computed, for at most `maxAgeMs`: anyone may ask for the
 * dashboard as often as they like, and each computation reads every published event. Requests
 * that arrive while it is computed share the one computation.
 */
export function statsSnapshot(
  ports: Pick<Ports, 'unitOfWork' | 'campaigns' | 'clock'>,
  maxAgeMs: number,
): () => Promise<PublicStats> {
  let current: { at: number; stats: Promise<PublicStats> } | null = null;
  return () => {
    const now = ports.clock.now().getTime();
    if (current === null || now - current.at >= maxAgeMs) {
      const stats = readPublicStats(ports);
      current = { at: now, stats };
      // A failed computation is not kept: the next request tries again.
      stats.catch(() => {
        if (current?.stats === stats) current = null;
      });
    }
    return current.stats;
  };
}
