import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { link, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkBackupPublicKey, sealBackup } from '../../adapters/crypto/backup-sealing.ts';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { sqliteFileName } from '../../adapters/db/sqlite-database.ts';
import {
  checkSqliteIntegrity,
  snapshotSqlite,
  sqliteMigrations,
} from '../../adapters/db/sqlite-snapshot.ts';
import { appliedMigrations, readEveryTable } from '../../adapters/db/table-rows.ts';
import { type ArchiveFile, type BackupManifest, writeArchive } from './backup-archive.ts';
import { BackupError } from './backup-error.ts';
import { dataDirFiles, snapshotFileName } from './data-dir-files.ts';

/** The entry that holds the rows of every table, one JSON batch per line. */
export const tableRowsEntry = 'database/table-rows.ndjson';

export type BackupSummary = {
  bytes: number;
  files: string[];
  database: BackupManifest['database'];
};

function fileContent(file: string): () => AsyncIterable<Uint8Array> {
  return () => createReadStream(file, { highWaterMark: 256 * 1024 });
}

/**
 * Writes a new file through a temporary name, synced to disk, and only then gives it its name,
 * which must be free: a backup never overwrites anything, and a half-written one never looks
 * finished.
 */
async function writeNewFile(out: string, content: AsyncIterable<Uint8Array>): Promise<number> {
  if (existsSync(out)) throw new BackupError(`${out} exists: a backup never overwrites a file`);
  if (!existsSync(path.dirname(path.resolve(out)))) {
    throw new BackupError(`there is no folder ${path.dirname(out)}`);
  }
  const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
  const handle = await open(partial, 'wx', 0o600);
  let bytes = 0;
  try {
    let batch: Uint8Array[] = [];
    let batched = 0;
    for await (const chunk of content) {
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= 1024 * 1024) {
        await handle.writev(batch);
        bytes += batched;
        batch = [];
        batched = 0;
      }
    }
    await handle.writev(batch);
    bytes += batched;
    await handle.sync();
    await handle.close();
    await link(partial, out).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST'
        ? new BackupError(`${out} exists: a backup never overwrites a file`)
        : error;
    });
  } finally {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
  }
  const directory = await open(path.dirname(path.resolve(out)), 'r');
  await directory.sync().finally(() => directory.close());
  return bytes;
}

/** Rows as lines of JSON, one batch per line. */
function tableRowsContent(
  snapshot: HabeasDatabase['db'],
  dialect: HabeasDatabase['dialect'],
): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const encoder = new TextEncoder();
    for await (const batch of readEveryTable(snapshot, dialect)) {
      yield encoder.encode(`${JSON.stringify(batch)}\n`);
    }
  };
}

/**
 * Takes a consistent backup while the server keeps running, sealed to the operator's backup
 * public key, into a new file. SQLite: a snapshot of the database file (VACUUM INTO), checked
 * before it is sealed. PostgreSQL: every table's rows, read in one repeatable-read transaction.
 * Either way with the data dir's other files (the blind-index key among them).
 */
export async function takeBackup(input: {
  dataDir: string;
  /** The PostgreSQL database, when the instance runs on one; otherwise the data dir's SQLite. */
  postgres: HabeasDatabase | null;
  recipient: string;
  out: string;
}): Promise<BackupSummary> {
  checkBackupPublicKey(input.recipient);
  const others = existsSync(input.dataDir) ? dataDirFiles(input.dataDir) : [];
  const createdAt = new Date().toISOString();

  if (input.postgres !== null) {
    // One snapshot for the schema version and every row: repeatable read sees no later commit.
    const snapshot = await input.postgres.db
      .startTransaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute();
    try {
      const manifest: BackupManifest = {
        format: 'habeas-backup',
        version: 1,
        createdAt,
        database: 'table-rows',
        migrations: await appliedMigrations(snapshot),
      };
      // The rows go last: a restore commits them as its last step, after every file is written.
      const files: ArchiveFile[] = [
        ...others.map((name) => ({ name, content: fileContent(path.join(input.dataDir, name)) })),
        { name: tableRowsEntry, content: tableRowsContent(snapshot, input.postgres.dialect) },
      ];
      const bytes = await writeNewFile(
        input.out,
        sealBackup(input.recipient, writeArchive(manifest, files)),
      );
      return { bytes, files: files.map((file) => file.name), database: manifest.database };
    } finally {
      await snapshot.rollback().execute();
    }
  }

  const live = path.join(input.dataDir, sqliteFileName);
  if (!existsSync(live)) throw new BackupError(`there is no database in ${input.dataDir}`);
  const snapshot = path.join(input.dataDir, snapshotFileName());
  try {
    snapshotSqlite(live, snapshot);
    const integrity = checkSqliteIntegrity(snapshot);
    if (!integrity.ok) {
      throw new BackupError(`the database fails its integrity check: ${integrity.problems[0]}`);
    }
    const manifest: BackupManifest = {
      format: 'habeas-backup',
      version: 1,
      createdAt,
      database: 'sqlite-file',
      migrations: sqliteMigrations(snapshot),
    };
    const files: ArchiveFile[] = [
      { name: sqliteFileName, content: fileContent(snapshot) },
      ...others.map((name) => ({ name, content: fileContent(path.join(input.dataDir, name)) })),
    ];
    const bytes = await writeNewFile(
      input.out,
      sealBackup(input.recipient, writeArchive(manifest, files)),
    );
    return { bytes, files: files.map((file) => file.name), database: manifest.database };
  } finally {
    await rm(snapshot, { force: true });
  }
}
