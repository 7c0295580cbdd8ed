import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. A staff member's Telegram chat for alerts, sealed under a key
 * derived from the bot token (not in the database), and the single-use codes that link one:
 * only the code's hash is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_telegram_chats')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('staff_users.id'))
    .addColumn('sealed_chat', 'text', (col) => col.notNull())
    .addColumn('linked_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('staff_telegram_link_codes')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('staff_telegram_link_codes_by_user')
    .on('staff_telegram_link_codes')
    .columns(['org_id', 'user_id'])
    .execute();
}
