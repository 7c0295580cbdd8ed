import { type DatabaseIntrospector, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, HabeasDatabase } from './database.ts';
import { SchemaScopedPostgresIntrospector } from './schema-scoped-introspector.ts';

export type PostgresOptions = {
  connectionString: string;
  /** A schema to work in instead of `public` (tests isolate themselves this way). */
  schema?: string;
  maxConnections?: number;
};

/** PostgreSQL whose introspection, and so whose migrator, sees the current schema only. */
class HabeasPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaScopedPostgresIntrospector(db);
  }
}

export function openPostgresDatabase(options: PostgresOptions): HabeasDatabase {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new HabeasPostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
