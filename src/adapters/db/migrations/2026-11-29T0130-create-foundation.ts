import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect-of.ts';

/** Frozen: never edit once merged. Organisations, staff accounts, sessions and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('organisations_org_id_is_id', sql`org_id = id`)
    .execute();

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('failed_login_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint('staff_users_status', sql`status in ('invited', 'active', 'revoked')`)
    .execute();
  await db.schema.createIndex('staff_users_by_org').on('staff_users').columns(['org_id']).execute();

  await db.schema
    .createTable('staff_roles')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('staff_roles_pk', ['user_id', 'role'])
    .addCheckConstraint(
      'staff_roles_role',
      sql`role in ('admin', 'coordinator', 'lawyer', 'operator', 'volunteer')`,
    )
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('pending_totp_secret', 'text')
    .addCheckConstraint(
      'staff_sessions_stage',
      sql`stage in ('second-factor', 'totp-enrolment', 'full')`,
    )
    .execute();
  await db.schema
    .createIndex('staff_sessions_by_user')
    .on('staff_sessions')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('recovery_codes_by_user')
    .on('recovery_codes')
    .columns(['org_id', 'user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('enrolment_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addCheckConstraint(
      'enrolment_tokens_purpose',
      sql`purpose in ('invitation', 'password-reset')`,
    )
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['org_id', 'seq'])
    .execute();

  // Append-only: the database itself refuses to change or remove an audit entry.
  if (dialectOf(db) === 'postgres') {
    await sql`
      create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end;
      $$`.execute(db);
    await sql`
      create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
    await sql`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change()`.execute(db);
  } else {
    await sql`
      create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}
