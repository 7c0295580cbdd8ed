import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. Which version of a disputed rule an organisation applies (or
 * that it is under review), and the disputes its lawyers raise against a rule version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_choices')
    .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('choice', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('set_by', 'text', (col) => col.notNull())
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_choices_pk', ['org_id', 'rule_id'])
    .execute();

  await db.schema
    .createTable('rule_disputes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('version_id', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('raised_by', 'text', (col) => col.notNull())
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('rule_disputes_by_org')
    .on('rule_disputes')
    .columns(['org_id', 'rule_id'])
    .execute();
}
