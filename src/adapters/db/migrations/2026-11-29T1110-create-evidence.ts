import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Photos, videos and scans on a case. The original bytes are
 * sealed in chunks under a file key of their own, and that key, the SHA-256, the file name and
 * the review of the copy for publication are sealed with the case's key: a hash in clear would
 * let whoever holds a copy of a photo posted online find the case that holds it. Kind, size and
 * who added the item when stay in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('timeline_event_id', 'text', (col) => col.references('timeline_events.id'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_key', 'text', (col) => col.notNull())
    .addColumn('review', 'text')
    .addColumn('chunk_count', 'integer', (col) => col.notNull())
    .addColumn('added_by', 'text', (col) => col.notNull())
    .addColumn('added_at', 'text', (col) => col.notNull())
    .addCheckConstraint('evidence_items_kind', sql`kind in ('image', 'video', 'pdf')`)
    .addCheckConstraint('evidence_items_size', sql`byte_size > 0 and chunk_count > 0`)
    .addCheckConstraint(
      'evidence_items_review',
      sql`(kind = 'image' and review is not null) or (kind <> 'image' and review is null)`,
    )
    .execute();
  await db.schema
    .createIndex('evidence_items_by_case')
    .on('evidence_items')
    .columns(['org_id', 'case_id', 'added_at'])
    .execute();
  // One row per sealed chunk (base64 text: the same on both dialects and in `db copy`).
  await db.schema
    .createTable('evidence_chunks')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('evidence_id', 'text', (col) => col.notNull().references('evidence_items.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('sealed', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('evidence_chunks_pk', ['evidence_id', 'seq'])
    .execute();
}
