import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. Staff key pairs (the private half locked under the password),
 * the key a session carries (wrapped under its cookie's secret), and each organisation's escrow
 * public key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('public_key', 'text').execute();
  await db.schema.alterTable('staff_users').addColumn('locked_private_key', 'text').execute();
  await db.schema.alterTable('staff_sessions').addColumn('wrapped_private_key', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('escrow_public_key', 'text').execute();
}
