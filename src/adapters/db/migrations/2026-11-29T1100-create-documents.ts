import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Documents generated on a case: the field values and both
 * files sealed with the case's key; the kind, template version, SHA-256 of each file and the
 * tracking dates in clear, so that answers due are found without opening any case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('template_version', 'integer', (col) => col.notNull())
    .addColumn('field_values', 'text', (col) => col.notNull())
    .addColumn('docx', 'text', (col) => col.notNull())
    .addColumn('pdf', 'text', (col) => col.notNull())
    .addColumn('docx_sha256', 'text', (col) => col.notNull())
    .addColumn('pdf_sha256', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('received_on', 'text')
    .addColumn('registered_on', 'text')
    .addColumn('extended', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('answer_due', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'case_documents_status',
      sql`(status = 'drafted' and sent_on is null and answered_on is null) or (status = 'sent' and sent_on is not null and sent_via is not null and answered_on is null) or (status = 'answered' and sent_on is not null and answered_on is not null)`,
    )
    .addCheckConstraint(
      'case_documents_sent_via',
      sql`sent_via is null or sent_via in ('post', 'email', 'in-person', 'online-reception')`,
    )
    .addCheckConstraint('case_documents_extended', sql`extended in (0, 1)`)
    .execute();
  // A case's documents, newest first.
  await db.schema
    .createIndex('case_documents_by_case')
    .on('case_documents')
    .columns(['org_id', 'case_id', 'created_at'])
    .execute();
  // Answers due: "my day" finds sent documents by due date.
  await db.schema
    .createIndex('case_documents_answer_due')
    .on('case_documents')
    .columns(['org_id', 'status', 'answer_due'])
    .execute();
}
