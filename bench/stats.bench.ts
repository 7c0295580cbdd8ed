/**
 * Public statistics at a million timeline events, on SQLite and PostgreSQL: seeds an
 * organisation's cases and events straight in SQL (half the cases marked publishable), then
 * times the dashboard aggregate (the SQL read of published events by kind, day and place, the
 * coarsening to weeks and campaigns, and suppression), the dashboard as served from its
 * snapshot, and the risk note, each against reading one case frame by id in the same run.
 * Run with `npm run bench:stats` (PostgreSQL when HABEAS_TEST_POSTGRES_URL is set, in a schema
 * of its own); `npm run bench:stats -- 100000` for a quick run on fewer events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { HabeasDatabase } from '../src/adapters/db/database.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { openSqliteDatabase } from '../src/adapters/db/sqlite-database.ts';
import { createOrganisation } from '../src/app/organisations/create-organisation.ts';
import { readPublicStats } from '../src/app/stats/read-public-stats.ts';
import { readRiskNote } from '../src/app/stats/read-risk-note.ts';
import { buildPorts } from '../src/server/container.ts';
import { publicPage } from '../src/server/http/public/public-page.ts';
import { statsSnapshot } from '../src/server/http/public/stats-snapshot.ts';
import { statsPageBody } from '../src/server/http/public/stats-view.ts';
import { testDialects, testPostgresServerUrl } from '../test/support/test-databases.ts';

const eventCount = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(eventCount) || eventCount < 4000) {
  throw new Error('the number of events must be a whole number of at least 4000');
}
/** Four events per case: detained, taken elsewhere, then a lawyer turned away or a release, then sent to a unit or a note. */
const eventsPerCase = 4;
const caseCount = Math.floor(eventCount / eventsPerCase);
const goalMs = 50;
const warmUpRounds = 3;
const measuredRounds = 20;
const seededFrom = Date.parse('2025-01-01T00:00:00Z') / 1000;
const seededTo = Date.parse('2026-11-29T00:00:00Z') / 1000;

type Dialect = 'sqlite' | 'postgres';

function numbers(dialect: Dialect, from: number, to: number): string {
  return dialect === 'sqlite'
    ? `(with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${to}) select i from n) as n`
    : `generate_series(${from}::bigint, ${to}::bigint) as n(i)`;
}

function isoTime(dialect: Dialect, seconds: string): string {
  return dialect === 'sqlite'
    ? `(strftime('%Y-%m-%dT%H:%M:%S', ${seconds}, 'unixepoch') || '.000Z')`
    : `(to_char(to_timestamp(${seconds}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '.000Z')`;
}

/** A SQL CASE picking one of the ids by an integer expression. */
function pickId(ids: readonly string[], expression: string): string {
  return `(case (${expression}) % ${ids.length} ${ids.map((id, index) => `when ${index} then '${id}'`).join(' ')} end)`;
}

