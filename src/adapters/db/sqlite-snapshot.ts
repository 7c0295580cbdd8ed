import SQLite from 'better-sqlite3';

/**
 * Writes a consistent copy of a live SQLite database to `target` (which must not exist) while
 * other processes keep writing to it: VACUUM INTO reads one snapshot in a single read
 * transaction, and in WAL mode a reader holds no writer back. The copy has no free pages, so
 * nothing deleted before the snapshot comes along.
 */
export function snapshotSqlite(source: string, target: string): void {
  const connection = new SQLite(source, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    connection.prepare('vacuum into ?').run(target);
  } finally {
    connection.close();
  }
}

/** SQLite's own check of a database file: every page, index and constraint. */
export function checkSqliteIntegrity(file: string): { ok: boolean; problems: string[] } {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = connection.pragma('integrity_check') as { integrity_check: string }[];
    const foreignKeys = connection.pragma('foreign_key_check') as { table: string }[];
    const problems = [
      ...integrity.map((row) => row.integrity_check).filter((result) => result !== 'ok'),
      ...foreignKeys.map((row) => `a row of ${row.table} refers to a missing row`),
    ];
    return { ok: problems.length === 0, problems };
  } finally {
    connection.close();
  }
}

/** The migrations a database file has had, without changing the file. */
export function sqliteMigrations(file: string): string[] {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'")
      .get();
    if (table === undefined) return [];
    return (
      connection.prepare('select name from schema_migrations order by name').all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  } finally {
    connection.close();
  }
}
