import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Case files: an operational frame in clear, persons with their
 * personal fields sealed under the case's data key, and that key sealed to each entitled staff
 * member and to the organisation's escrow key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_files')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('data_key_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint('case_files_status', sql`status in ('open', 'closed', 'deleted')`)
    .execute();
  await db.schema
    .createIndex('case_files_by_org')
    .on('case_files')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_assignments')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('assigned_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_assignments_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('case_assignments_by_user')
    .on('case_assignments')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('case_key_wraps')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('recipient_kind', 'text', (col) => col.notNull())
    .addColumn('recipient_id', 'text', (col) => col.notNull())
    .addColumn('recipient_public_key', 'text', (col) => col.notNull())
    .addColumn('sealed_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_key_wraps_pk', [
      'case_id',
      'key_id',
      'recipient_kind',
      'recipient_id',
    ])
    .addCheckConstraint('case_key_wraps_recipient_kind', sql`recipient_kind in ('staff', 'escrow')`)
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('match_index', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('persons_by_case')
    .on('persons')
    .columns(['org_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('persons_by_match_index')
    .on('persons')
    .columns(['org_id', 'match_index'])
    .execute();
}
