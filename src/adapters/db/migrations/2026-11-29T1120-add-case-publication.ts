import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Whether the organisation consents to a case being counted in
 * public statistics: one row per case someone decided about; no row means not publishable.
 * The kind-ordered timeline index gains place and case, so that the public aggregates and the
 * risk note read events from the index alone; it replaces the index that was its prefix.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_publications')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('publishable', 'integer', (col) => col.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_publications_pk', ['org_id', 'case_id'])
    .addCheckConstraint('case_publications_publishable', sql`publishable in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('case_publications_published')
    .on('case_publications')
    .columns(['org_id', 'publishable', 'case_id'])
    .execute();

  await db.schema.dropIndex('timeline_events_by_kind').execute();
  await db.schema
    .createIndex('timeline_events_by_kind')
    .on('timeline_events')
    .columns(['org_id', 'kind', 'occurred_at', 'place_id', 'case_id'])
    .execute();
}
