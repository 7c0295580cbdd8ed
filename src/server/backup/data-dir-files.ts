import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sqliteFileName } from '../../adapters/db/sqlite-database.ts';

/** Where a backup keeps its snapshot of the database while it runs: inside the data dir. */
export const snapshotPrefix = '.habeas-backup-';

export function snapshotFileName(): string {
  return `${snapshotPrefix}${randomBytes(8).toString('hex')}.sqlite`;
}

/** The live database's files: the backup takes a consistent snapshot of them instead. */
const liveDatabaseFiles = new Set(
  ['', '-wal', '-shm', '-journal'].map((suffix) => `${sqliteFileName}${suffix}`),
);

/**
 * The files of the data dir a restored instance needs besides its database (the blind-index
 * key, the demo's escrow key, and whatever later features keep there), as relative names with
 * `/` between folders. Links and special files are left out.
 */
export function dataDirFiles(dataDir: string, under = ''): string[] {
  return readdirSync(path.join(dataDir, under), { withFileTypes: true })
    .flatMap((entry) => {
      const name = under === '' ? entry.name : `${under}/${entry.name}`;
      if (entry.isDirectory()) return dataDirFiles(dataDir, name);
      if (!entry.isFile()) return [];
      if (under === '' && liveDatabaseFiles.has(entry.name)) return [];
      if (entry.name.startsWith(snapshotPrefix)) return [];
      return [name];
    })
    .sort();
}
