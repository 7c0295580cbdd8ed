import type { Ports } from '../../../app/ports/ports.ts';
import { readPublicStats } from '../../../app/stats/read-public-stats.ts';
import type { PublicStats } from '../../../domain/stats/public-stats.ts';

/** Lets the event loop answer what waits, between two reads of the computation. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The public statistics as last computed. Computing reads every published event (seconds at a
 * million events), so no visitor waits for it but the very first: once the snapshot is older
 * than `maxAgeMs`, the next request starts a new computation and is answered with the snapshot
 * it has; requests meanwhile share that one computation. Anyone may ask for the dashboard as
 * often as they like without costing the database more than one read per `maxAgeMs`.
 */
export function statsSnapshot(
  ports: Pick<Ports, 'unitOfWork' | 'campaigns' | 'clock'>,
  maxAgeMs: number,
  /** Read a week at a time, letting other requests through between weeks (SQLite). */
  byWeek = true,
): () => Promise<PublicStats> {
  let ready: { at: number; stats: PublicStats } | null = null;
  let computing: Promise<PublicStats> | null = null;

  function compute(): Promise<PublicStats> {
    if (computing !== null) return computing;
    const startedAt = ports.clock.now().getTime();
    const next = readPublicStats(ports, byWeek ? { pause: nextTurn } : {}).then(
      (stats) => {
        ready = { at: startedAt, stats };
        computing = null;
        return stats;
      },
      (failure: unknown) => {
        // A failed computation is not kept: the next request tries again.
        computing = null;
        throw failure;
      },
    );
    computing = next;
    return next;
  }

  return async () => {
    if (ready === null) return compute();
    if (ports.clock.now().getTime() - ready.at >= maxAgeMs) {
      // Answered with the snapshot at hand; a computation that fails is tried again later.
      compute().catch(() => undefined);
    }
    return ready.stats;
  };
}
