import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHabeasCli, schemaUrl } from '../../../test/support/run-habeas.ts';
import { tamperWithAuditEntry } from '../../../test/support/tamper.ts';
import {
  type TestDatabase,
  testDialects,
  testPostgresServerUrl,
} from '../../../test/support/test-databases.ts';
import { openSqliteDatabase, sqliteFileName } from '../../adapters/db/sqlite-database.ts';

type CliTarget = {
  name: string;
  env: Record<string, string>;
  /** The same database, opened from the test to play the intruder. */
  open(): Promise<TestDatabase>;
  cleanup(): Promise<void>;
};

function sqliteTarget(): CliTarget {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'habeas-cli-'));
  return {
    name: 'sqlite',
    env: { HABEAS_DATA_DIR: dataDir },
    async open() {
      return { ...openSqliteDatabase(path.join(dataDir, sqliteFileName)), schema: null };
    },
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The CLI is a separate process, so on PostgreSQL it needs a real server to reach. */
async function postgresTarget(): Promise<CliTarget | null> {
  const serverUrl = testPostgresServerUrl();
  const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
  if (serverUrl === undefined || postgres === undefined) return null;
  const database = await postgres.open({ migrate: false });
  return {
    name: 'postgres',
    env: { DATABASE_URL: schemaUrl(serverUrl, database.schema ?? 'public') },
    open: async () => database,
    cleanup: () => database.close(),
  };
}

const targets = [sqliteTarget(), await postgresTarget()].filter((target) => target !== null);

// Each command is a process of its own that loads TypeScript and opens the database.
describe.each(targets)('habeas CLI [$name]', { timeout: 120_000 }, (target) => {
  beforeAll(async () => {
    const created = await runHabeasCli(
      ['org', 'create', '--name', 'Правозащитная группа'],
      target.env,
    );
    expect(created.code, created.stderr).toBe(0);
  });
  afterAll(() => target.cleanup());

  it('adds a user and prints a one-time enrolment link', async () => {
    const added = await runHabeasCli(
      ['user', 'add', '--email', 'lawyer@example.org', '--role', 'lawyer', '--role', 'coordinator'],
      { ...target.env, HABEAS_PUBLIC_URL: 'https://help.example.org' },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^https:\/\/help\.example\.org\/staff\/welcome#token=[\w-]{43}\n$/,
    );
  });

  it('refuses a duplicate user with a clear message and exit code', async () => {
    const again = await runHabeasCli(
      ['user', 'add', '--email', 'LAWYER@example.org', '--role', 'lawyer'],
      target.env,
    );
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('CONFLICT');
  });

  it('refuses an unknown role before touching anything', async () => {
    const bad = await runHabeasCli(
      ['user', 'add', '--email', 'x@example.org', '--role', 'root'],
      target.env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('expected one of admin, coordinator, lawyer, operator, volunteer');
  });

  it('revokes a user', async () => {
    const revoked = await runHabeasCli(
      ['user', 'revoke', '--email', 'lawyer@example.org'],
      target.env,
    );
    expect(revoked.code, revoked.stderr).toBe(0);
  });

  it('verifies the audit chain, then reports the entry an intruder edited', async () => {
    const intact = await runHabeasCli(['audit', 'verify'], target.env);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^ok +\S+: 3 entries\n$/);

    const database = await target.open();
    await tamperWithAuditEntry(database, 2, 'someone-else');
    if (target.name === 'sqlite') await database.close();

    const tampered = await runHabeasCli(['audit', 'verify'], target.env);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/TAMPERED \S+: entry 2 \(hash-mismatch\)/);
  });

  it('creates the escrow key into a file only its owner can read, and rotates keys with it', async () => {
    const keyDir = mkdtempSync(path.join(tmpdir(), 'habeas-escrow-'));
    try {
      const first = path.join(keyDir, 'escrow-1.key');
      const second = path.join(keyDir, 'escrow-2.key');
      const init = await runHabeasCli(['escrow', 'init', '--out', first], target.env);
      expect(init.code, init.stderr).toBe(0);
      expect(statSync(first).mode & 0o777).toBe(0o600);
      expect(init.stdout).not.toContain(readFileSync(first, 'utf8').trim());

      const again = await runHabeasCli(['escrow', 'init', '--out', second], target.env);
      expect(again.code).toBe(5);

      const keys = await runHabeasCli(['keys', 'rotate', '--key-file', first], target.env);
      expect(keys.stdout).toBe('rotated the keys of 0 cases\n');
      const rotated = await runHabeasCli(
        ['escrow', 'rotate', '--key-file', first, '--out', second],
        target.env,
      );
      expect(rotated.code, rotated.stderr).toBe(0);
      const stale = await runHabeasCli(['keys', 'rotate', '--key-file', first], target.env);
      expect(stale.code).toBe(3);
      expect(stale.stderr).toContain('KEY_UNAVAILABLE');
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  });

  it('sets how long closed cases are kept', async () => {
    const set = await runHabeasCli(['org', 'retention', '--days', '90'], target.env);
    expect(set.stdout).toBe('closed cases are destroyed 90 days after closing\n');
    const both = await runHabeasCli(['org', 'retention', '--days', '90', '--keep'], target.env);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('give either --days N or --keep');
  });

  it('puts a staff member on duty and shows who is on duty and the time nobody covers', async () => {
    await runHabeasCli(
      ['user', 'add', '--email', 'duty@example.org', '--role', 'lawyer', '--name', 'Дежурный'],
      target.env,
    );
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const inFiveHours = new Date(Date.now() + 5 * 3_600_000).toISOString();
    const added = await runHabeasCli(
      ['roster', 'add', '--email', 'duty@example.org', '--from', inAnHour, '--to', inFiveHours],
      target.env,
    );
    expect(added.code, added.stderr).toBe(0);
    const shown = await runHabeasCli(['roster', 'show'], target.env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('on duty now: nobody');
    expect(shown.stdout).toContain(`shift ${inAnHour} – ${inFiveHours} Дежурный`);
    expect(shown.stdout).toMatch(
      new RegExp(`not covered \\S+ – ${inAnHour.replace(/[.]/g, '\\.')}`),
    );
    const backwards = await runHabeasCli(
      ['roster', 'add', '--email', 'duty@example.org', '--from', inFiveHours, '--to', inAnHour],
      target.env,
    );
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('FACTS_REFUSED');
    const noOffset = await runHabeasCli(
      [
        'roster',
        'add',
        '--email',
        'duty@example.org',
        '--from',
        '2026-11-30T08:00',
        '--to',
        inAnHour,
      ],
      target.env,
    );
    expect(noOffset.code).not.toBe(0);
    expect(noOffset.stderr).toContain('expected a time with its offset');
  });
});
