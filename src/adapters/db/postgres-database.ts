import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, HabeasDatabase } from './database.ts';

export type PostgresOptions = {
  connectionString: string;
  /** A schema to work in instead of `public` (tests isolate themselves this way). */
  schema?: string;
  maxConnections?: number;
};

export function openPostgresDatabase(options: PostgresOptions): HabeasDatabase {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
