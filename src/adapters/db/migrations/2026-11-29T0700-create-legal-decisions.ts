import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. Legal positions recorded on a case: the rule pack version and
 * hash, the date and choices (clear), and the facts they were computed from (sealed with the
 * case's key), so that each can be replayed later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_decisions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('pack_id', 'text', (col) => col.notNull())
    .addColumn('pack_version', 'integer', (col) => col.notNull())
    .addColumn('pack_hash', 'text', (col) => col.notNull())
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('choices', 'text', (col) => col.notNull())
    .addColumn('facts_snapshot', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('legal_decisions_by_case')
    .on('legal_decisions')
    .columns(['org_id', 'case_id'])
    .execute();
}
