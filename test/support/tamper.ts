import { sql } from 'kysely';
import type { TestDatabase } from './test-databases.ts';

/**
 * Edits an audit entry the way an intruder with database access would: first switching off the
 * triggers that make the table append-only, then rewriting the row.
 */
export async function tamperWithAuditEntry(
  database: TestDatabase,
  seq: number,
  subjectId: string,
): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(database.db);
  }
  await database.db
    .updateTable('audit_log')
    .set({ subject_id: subjectId })
    .where('seq', '=', seq)
    .execute();
}
