import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { MigrationError, migrateToLatest, migrations } from './migrate.ts';

/** This test's own tables: on PostgreSQL other tests' schemas share the database. */
async function ownTables(database: TestDatabase) {
  const tables = await database.db.introspection.getTables();
  return tables.filter((table) => database.schema === null || table.schema === database.schema);
}

async function tableNames(database: TestDatabase): Promise<string[]> {
  return (await ownTables(database)).map((table) => table.name).sort();
}

describe.each(testDialects())('migrations [$name]', (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.open({ migrate: false });
  });
  afterEach(async () => {
    await database.close();
  });

  it('creates the foundation tables, each with an org_id, and is idempotent', async () => {
    // Every migration runs, in the order listed, and a second run has nothing to do.
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(database.db)).toEqual([]);
    const tables = await ownTables(database);
    const domainTables = tables.filter((table) => !table.name.startsWith('schema_migrations'));
    expect(domainTables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'case_assignments',
        'case_files',
        'case_key_wraps',
        'enrolment_tokens',
        'legal_decisions',
        'organisations',
        'persons',
        'recovery_codes',
        'reports',
        'rule_choices',
        'rule_disputes',
        'staff_roles',
        'staff_sessions',
        'staff_users',
        'timeline_events',
        'draft_matters',
        'telegram_conversations',
        'case_tasks',
        'case_documents',
        'places',
        'alert_deliveries',
        'alert_pages',
        'alert_steps',
        'alerts',
        'jobs',
        'response_settings',
        'shifts',
        'evidence_items',
        'evidence_chunks',
        'case_publications',
      ]),
    );
    for (const table of domainTables) {
      expect(
        table.columns.map((column) => column.name),
        table.name,
      ).toContain('org_id');
    }
  });

  it('leaves the database as it was when a migration fails', async () => {
    await migrateToLatest(database.db);
    const before = await tableNames(database);
    const broken = {
      ...migrations,
      '2026-11-29T0200-broken': {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          await sql`select * from a_table_that_does_not_exist`.execute(db);
        },
      },
    };
    await expect(migrateToLatest(database.db, broken)).rejects.toBeInstanceOf(MigrationError);
    expect(await tableNames(database)).toEqual(before);
  });

  it('refuses bad values at the database too', async () => {
    await migrateToLatest(database.db);
    await database.db
      .insertInto('organisations')
      .values({ id: 'org-1', org_id: 'org-1', name: 'A', created_at: new Date().toISOString() })
      .execute();
    await expect(
      database.db
        .insertInto('staff_users')
        .values({
          id: 'u-1',
          org_id: 'org-1',
          email: 'a@example.org',
          display_name: 'A',
          status: 'superuser',
          password_hash: null,
          totp_secret: null,
          totp_last_step: null,
          failed_login_count: 0,
          locked_until: null,
          created_at: '2026-11-29T00:00:00.000Z',
          updated_at: '2026-11-29T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('the migration list', () => {
  it('is in the order of the names, the order a database applies them in', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
  });
});
