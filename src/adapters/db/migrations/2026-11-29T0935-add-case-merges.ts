import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. A case merged into another (the same person reported twice)
 * is closed and points to the case that now holds its records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_files').addColumn('merged_into', 'text').execute();
}
