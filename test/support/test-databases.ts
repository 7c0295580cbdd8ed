import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database, DialectName, HabeasDatabase } from '../../src/adapters/db/database.ts';
import { migrateToLatest } from '../../src/adapters/db/migrate.ts';
import { openPostgresDatabase } from '../../src/adapters/db/postgres-database.ts';
import { openSqliteDatabase } from '../../src/adapters/db/sqlite-database.ts';
import { loadConfig } from '../../src/server/config/env.ts';

/** A database for one test, on one dialect, isolated from every other test. */
export type TestDatabase = HabeasDatabase & {
  /** The PostgreSQL schema holding this test's tables, where there is one. */
  schema: string | null;
};

export type TestDialect = {
  /** Shown in test names, so the output says which database each test ran on. */
  name: string;
  dialect: DialectName;
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
};

function testConfig() {
  const result = loadConfig();
  if (!result.ok) throw new Error(`invalid test environment:\n${result.problems.join('\n')}`);
  return result.config;
}

/** For tests of layers above storage, where one dialect is enough. */
export const sqliteTestDialect: TestDialect = {
  name: 'sqlite',
  dialect: 'sqlite',
  async open({ migrate = true } = {}) {
    const database = openSqliteDatabase(':memory:');
    if (migrate) await migrateToLatest(database.db);
    return { ...database, schema: null };
  },
};

function newSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

function postgresServer(connectionString: string): TestDialect {
  return {
    name: 'postgres',
    dialect: 'postgres',
    async open({ migrate = true } = {}) {
      const schema = newSchemaName();
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const database = openPostgresDatabase({ connectionString, schema, maxConnections: 4 });
      if (migrate) await migrateToLatest(database.db);
      return {
        ...database,
        schema,
        async close() {
          await database.close();
          const cleaner = new pg.Client({ connectionString });
          await cleaner.connect();
          await cleaner.query(`drop schema ${schema} cascade`);
          await cleaner.end();
        },
      };
    },
  };
}

let pglite: PGlite | undefined;

/** Postgres compiled to WebAssembly, one instance per test file, one schema per test. */
const postgresInProcess: TestDialect = {
  name: 'postgres (pglite)',
  dialect: 'postgres',
  async open({ migrate = true } = {}) {
    pglite ??= new PGlite();
    const schema = newSchemaName();
    await pglite.exec(`create schema ${schema}; set search_path to ${schema};`);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    if (migrate) await migrateToLatest(db);
    return {
      db,
      dialect: 'postgres',
      schema,
      async close() {
        await sql.raw(`drop schema ${schema} cascade`).execute(db);
      },
    };
  },
};

/**
 * The dialects every storage test runs on: SQLite, and PostgreSQL (a real server when
 * HABEAS_TEST_POSTGRES_URL is set, otherwise PGlite). In CI the real server is required.
 */
export function testDialects(): TestDialect[] {
  const config = testConfig();
  if (config.HABEAS_TEST_POSTGRES_URL !== undefined) {
    return [sqliteTestDialect, postgresServer(config.HABEAS_TEST_POSTGRES_URL)];
  }
  if (config.CI === true) {
    throw new Error(
      'CI must set HABEAS_TEST_POSTGRES_URL: storage tests need a real PostgreSQL server',
    );
  }
  return [sqliteTestDialect, postgresInProcess];
}

/** The real PostgreSQL server of the tests, when there is one (other processes can reach it). */
export function testPostgresServerUrl(): string | undefined {
  return testConfig().HABEAS_TEST_POSTGRES_URL;
}

export function isCi(): boolean {
  return testConfig().CI === true;
}
