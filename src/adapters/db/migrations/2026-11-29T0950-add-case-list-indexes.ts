import type { Kysely } from 'kysely';

/**
 * Frozen: never edit once merged. Indexes for the staff case list at a million cases: newest
 * first by status (and within a campaign's dates) read in index order instead of sorting every
 * open case; the cases seen at a place; and the persons of a blind-index bucket with their case,
 * read from the index alone. Each replaces an index that was its prefix.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_files_by_org').execute();
  await db.schema
    .createIndex('case_files_by_status_and_time')
    .on('case_files')
    .columns(['org_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createIndex('timeline_events_by_place')
    .on('timeline_events')
    .columns(['org_id', 'place_id', 'case_id'])
    .execute();

  await db.schema.dropIndex('persons_by_match_index').execute();
  await db.schema
    .createIndex('persons_by_match_index')
    .on('persons')
    .columns(['org_id', 'match_index', 'case_id'])
    .execute();
}
