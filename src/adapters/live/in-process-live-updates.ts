import type { LiveUpdates } from '../../app/ports/live-updates.ts';

/**
 * Live updates within one process: enough for the embedded SQLite database, which one process
 * serves. A listener that throws does not keep the others from hearing.
 */
export function inProcessLiveUpdates(): LiveUpdates {
  const listeners = new Set<(orgId: string) => void>();
  return {
    async publish(orgId) {
      for (const listener of listeners) {
        try {
          listener(orgId);
        } catch {
          // One broken stream must not silence the rest.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