async function seed(database: HabeasDatabase, orgId: string): Promise<void> {
  const dialect = database.dialect;
  const places = await database.db
    .selectFrom('places')
    .select(['id', 'kind'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  const stations = places.filter((place) => place.kind === 'metro-station').map((p) => p.id);
  const centres = places.filter((place) => place.kind !== 'metro-station').map((p) => p.id);
  const now = new Date().toISOString();
  const chunk = 50_000;
  for (let from = 1; from <= caseCount; from += chunk) {
    const to = Math.min(caseCount, from + chunk - 1);
    const caseId = `('bench-case-' || cast(i as text))`;
    // Busier stations first: the product skews the pick towards low numbers.
    const station = pickId(stations, `((i * 7919) % 1000) * ((i * 104729) % 1000) / 4000`);
    const centre = pickId(centres, `(i * 31) % 997`);
    const detainedAt = `(${seededFrom} + (i * ${seededTo - seededFrom}) / ${caseCount} + (i * 7) % 3600)`;
    const event = (k: number, kind: string, seconds: string, place: string) =>
      `insert into timeline_events (id, org_id, case_id, kind, occurred_at, place_id, power_of_attorney, note, recorded_by, recorded_at)
       select 'bench-event-' || cast(i as text) || '-${k}', '${orgId}', ${caseId}, ${kind}, ${isoTime(dialect, seconds)}, ${place}, null, null, null, '${now}'
       from ${numbers(dialect, from, to)}`;
    const statements = [
      `insert into case_files (id, org_id, status, data_key_id, created_by, created_at, updated_at, closed_at, merged_into)
       select ${caseId}, '${orgId}', case when i % 3 = 0 then 'closed' else 'open' end, null, null, ${isoTime(dialect, detainedAt)}, '${now}', null, null
       from ${numbers(dialect, from, to)}`,
      event(0, `'detained'`, detainedAt, station),
      event(1, `'transferred'`, `${detainedAt} + 3600`, centre),
      event(
        2,
        `case when i % 3 = 0 then 'lawyer-refused-entry' else 'released' end`,
        `${detainedAt} + 7200`,
        `case when i % 3 = 0 then ${centre} end`,
      ),
      event(
        3,
        `case when i % 5 = 0 then 'sent-to-unit' else 'note' end`,
        `${detainedAt} + 86400`,
        'null',
      ),
      `insert into case_publications (org_id, case_id, publishable, changed_by, changed_at)
       select '${orgId}', ${caseId}, case when i % 2 = 0 then 1 else 0 end, null, '${now}'
       from ${numbers(dialect, from, to)} where i % 4 <> 3`,
    ];
    await database.db.transaction().execute(async (transaction) => {
      for (const statement of statements) await sql.raw(statement).execute(transaction);
    });
  }
  await sql.raw(dialect === 'sqlite' ? 'analyze' : 'vacuum analyze').execute(database.db);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
}

type Probe = { name: string; run: () => Promise<unknown> };

/** Round-robin over the probes, so that drift in the machine's load hits each alike. */
async function measure(probes: Probe[]) {
  const samples = probes.map(() => [] as number[]);
  for (let round = 0; round < warmUpRounds + measuredRounds; round++) {
    for (const [index, probe] of probes.entries()) {
      const start = performance.now();
      await probe.run();
      if (round >= warmUpRounds) samples[index]?.push(performance.now() - start);
    }
  }
  return probes.map((probe, index) => {
    const sorted = [...(samples[index] ?? [])].sort((a, b) => a - b);
    return { name: probe.name, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
  });
}

async function run(database: HabeasDatabase): Promise<string[]> {
  const ports = buildPorts(database);
  const orgId = (await createOrganisation(ports, { name: 'Bench group' })).id;
  const seedStart = performance.now();
  await seed(database, orgId);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const [events] = await database.db
    .selectFrom('timeline_events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .execute();
  const stats = await readPublicStats(ports);
  // As the server reads: a week at a time on SQLite, in one go on PostgreSQL.
  const byWeek = database.dialect === 'sqlite';
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const aggregate = () => readPublicStats(ports, byWeek ? { pause } : {});
  // Older than the run, so that no probe waits behind a renewal (see docs/benchmarks.md).
  const snapshot = statsSnapshot(ports, 3_600_000, byWeek);
  const page = publicPage({
    language: 'ru',
    title: 'stats',
    body: statsPageBody({ stats, campaigns: ports.campaigns.all(), language: 'ru' }),
  });
  await snapshot();
  const frameId = 'bench-case-1';
  const timings = await measure([
    {
      name: 'baseline: one case frame by id',
      run: () => ports.unitOfWork.run((r) => r.caseFiles.findFrame(orgId, frameId)),
    },
    { name: 'dashboard aggregate (SQL, weeks, suppression)', run: aggregate },
    { name: 'dashboard served from its snapshot', run: () => snapshot() },
    { name: 'risk note (last 7 days)', run: () => readRiskNote(ports) },
  ]);
  const baseline = timings[0];
  if (baseline === undefined) throw new Error('no baseline measured');
  // How long a renewal holds the event loop at once: every other request waits that long.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const renewalStart = performance.now();
  await aggregate();
  const renewalMs = performance.now() - renewalStart;
  delay.disable();
  const width = Math.max(...timings.map((timing) => timing.name.length));
  return [
    `${database.dialect}: ${Number(events?.n ?? 0).toLocaleString('en')} events in ${caseCount.toLocaleString('en')} cases seeded in ${seedSeconds.toFixed(0)} s; ${stats.weeks.length} weeks, ${stats.places.length} places published; /stats page ${(Buffer.byteLength(page) / 1024).toFixed(0)} KB (goal ≤ 150 KB)`,
    `  renewal ${byWeek ? 'a week at a time' : 'in one go'}: ${renewalMs.toFixed(0)} ms in all, the event loop held at most ${(delay.max / 1e6).toFixed(0)} ms at once`,
    `  ${'probe'.padEnd(width)}  p50 ms   p95 ms  p50 ÷ baseline  goal ≤ ${goalMs} ms`,
    ...timings.map((timing, index) =>
      [
        `  ${timing.name.padEnd(width)}`,
        timing.p50.toFixed(2).padStart(7),
        timing.p95.toFixed(2).padStart(7),
        index === 0 ? ''.padStart(14) : `${(timing.p50 / baseline.p50).toFixed(0)}×`.padStart(14),
        index === 0 ? '' : timing.p50 <= goalMs ? 'met' : 'MISSED',
      ].join('  '),
    ),
  ];
}

async function runSqlite(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'habeas-bench-'));
  const database = openSqliteDatabase(path.join(dir, 'habeas.sqlite'));
  try {
    await migrateToLatest(database.db);
    return await run(database);
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
    return await run(database);
  } finally {
    await database.close();
  }
}

process.stdout.write(
  `public statistics at ${eventCount.toLocaleString('en')} events, ${measuredRounds} rounds per probe after ${warmUpRounds} of warm-up; load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}\n`,
);
for (const lines of [await runSqlite(), await runPostgres()])
  process.stdout.write(`${lines.join('\n')}\n`);
