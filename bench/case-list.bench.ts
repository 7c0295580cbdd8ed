/**
 * The staff case list at a million cases, on SQLite and PostgreSQL: seeds an organisation's
 * cases straight in SQL (schema as migrated, foreign keys on), then times the real use case
 * with real staff sessions, each filter against reading one case frame by id in the same run.
 * Run with `npm run bench:case-list` (PostgreSQL when HABEAS_TEST_POSTGRES_URL is set, in a
 * schema of its own that is dropped at the end); `npm run bench:case-list -- 20000` for a
 * quick run on fewer cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { HabeasDatabase } from '../src/adapters/db/database.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { openSqliteDatabase } from '../src/adapters/db/sqlite-database.ts';
import type { AuthenticatedSession } from '../src/app/accounts/authenticate-session.ts';
import { authenticateSession } from '../src/app/accounts/authenticate-session.ts';
import { type CaseListQuery, listCaseFiles } from '../src/app/cases/list-case-files.ts';
import type { Ports } from '../src/app/ports/ports.ts';
import { buildPorts } from '../src/server/container.ts';
import { buildEnrolledStaff } from '../test/support/staff-fixtures.ts';
import { testDialects, testPostgresServerUrl } from '../test/support/test-databases.ts';
import { databaseSize, rowCounts, seedCases } from './case-seed.ts';

const caseCount = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(caseCount) || caseCount < 1000) {
  throw new Error('the number of cases must be a whole number of at least 1000');
}
const goalMs = 20;
const warmUpRounds = 20;
const measuredRounds = 200;
/** Cases assigned to the lawyer whose "my cases" is measured. */
const lawyerCases = 150;

type Probe = { name: string; run: () => Promise<number> };
type Timing = { name: string; rows: number; p50: number; p95: number };

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

/** Round-robin over the probes, so that drift in the machine's load hits each alike. */
async function measure(probes: Probe[]): Promise<Timing[]> {
  const samples = probes.map(() => [] as number[]);
  const rows = probes.map(() => 0);
  for (let round = 0; round < warmUpRounds + measuredRounds; round++) {
    for (const [index, probe] of probes.entries()) {
      const start = performance.now();
      rows[index] = await probe.run();
      const elapsed = performance.now() - start;
      if (round >= warmUpRounds) samples[index]?.push(elapsed);
    }
  }
  return probes.map((probe, index) => {
    const sorted = [...(samples[index] ?? [])].sort((a, b) => a - b);
    return {
      name: probe.name,
      rows: rows[index] ?? 0,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
    };
  });
}

async function placesByCases(database: HabeasDatabase, orgId: string) {
  const rows = await database.db
    .selectFrom('timeline_events')
    .select(['place_id', (eb) => eb.fn.count<string | number>('case_id').distinct().as('cases')])
    .where('org_id', '=', orgId)
    .where('place_id', 'is not', null)
    .groupBy('place_id')
    .orderBy('cases', 'desc')
    .execute();
  return rows.map((row) => ({ placeId: row.place_id ?? '', cases: Number(row.cases) }));
}

/**
 * Seeds, then brings the database to where a deployment holding these cases would be, and
 * measures there. `settle` returns the database to measure on.
 */
