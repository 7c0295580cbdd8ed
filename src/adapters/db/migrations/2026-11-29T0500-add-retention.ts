import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. When a case was closed, and how long each organisation keeps
 * closed cases before they are destroyed (null: until deleted by hand).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_files').addColumn('closed_at', 'text').execute();
  await db.schema
    .alterTable('organisations')
    .addColumn('closed_case_retention_days', 'integer')
    .execute();
}
