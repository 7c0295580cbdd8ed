/**
 * Nothing acknowledged is lost; nothing half-written is kept. The server runs as a child
 * process under intake load and is killed with SIGKILL at random moments, then restarted on the
 * same data; at the end every acknowledged report must open, with its personal answers, for an
 * enrolled staff member. A full disk must give errors, never acknowledgements.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HabeasDatabase } from '../../src/adapters/db/database.ts';
import { openPostgresDatabase } from '../../src/adapters/db/postgres-database.ts';
import { openSqliteDatabase, sqliteFileName } from '../../src/adapters/db/sqlite-database.ts';
import { demoEscrowKey, openEveryCaseWithEscrow } from '../support/escrow-reader.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import {
  type AcknowledgedReport,
  type IntakeLoad,
  startIntakeLoad,
} from '../support/intake-load.ts';
import { runHabeasCli, schemaUrl } from '../support/run-habeas.ts';
import {
  freePort,
  type RunningServer,
  serverMain,
  spawnWatched,
  startServer,
  untilServing,
} from '../support/running-server.ts';
import { testDialects, testPostgresServerUrl } from '../support/test-databases.ts';

const kills = 20;
const loadClients = 6;

type Target = {
  name: string;
  /** Settings of every server start and CLI run, on top of the data dir. */
  env: Record<string, string>;
  dataDir: string;
  /** The same database, opened from the test once the server is down. */
  open(): Promise<HabeasDatabase>;
  cleanup(): Promise<void>;
};

function sqliteTarget(dataDir = mkdtempSync(path.join(tmpdir(), 'habeas-durability-'))): Target {
  return {
    name: 'sqlite',
    env: {},
    dataDir,
    open: async () => openSqliteDatabase(path.join(dataDir, sqliteFileName)),
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema on the tests' PostgreSQL server: the server process needs a real one. */
async function postgresTarget(): Promise<Target> {
  const serverUrl = testPostgresServerUrl();
  const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
  if (serverUrl === undefined || postgres === undefined) throw new Error('needs PostgreSQL');
  const database = await postgres.open({ migrate: false });
  const schema = database.schema ?? 'public';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'habeas-durability-'));
  return {
    name: 'postgres',
    env: { DATABASE_URL: schemaUrl(serverUrl, schema) },
    dataDir,
    open: async () => openPostgresDatabase({ connectionString: serverUrl, schema }),
    async cleanup() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function adminCredentials(firstStartOutput: string): { email: string; password: string } {
  return {
    email: /E-mail: +(\S+)/.exec(firstStartOutput)?.[1] ?? '',
    password: /Password: +(\S+)/.exec(firstStartOutput)?.[1] ?? '',
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs the tasks with a few at a time: the server is on the same two cores. */
async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await task(item);
      }
    }),
  );
}

type CaseFileBody = {
  persons: { fullName: string }[];
  report: { caseCode: string; answers: Record<string, unknown> } | null;
};

/** Staff API reads per minute stay under the server's general rate limit (300). */
const staffReadSample = 100;

/**
 * Through the public interfaces, while the server runs: every acknowledged report's follow-up
 * link still works, and a random sample of them opens for the demo coordinator through the
 * staff API with the personal answers it was given.
 */
