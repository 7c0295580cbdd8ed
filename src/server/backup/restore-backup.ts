import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { openBackup } from '../../adapters/crypto/backup-sealing.ts';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { migrateToLatest } from '../../adapters/db/migrate.ts';
import { openSqliteDatabase, sqliteFileName } from '../../adapters/db/sqlite-database.ts';
import { checkSqliteIntegrity, sqliteMigrations } from '../../adapters/db/sqlite-snapshot.ts';
import { applicationTables, insertRows, type TableRows } from '../../adapters/db/table-rows.ts';
import { type BackupManifest, readArchive } from './backup-archive.ts';
import { BackupError } from './backup-error.ts';
import { holdsNoRows, migrationsUpTo } from './copy-database.ts';
import { tableRowsEntry } from './take-backup.ts';

export type RestoreSummary = {
  createdAt: string;
  database: BackupManifest['database'];
  files: string[];
  /** Where the database went: the data dir's SQLite file, or the configured PostgreSQL. */
  restoredInto: 'sqlite' | 'postgres';
};

function isEmptyDir(dir: string): boolean {
  return readdirSync(dir).length === 0;
}

async function writeFileFrom(file: string, content: AsyncIterable<Uint8Array>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'wx', 0o600);
  try {
    for await (const chunk of content) await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Splits a byte stream into lines of text. */
async function* lines(content: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of content) {
    pending += decoder.decode(chunk, { stream: true });
    let end = pending.indexOf('\n');
    while (end >= 0) {
      yield pending.slice(0, end);
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield pending;
}

/**
 * Loads the rows of a backup into an empty database, migrated to the backup's schema first.
 * Rows go only into the application's own tables.
 */
async function loadTableRows(
  target: HabeasDatabase,
  manifest: BackupManifest,
  content: AsyncIterable<Uint8Array>,
): Promise<void> {
  await migrateToLatest(target.db, migrationsUpTo(manifest.migrations));
  const tables = new Set(await applicationTables(target.db));
  await target.db.transaction().execute(async (trx) => {
    for await (const line of lines(content)) {
      const batch = JSON.parse(line) as TableRows;
      if (!tables.has(batch.table))
        throw new BackupError(`the backup names a table ${batch.table}`);
      await insertRows(trx, batch);
    }
  });
}

/**
 * Which database files a backup may carry: its own kind of database, and never SQLite's journal
 * files, which would be applied to the restored database.
 */
function expectedFile(name: string, manifest: BackupManifest): boolean {
  if (name === tableRowsEntry) return manifest.database === 'table-rows';
  if (name === sqliteFileName) return manifest.database === 'sqlite-file';
  return !name.startsWith(`${sqliteFileName}-`);
}

/**
 * Restores a backup into a data dir that does not exist yet (or is empty), never over one in
 * use: everything is written to a folder beside it and moved into place only once the backup
 * opened whole and the database passed its integrity check. A backup of PostgreSQL goes into
 * the configured PostgreSQL database, which must hold no rows, or else into the data dir's
 * SQLite file.
 */
export async function restoreBackup(input: {
  from: string;
  privateKey: string;
  dataDir: string;
  postgres: HabeasDatabase | null;
}): Promise<RestoreSummary> {
  const dataDir = path.resolve(input.dataDir);
  if (existsSync(dataDir) && !isEmptyDir(dataDir)) {
    throw new BackupError(`${input.dataDir} is not empty: a restore never overwrites a data dir`);
  }
  if (!existsSync(input.from)) throw new BackupError(`there is no file ${input.from}`);
  if (input.postgres !== null && !(await holdsNoRows(input.postgres))) {
    throw new BackupError('the PostgreSQL database holds data: a restore goes into an empty one');
  }
  const staging = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true, mode: 0o700 });
  let manifest: BackupManifest | null = null;
  const files: string[] = [];
  try {
    await readArchive(openBackup(input.privateKey, createReadStream(input.from)), {
      onManifest(read) {
        migrationsUpTo(read.migrations);
        if (read.database === 'sqlite-file' && input.postgres !== null) {
          throw new BackupError(
            'this is a backup of an embedded (SQLite) instance: restore it without DATABASE_URL, then move it with `habeas db copy`',
          );
        }
        manifest = read;
      },
      async onFile(name, content) {
        if (manifest === null) throw new BackupError('the backup has no manifest');
        if (!expectedFile(name, manifest)) throw new BackupError(`the backup holds ${name}`);
        files.push(name);
        if (name !== tableRowsEntry) {
          await writeFileFrom(path.join(staging, ...name.split('/')), content);
          return;
        }
        const target = input.postgres ?? openSqliteDatabase(path.join(staging, sqliteFileName));
        try {
          await loadTableRows(target, manifest, content);
        } finally {
          if (input.postgres === null) await target.close();
        }
      },
    });
    if (manifest === null) throw new BackupError('the backup has no manifest');
    const restored: BackupManifest = manifest;
    const restoredInto = input.postgres === null ? 'sqlite' : 'postgres';
    if (restoredInto === 'sqlite') {
      const database = path.join(staging, sqliteFileName);
      if (!existsSync(database)) throw new BackupError('the backup holds no database');
      const integrity = checkSqliteIntegrity(database);
      if (!integrity.ok) {
        throw new BackupError(`the restored database fails its check: ${integrity.problems[0]}`);
      }
      if (sqliteMigrations(database).join() !== restored.migrations.join()) {
        throw new BackupError('the restored database does not have the schema its manifest says');
      }
    }
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
    const parent = await open(path.dirname(dataDir), 'r');
    await parent.sync().finally(() => parent.close());
    return {
      createdAt: restored.createdAt,
      database: restored.database,
      files: files.filter((name) => name !== tableRowsEntry),
      restoredInto,
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
