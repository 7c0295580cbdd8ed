import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. The case timeline (kind, time, place and power of attorney in
 * clear for the live board and statistics; the note sealed) and the draft matter, one sealed
 * document per case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('timeline_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('place_id', 'text')
    .addColumn('power_of_attorney', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'timeline_events_power_of_attorney',
      sql`power_of_attorney is null or power_of_attorney in ('notarised', 'simple', 'none')`,
    )
    .execute();
  await db.schema
    .createIndex('timeline_events_by_case')
    .on('timeline_events')
    .columns(['org_id', 'case_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('timeline_events_by_kind')
    .on('timeline_events')
    .columns(['org_id', 'kind', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('draft_matters')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().unique().references('case_files.id'))
    .addColumn('matter', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}
