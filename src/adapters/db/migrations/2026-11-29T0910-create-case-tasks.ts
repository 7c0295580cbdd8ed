import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Tasks on a case: the title sealed with the case's key (it may
 * name the person), the due time, assignee and status in clear, so that what is due for whom
 * is found without opening any case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('due_at', 'text', (col) => col.notNull())
    .addColumn('assignee_id', 'text', (col) => col.references('staff_users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'case_tasks_status',
      sql`(status = 'open' and done_at is null and done_by is null) or (status = 'done' and done_at is not null and done_by is not null)`,
    )
    .execute();
  // "My day": a user's open tasks by due time.
  await db.schema
    .createIndex('case_tasks_due_for_assignee')
    .on('case_tasks')
    .columns(['org_id', 'assignee_id', 'status', 'due_at'])
    .execute();
  // A case's tasks, and the unassigned ones of the cases a user is assigned to.
  await db.schema
    .createIndex('case_tasks_by_case')
    .on('case_tasks')
    .columns(['org_id', 'case_id', 'status', 'due_at'])
    .execute();
}