async function expectAcknowledgedReportsServed(
  target: Target,
  baseUrl: string,
  credentials: { email: string; password: string },
  acknowledged: AcknowledgedReport[],
): Promise<void> {
  const problems: string[] = [];
  const caseCodes = new Map<AcknowledgedReport, string>();
  await inParallel(acknowledged, 4, async (report) => {
    const followUp = await fetch(`${baseUrl}/api/v1/reports/follow-up/${report.followUpToken}`);
    if (followUp.status !== 200) {
      problems.push(`${report.channel} report ${report.personName}: follow-up ${followUp.status}`);
      return;
    }
    const { caseCode } = (await followUp.json()) as { caseCode: string };
    if (report.caseCode !== null && report.caseCode !== caseCode) {
      problems.push(`${report.personName}: follow-up shows ${caseCode}, not ${report.caseCode}`);
    }
    caseCodes.set(report, caseCode);
  });
  expect(problems).toEqual([]);

  const sample = [...acknowledged].sort(() => Math.random() - 0.5).slice(0, staffReadSample);
  const database = await target.open();
  const caseIds = new Map(
    (await database.db.selectFrom('reports').select(['case_code', 'case_id']).execute()).map(
      (row) => [row.case_code, row.case_id],
    ),
  );
  await database.close();
  const staff = httpStaffClient(baseUrl);
  await staff.enrolAtFirstLogin(credentials.email, credentials.password);
  await inParallel(sample, 4, async (report) => {
    const caseId = caseIds.get(caseCodes.get(report) ?? '');
    const response = await staff.call('GET', `/api/v1/cases/${caseId}`);
    const caseFile = response.status === 200 ? ((await response.json()) as CaseFileBody) : null;
    if (
      caseFile?.report?.answers['person-name'] !== report.personName ||
      caseFile.report.answers['detention-details'] !== report.details ||
      caseFile.persons[0]?.fullName !== report.personName
    ) {
      problems.push(`${report.personName}: the staff API answered ${response.status}`);
    }
  });
  expect(problems).toEqual([]);
}

/**
 * From storage, with the server down: every case opens with the escrow key (reports whose
 * acknowledgement was lost in a crash, and the demo's samples, too), and every acknowledged
 * report is there with the personal answers it was given.
 */
async function expectEveryCaseOpens(
  target: Target,
  acknowledged: AcknowledgedReport[],
): Promise<{ cases: number; unacknowledged: number }> {
  const database = await target.open();
  const { opened, failed } = await openEveryCaseWithEscrow(
    database,
    demoEscrowKey(target.dataDir),
  ).finally(() => database.close());
  expect(failed).toEqual([]);
  const byName = new Map(
    opened.map((caseFile) => [String(caseFile.answers?.['person-name'] ?? ''), caseFile]),
  );
  const lost = acknowledged.filter((report) => {
    const caseFile = byName.get(report.personName);
    return (
      caseFile?.answers?.['detention-details'] !== report.details ||
      caseFile.fullNames[0] !== report.personName ||
      (report.caseCode !== null && caseFile.caseCode !== report.caseCode)
    );
  });
  expect(lost.map((report) => `${report.channel} ${report.personName}`)).toEqual([]);
  const reports = opened.filter((caseFile) => caseFile.caseCode !== null).length;
  return { cases: opened.length, unacknowledged: reports - acknowledged.length };
}

