import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { migrateToLatest, migrations } from '../../adapters/db/migrate.ts';
import {
  appliedMigrations,
  countRows,
  insertRows,
  readEveryTable,
} from '../../adapters/db/table-rows.ts';
import { BackupError } from './backup-error.ts';

/** True when every application table is empty, or there are none yet. */
export async function holdsNoRows(database: HabeasDatabase): Promise<boolean> {
  for (const rows of (await countRows(database.db)).values()) if (rows > 0) return false;
  return true;
}

/** This code's migrations up to the ones a database had; refused when it had others. */
export function migrationsUpTo(applied: string[]): typeof migrations {
  const known = Object.entries(migrations);
  if (applied.length > known.length || applied.some((name, index) => known[index]?.[0] !== name)) {
    throw new BackupError(
      'the data comes from a newer or different version of Habeas: use that version',
    );
  }
  return Object.fromEntries(known.slice(0, applied.length));
}

/**
 * Copies every row of one database into another, empty one, of either dialect: the target is
 * migrated to the source's schema, then filled in one transaction, so a failed copy leaves it
 * empty. The source is read in one transaction too (on SQLite it holds the write lock, so stop
 * the server first: what it wrote after the copy would not be in the copy anyway). Row counts
 * are compared table by table at the end.
 */
export async function copyDatabase(
  source: HabeasDatabase,
  target: HabeasDatabase,
): Promise<Map<string, number>> {
  if (!(await holdsNoRows(target))) {
    throw new BackupError('the target database holds data: a copy goes into an empty one');
  }
  const snapshot = await source.db
    .startTransaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute();
  try {
    await migrateToLatest(target.db, migrationsUpTo(await appliedMigrations(snapshot)));
    await target.db.transaction().execute(async (trx) => {
      for await (const batch of readEveryTable(snapshot, source.dialect)) {
        await insertRows(trx, batch);
      }
    });
    const expected = await countRows(snapshot);
    const copied = await countRows(target.db);
    for (const [table, rows] of expected) {
      if (copied.get(table) !== rows) {
        throw new BackupError(`${table}: ${rows} rows in the source, ${copied.get(table)} copied`);
      }
    }
    return copied;
  } finally {
    await snapshot.rollback().execute();
  }
}
