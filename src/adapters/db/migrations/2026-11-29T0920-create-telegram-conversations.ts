import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. Reports being given in a Telegram chat, one row per chat
 * until the report is sent, cancelled or an hour has passed. The chat is found by a keyed hash
 * of its id, never the id itself; the answers so far are sealed under a key derived from the
 * chat id, which only Telegram's updates carry. `revision` lets several app instances take
 * turns on one chat without overwriting each other. `org_id` is the organisation receiving the
 * report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('telegram_conversations')
    .addColumn('chat_key', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('sealed_state', 'text', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('telegram_conversations_by_expiry')
    .on('telegram_conversations')
    .column('expires_at')
    .execute();
}