/** Straight from storage: every case is whole, or absent. */
async function expectNothingHalfWritten(target: Target): Promise<void> {
  const { db, close } = await target.open();
  try {
    const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
      Number((await query.execute(db)).rows[0]?.n);
    // A report opens its case in the same transaction: an intake case without one is torn.
    expect(
      await count(sql`select count(*) as n from case_files c
        where c.created_by is null and not exists (select 1 from reports r where r.case_id = c.id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from reports r
        where not exists (select 1 from case_files c where c.id = r.case_id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from persons p
        where not exists (select 1 from case_files c where c.id = p.case_id)`),
    ).toBe(0);
    // A case whose key is sealed to nobody, or not to escrow, could never be opened again.
    expect(
      await count(sql`select count(*) as n from case_files c where not exists (
        select 1 from case_key_wraps w where w.case_id = c.id and w.recipient_kind = 'escrow')`),
    ).toBe(0);
    // The report, its case and the audit entry of its arrival are one transaction.
    expect(
      await count(sql`select count(*) as n from case_files c where c.created_by is null
        and not exists (select 1 from audit_log a
          where a.subject_id = c.id and a.action = 'case.created')`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from reports where personal_answers not like 's1.%'`),
    ).toBe(0);
  } finally {
    await close();
  }
}

function expectSqliteIntact(dataDir: string): void {
  const connection = new SQLite(path.join(dataDir, sqliteFileName), { readonly: true });
  try {
    expect(connection.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(connection.pragma('foreign_key_check')).toEqual([]);
  } finally {
    connection.close();
  }
}

async function expectAuditChainIntact(env: Record<string, string>): Promise<void> {
  const verified = await runHabeasCli(['audit', 'verify'], env);
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toMatch(/^ok +\S+: \d+ entries\n$/);
}

/** Made only when their test runs, so that a filtered run leaves no folder or schema behind. */
const targets = [
  { name: 'sqlite', create: async () => sqliteTarget() },
  ...(testPostgresServerUrl() === undefined ? [] : [{ name: 'postgres', create: postgresTarget }]),
];

describe.each(targets)('acknowledged reports survive kill -9 [$name]', ({ create }) => {
  let target: Target;
  let server: RunningServer | undefined;
  let load: IntakeLoad | undefined;
  beforeAll(async () => {
    target = await create();
  });
  afterAll(async () => {
    await load?.stop();
    await server?.stop('SIGKILL');
    await target?.cleanup();
  });

  it(`loses no acknowledged report over ${kills} kills under intake load`, {
    timeout: 600_000,
  }, async () => {
    const started = Date.now();
    const env = { ...target.env, HABEAS_INTAKE_LIMITS: 'off' };
    const port = await freePort();
    server = await startServer(env, { dataDir: target.dataDir, port });
    const credentials = adminCredentials(server.output());
    expect(credentials.password).not.toBe('');
    load = startIntakeLoad({ baseUrl: `http://127.0.0.1:${port}`, clients: loadClients });

    const inFlightAtKill: number[] = [];
    const restartMs: number[] = [];
    for (let kill = 0; kill < kills; kill += 1) {
      const running = load;
      const before = running.counts().acknowledged;
      // Under load for sure, then a random moment later.
      await until(() => running.counts().acknowledged > before, 'an acknowledgement', 120_000);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 600));
      inFlightAtKill.push(running.inFlight());
      await server.stop('SIGKILL');
      const restarting = Date.now();
      server = await startServer(env, { dataDir: target.dataDir, port });
      restartMs.push(Date.now() - restarting);
    }
    await load.stop();
    const counts = load.counts();
    const loaded = Date.now();
    await expectAcknowledgedReportsServed(target, server.baseUrl, credentials, load.acknowledged);
    await server.stop('SIGTERM');
    const readable = await expectEveryCaseOpens(target, load.acknowledged);
    await expectNothingHalfWritten(target);
    if (target.name === 'sqlite') expectSqliteIntact(target.dataDir);
    await expectAuditChainIntact({ ...target.env, HABEAS_DATA_DIR: target.dataDir });

    const web = load.acknowledged.filter((report) => report.channel === 'web').length;
    process.stdout.write(
      `durability [${target.name}]: ${kills} kills in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `${counts.acknowledged} reports acknowledged (${web} by the web form), all readable; ` +
        `${counts.unanswered} unanswered, ${counts.refused} refused; ` +
        `${readable.unacknowledged} stored without an acknowledgement; ${readable.cases} cases opened; ` +
        `requests in flight at each kill: ${inFlightAtKill.join(' ')}; ` +
        `restart ${Math.round(restartMs.reduce((sum, ms) => sum + ms, 0) / restartMs.length)} ms on average, ` +
        `checks ${Math.round((Date.now() - loaded) / 1000)} s\n`,
    );
    expect(inFlightAtKill.filter((inFlight) => inFlight > 0).length).toBeGreaterThan(kills / 2);
  });
});

/** The data dir of the full-disk test: this small, so that intake fills it in seconds. */
const fullDiskSize = '4m';

/**
 * Runs the server with its data dir on a tmpfs of its own, mounted in a private mount namespace
 * (an unprivileged user namespace: no root needed, nothing visible outside, gone with the
 * process). When the server exits, the data dir is copied out, to be checked.
 */
const onTmpfs = `
mount -t tmpfs -o size="$1" habeas-full "$2" || exit 97
"$4" --import tsx "$5" &
server=$!
echo "server pid $server"
wait "$server"
status=$?
cp -a "$2/." "$3/"
exit $status
`;

function privateTmpfsAvailable(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'habeas-tmpfs-probe-'));
  try {
    const mounted = spawnSync(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        'mount -t tmpfs -o size=1m probe "$1"',
        'sh',
        probe,
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );
    return mounted.status === 0;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!privateTmpfsAvailable())('a full disk [sqlite on a small tmpfs]', () => {
  let work: string | undefined;
  let load: IntakeLoad | undefined;
  let serverPid: number | undefined;
  let launcherExited: Promise<unknown> | undefined;
  let restarted: RunningServer | undefined;
  afterAll(async () => {
    await load?.stop();
    if (serverPid !== undefined) {
      try {
        process.kill(serverPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // The launcher copies the data dir out when the server ends; let it finish first.
    await launcherExited;
    await restarted?.stop('SIGKILL');
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('answers errors once the disk is full, and every acknowledged report is there', {
    timeout: 480_000,
  }, async () => {
    work = mkdtempSync(path.join(tmpdir(), 'habeas-full-disk-'));
    const mountPoint = path.join(work, 'mounted');
    const copy = sqliteTarget(path.join(work, 'copied'));
    mkdirSync(mountPoint);
    mkdirSync(copy.dataDir);
    const port = await freePort();
    const launched = spawnWatched(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        onTmpfs,
        'sh',
        fullDiskSize,
        mountPoint,
        copy.dataDir,
        process.execPath,
        serverMain,
      ],
      {
        HABEAS_DATA_DIR: mountPoint,
        PORT: String(port),
        HOST: '127.0.0.1',
        HABEAS_INTAKE_LIMITS: 'off',
      },
    );
    const exited = new Promise((resolve) => launched.child.once('exit', resolve));
    launcherExited = exited;
    // Known before it serves, so that it is killed whatever happens next.
    await until(() => /server pid \d+/.test(launched.output()), 'the server to be launched');
    serverPid = Number(/server pid (\d+)/.exec(launched.output())?.[1]);
    await untilServing(launched);
    const credentials = adminCredentials(launched.output());

    load = startIntakeLoad({ baseUrl: `http://127.0.0.1:${port}`, clients: 4 });
    const running = load;
    await until(() => running.counts().refused >= 100, 'the disk to fill', 300_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    await load.stop();
    const counts = load.counts();
    process.kill(serverPid, 'SIGKILL');
    await exited;
    serverPid = undefined;

    expect(health.status).toBe(200);
    // The refusals came from the disk: SQLite's code for a write that found no space.
    expect(launched.output()).toContain('SQLITE_FULL');
    expect(counts.acknowledged).toBeGreaterThan(0);
    expect(counts.unanswered).toBe(0);
    const statuses = [...load.refusals().keys()];
    expect(statuses.every((status) => status >= 500)).toBe(true);

    restarted = await startServer({ HABEAS_INTAKE_LIMITS: 'off' }, { dataDir: copy.dataDir });
    await expectAcknowledgedReportsServed(copy, restarted.baseUrl, credentials, load.acknowledged);
    await restarted.stop('SIGTERM');
    const readable = await expectEveryCaseOpens(copy, load.acknowledged);
    await expectNothingHalfWritten(copy);
    expectSqliteIntact(copy.dataDir);
    await expectAuditChainIntact({ HABEAS_DATA_DIR: copy.dataDir });
    process.stdout.write(
      `full disk (${fullDiskSize} tmpfs): ${counts.acknowledged} reports acknowledged before it filled, all readable; ` +
        `then ${counts.refused} refused with ${statuses.join(', ')}; ` +
        `${readable.unacknowledged} stored without an acknowledgement\n`,
    );
  });
});
