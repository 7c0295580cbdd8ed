import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Reports received by the hotline: the case they opened, the
 * channel, a case code for people to quote, the hash of the secret follow-up token, and the
 * answers (operational ones clear, personal ones sealed with the case's key). No IP address,
 * no user agent; the time is kept to the minute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('case_code', 'text', (col) => col.notNull().unique())
    .addColumn('follow_up_hash', 'text', (col) => col.notNull().unique())
    .addColumn('questionnaire_id', 'text', (col) => col.notNull())
    .addColumn('questionnaire_version', 'integer', (col) => col.notNull())
    .addColumn('operational_answers', 'text', (col) => col.notNull())
    .addColumn('personal_answers', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addCheckConstraint('reports_channel', sql`channel in ('web', 'api', 'telegram')`)
    .execute();
  await db.schema
    .createIndex('reports_by_case')
    .on('reports')
    .columns(['org_id', 'case_id'])
    .execute();
}