async function run(
  seeded: HabeasDatabase,
  settle: (database: HabeasDatabase) => Promise<HabeasDatabase>,
): Promise<string[]> {
  const enrolling = buildPorts(seeded);
  const coordinator = await buildEnrolledStaff(enrolling, { roles: ['coordinator'] });
  const lawyer = await buildEnrolledStaff(enrolling, {
    orgId: coordinator.orgId,
    roles: ['lawyer'],
  });
  const ids = { orgId: coordinator.orgId, lawyerId: lawyer.userId };

  const seedStart = performance.now();
  await seedCases(seeded, { ...ids, caseCount, lawyerCases });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const settleStart = performance.now();
  const database = await settle(seeded);
  const settleSeconds = (performance.now() - settleStart) / 1000;
  const counts = await rowCounts(database);
  const size = await databaseSize(database);
  const ports = buildPorts(database);

  const ranked = await placesByCases(database, ids.orgId);
  const busiest = ranked[0];
  const quiet = ranked[Math.floor(ranked.length / 2)];
  if (busiest === undefined || quiet === undefined) throw new Error('no places seeded');

  const sessions = {
    coordinator: await authenticateSession(ports, coordinator.sessionToken, 'full'),
    lawyer: await authenticateSession(ports, lawyer.sessionToken, 'full'),
  };
  const list = (session: AuthenticatedSession, query: CaseListQuery) => async () =>
    (await listCaseFiles(ports, session, query)).length;
  const frameIds = (await listCaseFiles(ports, sessions.coordinator, { status: 'closed' })).map(
    (entry) => entry.caseFile.id,
  );
  let next = 0;
  const probes: Probe[] = [
    {
      name: 'baseline: one case frame by id',
      run: () => findOneFrame(ports, ids.orgId, frameIds[next++ % frameIds.length] ?? ''),
    },
    { name: 'coordinator, open, newest 200', run: list(sessions.coordinator, { status: 'open' }) },
    { name: 'lawyer, my open cases', run: list(sessions.lawyer, { status: 'open', mine: true }) },
    {
      name: `coordinator, busiest place (${busiest.cases.toLocaleString('en')} cases)`,
      run: list(sessions.coordinator, { status: 'open', placeId: busiest.placeId }),
    },
    {
      name: `coordinator, median place (${quiet.cases.toLocaleString('en')} cases)`,
      run: list(sessions.coordinator, { status: 'open', placeId: quiet.placeId }),
    },
    {
      name: 'coordinator, campaign autumn 2025',
      run: list(sessions.coordinator, { status: 'open', campaignId: '2025-autumn' }),
    },
    { name: 'coordinator, closed cases', run: list(sessions.coordinator, { status: 'closed' }) },
  ];
  const timings = await measure(probes);
  const baseline = timings[0];
  if (baseline === undefined) throw new Error('no baseline measured');
  const width = Math.max(...timings.map((timing) => timing.name.length));
  return [
    `${database.dialect}: seeded in ${seedSeconds.toFixed(0)} s, statistics in ${settleSeconds.toFixed(0)} s (${counts}; ${size})`,
    `  ${'filter'.padEnd(width)}  rows  p50 ms  p95 ms  p95 ÷ baseline  goal p95 ≤ ${goalMs} ms`,
    ...timings.map((timing, index) =>
      [
        `  ${timing.name.padEnd(width)}`,
        String(timing.rows).padStart(4),
        timing.p50.toFixed(2).padStart(6),
        timing.p95.toFixed(2).padStart(6),
        index === 0 ? ''.padStart(14) : `${(timing.p95 / baseline.p95).toFixed(1)}×`.padStart(14),
        index === 0 ? '' : timing.p95 <= goalMs ? 'met' : 'MISSED',
      ].join('  '),
    ),
  ];
}

async function findOneFrame(ports: Ports, orgId: string, caseId: string): Promise<number> {
  const frame = await ports.unitOfWork.run((repositories) =>
    repositories.caseFiles.findFrame(orgId, caseId),
  );
  return frame === null ? 0 : 1;
}

async function runSqlite(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'habeas-bench-'));
  const file = path.join(dir, 'habeas.sqlite');
  let database = openSqliteDatabase(file);
  try {
    await migrateToLatest(database.db);
    return await run(database, async (seeded) => {
      // As after a restart: opening analyses what grew tenfold; the first query waits for it.
      await seeded.close();
      database = openSqliteDatabase(file);
      await sql`select 1`.execute(database.db);
      return database;
    });
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<string[]> {
  const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
  if (testPostgresServerUrl() === undefined || postgres === undefined) {
    return ['postgres: skipped, set HABEAS_TEST_POSTGRES_URL to a server to include it'];
  }
  const database = await postgres.open();
  try {
    return await run(database, async (seeded) => {
      // What autovacuum does on its own after a bulk load: statistics and the visibility map.
      await sql`vacuum analyze`.execute(seeded.db);
      return seeded;
    });
  } finally {
    await database.close();
  }
}

process.stdout.write(
  `case list at ${caseCount.toLocaleString('en')} cases, ${measuredRounds} rounds per filter after ${warmUpRounds} of warm-up\n`,
);
for (const lines of [await runSqlite(), await runPostgres()])
  process.stdout.write(`${lines.join('\n')}\n`);
