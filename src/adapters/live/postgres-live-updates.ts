import pg from 'pg';
import type { LiveUpdates } from '../../app/ports/live-updates.ts';
import { inProcessLiveUpdates } from './in-process-live-updates.ts';

/** One channel for the whole database: the payload is the organisation's id, nothing more. */
const channel = 'habeas_live';
const reconnectDelayMs = 1_000;

export type PostgresLiveUpdates = LiveUpdates & { close(): Promise<void> };

/**
 * Live updates across app instances through PostgreSQL's LISTEN/NOTIFY. Each instance keeps one
 * connection that listens; a publication is a NOTIFY that every instance, this one included,
 * hears and hands to its local listeners. A dropped connection is reopened; the staff app's
 * periodic reread covers what was missed meanwhile.
 */
export function postgresLiveUpdates(options: { connectionString: string }): PostgresLiveUpdates {
  const local = inProcessLiveUpdates();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  function connect(): Promise<pg.Client> {
    if (client !== null) return Promise.resolve(client);
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: options.connectionString });
      next.on('notification', (message) => {
        if (message.channel === channel && message.payload) void local.publish(message.payload);
      });
      next.on('error', () => {
        client = null;
        connecting = null;
        void next.end().catch(() => {});
        if (!closed) setTimeout(() => void connect().catch(() => {}), reconnectDelayMs).unref();
      });
      try {
        await next.connect();
        await next.query(`listen ${channel}`);
      } catch (error) {
        connecting = null;
        await next.end().catch(() => {});
        throw error;
      }
      client = next;
      return next;
    })();
    return connecting;
  }

  return {
    async publish(orgId) {
      const connected = await connect();
      await connected.query('select pg_notify($1, $2)', [channel, orgId]);
    },
    subscribe(listener) {
      void connect().catch(() => {});
      return local.subscribe(listener);
    },
    async close() {
      closed = true;
      const current = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
