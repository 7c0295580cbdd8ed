import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import type { Database, HabeasDatabase } from './database.ts';

/** SQLite runs DDL inside transactions, so a failed migration leaves nothing behind. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Takes the write lock at BEGIN: a transaction that reads, then writes (the audit chain does)
 * would otherwise fail with SQLITE_BUSY when another process wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #connection: SQLite.Database;

  constructor(config: SqliteDialectConfig, connection: SQLite.Database) {
    super(config);
    this.#connection = connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (a full disk: SQLITE_FULL); a
   * second rollback would fail and its error would hide the one that caused it.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#connection.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class HabeasSqliteDialect extends SqliteDialect {
  readonly #connection: SQLite.Database;

  constructor(connection: SQLite.Database) {
    super({ database: connection });
    this.#connection = connection;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#connection }, this.#connection);
  }
}

export const sqliteFileName = 'habeas.sqlite';

/** How often a long-running process checks whether the query planner's statistics are stale. */
const statisticsIntervalMs = 60 * 60_000;

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/**
 * Opens (creating if needed) the embedded database. Durability first: WAL with a full sync on
 * every commit, so an acknowledged write survives a crash; deleted content overwritten.
 */
export function openSqliteDatabase(file: string): HabeasDatabase {
  let connection: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    connection = new SQLite(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('secure_delete = ON');
    connection.pragma('busy_timeout = 5000');
    // Reading the schema is where a file that is not a database, or is damaged, shows itself.
    connection.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirError(`cannot open the database file ${file}: ${reason}`);
  }
  const db = new Kysely<Database>({ dialect: new HabeasSqliteDialect(connection) });
  // Every index leads with org_id: without statistics SQLite takes `org_id = ?` for a selective
  // match and scans whole tables. `optimize` analyses a table once it has grown or shrunk tenfold
  // since its last analysis, so this is nearly always a no-op. 0x10002 analyses every table in
  // full: the sampled analysis `optimize` does by default misjudges org_id as selective again.
  // Statistics only speed queries up: a file that cannot be analysed now (read-only, locked by
  // another process) still works, and the next run tries again.
  const analyse = () => void sql`pragma optimize = 0x10002`.execute(db).catch(() => undefined);
  analyse();
  const timer = setInterval(analyse, statisticsIntervalMs);
  timer.unref();
  return {
    db,
    dialect: 'sqlite',
    close: () => {
      clearInterval(timer);
      return db.destroy();
    },
  };
}
