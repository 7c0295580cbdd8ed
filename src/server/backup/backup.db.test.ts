import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEveryCaseWithEscrow } from '../../../test/support/escrow-reader.ts';
import { reportAnswers } from '../../../test/support/intake-load.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { newBackupKeyPair } from '../../adapters/crypto/backup-sealing.ts';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { migrateToLatest, migrations } from '../../adapters/db/migrate.ts';
import { openSqliteDatabase, sqliteFileName } from '../../adapters/db/sqlite-database.ts';
import { countRows } from '../../adapters/db/table-rows.ts';
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts';
import { submitReport } from '../../app/intake/submit-report.ts';
import { seedDemoOrganisation } from '../../app/organisations/seed-demo-organisation.ts';
import { buildPorts } from '../container.ts';
import { copyDatabase, migrationsUpTo } from './copy-database.ts';
import { restoreBackup } from './restore-backup.ts';
import { takeBackup } from './take-backup.ts';

const canary = 'CANARY-BACKUP-5be1';

/** The demo organisation and a few hotline reports, one of them naming the canary. */
async function seed(database: HabeasDatabase): Promise<string> {
  const ports = buildPorts(database);
  const demo = await seedDemoOrganisation(ports, { adminPassword: 'correct horse battery staple' });
  for (const serial of ['1', '2', canary]) {
    const submitted = await submitReport(ports, { channel: 'api', answers: reportAnswers(serial) });
    expect(submitted.ok).toBe(true);
  }
  return demo.escrowPrivateKey;
}

/** Every case opens with the escrow key, and the canary's report is among them. */
async function expectCasesOpen(database: HabeasDatabase, escrowPrivateKey: string) {
  const { opened, failed } = await openEveryCaseWithEscrow(database, escrowPrivateKey);
  expect(failed).toEqual([]);
  expect(opened).toHaveLength(6);
  expect(opened.map((caseFile) => caseFile.fullNames[0])).toContain(`Стойкий Пётр ${canary}`);
  const [chain] = await verifyAuditLog(buildPorts(database));
  expect(chain?.chainBreak).toBeNull();
}

describe.each(testDialects())('backup and restore [$name]', (dialect) => {
  let source: TestDatabase;
  let work: string;
  const keys = newBackupKeyPair();
  beforeEach(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'habeas-backup-'));
    source = await dialect.open();
  });
  afterEach(async () => {
    await source.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A data dir as the server leaves it; on SQLite with the database file inside. */
  async function sourceDataDir(): Promise<{ dataDir: string; escrow: string }> {
    const dataDir = path.join(work, 'data');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'index.key'), 'index-key-bytes\n');
    mkdirSync(path.join(dataDir, 'uploads'));
    writeFileSync(path.join(dataDir, 'uploads', 'scan.bin'), 'upload bytes');
    if (dialect.dialect === 'postgres') return { dataDir, escrow: await seed(source) };
    const file = openSqliteDatabase(path.join(dataDir, sqliteFileName));
    await migrateToLatest(file.db);
    const escrow = await seed(file);
    await file.close();
    return { dataDir, escrow };
  }

  it('restores a backup into a fresh data dir, with every file and every case', async () => {
    const { dataDir, escrow } = await sourceDataDir();
    const out = path.join(work, 'habeas.backup');
    const postgres = dialect.dialect === 'postgres' ? source : null;
    const taken = await takeBackup({ dataDir, postgres, recipient: keys.publicKey, out });
    expect(taken.files).toEqual(expect.arrayContaining(['index.key', 'uploads/scan.bin']));
    expect(readFileSync(out).includes(Buffer.from(canary))).toBe(false);

    // Into SQLite: the embedded default, whatever the backup came from.
    const restoredDir = path.join(work, 'restored');
    const restored = await restoreBackup({
      from: out,
      privateKey: keys.privateKey,
      dataDir: restoredDir,
      postgres: null,
    });
    expect(restored.restoredInto).toBe('sqlite');
    expect(readFileSync(path.join(restoredDir, 'index.key'), 'utf8')).toBe('index-key-bytes\n');
    expect(readFileSync(path.join(restoredDir, 'uploads', 'scan.bin'), 'utf8')).toBe(
      'upload bytes',
    );
    const database = openSqliteDatabase(path.join(restoredDir, sqliteFileName));
    try {
      await expectCasesOpen(database, escrow);
    } finally {
      await database.close();
    }
  });

  it('refuses to restore over a data dir that holds anything, and leaves it untouched', async () => {
    const { dataDir } = await sourceDataDir();
    const out = path.join(work, 'habeas.backup');
    const postgres = dialect.dialect === 'postgres' ? source : null;
    await takeBackup({ dataDir, postgres, recipient: keys.publicKey, out });
    const occupied = path.join(work, 'occupied');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'index.key'), 'other\n');
    await expect(
      restoreBackup({ from: out, privateKey: keys.privateKey, dataDir: occupied, postgres: null }),
    ).rejects.toThrow('is not empty: a restore never overwrites a data dir');
    expect(readFileSync(path.join(occupied, 'index.key'), 'utf8')).toBe('other\n');
  });

  it('refuses a backup that was altered, leaving no data dir behind', async () => {
    const { dataDir } = await sourceDataDir();
    const out = path.join(work, 'habeas.backup');
    const postgres = dialect.dialect === 'postgres' ? source : null;
    await takeBackup({ dataDir, postgres, recipient: keys.publicKey, out });
    const bytes = readFileSync(out);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x40;
    writeFileSync(out, bytes);
    const target = path.join(work, 'restored');
    await expect(
      restoreBackup({ from: out, privateKey: keys.privateKey, dataDir: target, postgres: null }),
    ).rejects.toThrow('the backup was altered');
    expect(readFileSync(out).length).toBe(bytes.length);
    expect(() => readFileSync(path.join(target, sqliteFileName))).toThrow();
  });

  it('copies every row into an empty database of the other dialect, and refuses a full one', async () => {
    const escrow = await seed(source);
    const other = testDialects().find((candidate) => candidate.dialect !== dialect.dialect);
    if (other === undefined) throw new Error('two dialects expected');
    const target = await other.open({ migrate: false });
    try {
      const copied = await copyDatabase(source, target);
      expect(copied).toEqual(await countRows(source.db));
      expect(copied.get('reports')).toBe(3);
      await expectCasesOpen(target, escrow);
      await expect(copyDatabase(source, target)).rejects.toThrow('holds data');
    } finally {
      await target.close();
    }
  });
});

describe('the schema of copied data', () => {
  const names = Object.keys(migrations);

  it('takes data from this version or an older one', () => {
    expect(Object.keys(migrationsUpTo(names))).toEqual(names);
    expect(Object.keys(migrationsUpTo(names.slice(0, 2)))).toEqual(names.slice(0, 2));
  });

  it('refuses data from a newer or another version', () => {
    expect(() => migrationsUpTo([...names, '2099-01-01T0000-from-the-future'])).toThrow(
      'newer or different version',
    );
    expect(() => migrationsUpTo(['2026-01-01T0000-elsewhere'])).toThrow('different version');
  });
});
