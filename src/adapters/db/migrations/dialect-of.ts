import { type Kysely, PostgresAdapter } from 'kysely';

/** Migrations are portable except where a feature (triggers) has no common syntax. */
export function dialectOf(db: Kysely<unknown>): 'postgres' | 'sqlite' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
