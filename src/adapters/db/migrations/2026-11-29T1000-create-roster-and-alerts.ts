import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. The duty roster, each organisation's escalation delay, alerts
 * with their pages (who was paged, with the hash of a single-use acknowledgement link), their
 * deliveries per channel and their log, and the job queue that escalates and delivers them. All
 * of it operational: staff, times, case codes and place ids, never a client's data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('starts_at', 'text', (col) => col.notNull())
    .addColumn('ends_at', 'text', (col) => col.notNull())
    .addColumn('region', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('shifts_ends_after_start', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('shifts_by_time')
    .on('shifts')
    .columns(['org_id', 'starts_at', 'ends_at'])
    .execute();

  await db.schema
    .createTable('response_settings')
    .addColumn('org_id', 'text', (col) => col.primaryKey())
    .addColumn('escalation_minutes', 'integer', (col) => col.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'response_settings_escalation_minutes',
      sql`escalation_minutes between 1 and 120`,
    )
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull().references('case_files.id'))
    .addColumn('case_code', 'text', (col) => col.notNull())
    .addColumn('place_id', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addCheckConstraint('alerts_status', sql`status in ('open', 'acknowledged')`)
    .addCheckConstraint(
      'alerts_reason',
      sql`reason in ('detention-report', 'lawyer-turned-away', 'marked-urgent')`,
    )
    .execute();
  await db.schema
    .createIndex('alerts_by_status')
    .on('alerts')
    .columns(['org_id', 'status', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('alerts_by_case')
    .on('alerts')
    .columns(['org_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('alert_pages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('alert_id', 'text', (col) => col.notNull().references('alerts.id'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('paged_at', 'text', (col) => col.notNull())
    .addColumn('ack_token_hash', 'text', (col) => col.unique())
    .addColumn('ack_token_expires_at', 'text')
    .addUniqueConstraint('alert_pages_once_per_person', ['alert_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('alert_id', 'text', (col) => col.notNull().references('alerts.id'))
    .addColumn('page_id', 'text', (col) => col.notNull().references('alert_pages.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('alert_deliveries_status', sql`status in ('pending', 'sent', 'failed')`)
    .addUniqueConstraint('alert_deliveries_once_per_channel', ['page_id', 'channel'])
    .execute();

  await db.schema
    .createTable('alert_steps')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('alert_id', 'text', (col) => col.notNull().references('alerts.id'))
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('attempt', 'integer')
    .execute();
  await db.schema
    .createIndex('alert_steps_by_case')
    .on('alert_steps')
    .columns(['org_id', 'case_id', 'at'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('run_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint('jobs_status', sql`status in ('pending', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
}
