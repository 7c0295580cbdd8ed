/**
 * What importing a case list costs per case, against opening the same cases one by one through
 * the case page's use case, on the same durable SQLite file (or PostgreSQL with
 * `-- --postgres <url>`). Also prints where an import's time goes: reading and checking the
 * rows, and writing them, of which sealing each case's key to its recipients is the bulk.
 * Run with `npm run bench:case-import`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { sodiumRecordSealing, sodiumStaffKeys } from '../src/adapters/crypto/sodium-keys.ts';
import type { HabeasDatabase } from '../src/adapters/db/database.ts';
import { migrateToLatest } from '../src/adapters/db/migrate.ts';
import { openPostgresDatabase } from '../src/adapters/db/postgres-database.ts';
import { openSqliteDatabase } from '../src/adapters/db/sqlite-database.ts';
import { authenticateSession } from '../src/app/accounts/authenticate-session.ts';
import { createCaseFile } from '../src/app/cases/create-case-file.ts';
import { importCases } from '../src/app/imports/import-cases.ts';
import { previewCaseImport } from '../src/app/imports/preview-case-import.ts';
import { createOrganisation } from '../src/app/organisations/create-organisation.ts';
import { setEscrowKey } from '../src/app/organisations/init-escrow.ts';
import { suggestMapping } from '../src/domain/imports/import-fields.ts';
import { buildPorts } from '../src/server/container.ts';
import { caseListHeaders, caseListRow, xlsxOf } from '../test/support/case-lists.ts';
import { buildEnrolledStaff } from '../test/support/staff-fixtures.ts';

const rows = 10_000;
const oneByOne = 300;
const postgresUrl = process.argv[process.argv.indexOf('--postgres') + 1];
const onPostgres = process.argv.includes('--postgres') && postgresUrl !== undefined;

/** Wall-clock and CPU milliseconds of one step: on a shared machine the two tell apart. */
async function measure<T>(
  step: () => Promise<T>,
): Promise<{ result: T; wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await step();
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}

async function openDatabase(): Promise<{ database: HabeasDatabase; finish: () => Promise<void> }> {
  if (onPostgres) {
    const schema = `bench_${Date.now()}`;
    const database = openPostgresDatabase({ connectionString: postgresUrl, schema });
    await database.db.schema.createSchema(schema).execute();
    await migrateToLatest(database.db);
    return {
      database,
      finish: async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
        await database.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'habeas-bench-'));
  const database = openSqliteDatabase(path.join(dir, 'habeas.sqlite'));
  await migrateToLatest(database.db);
  return {
    database,
    finish: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const { database, finish } = await openDatabase();
const ports = buildPorts(database);
const orgId = (await createOrganisation(ports, { name: 'Bench group' })).id;
await setEscrowKey(ports, { orgId });
await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
const lawyer = await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] });
const session = await authenticateSession(ports, lawyer.sessionToken, 'full');
const file = await xlsxOf(
  caseListHeaders,
  Array.from({ length: rows }, (_, index) => caseListRow(index)),
);
const request = { file, columns: suggestMapping(caseListHeaders), offsetMinutes: 180 };
const load = loadavg()[0] ?? 0;

const checked = await measure(() => previewCaseImport(ports, session, request));
const imported = await measure(() =>
  importCases(ports, session, { ...request, invalidRows: 'refuse' }),
);
const single = await measure(async () => {
  for (let index = 0; index < oneByOne; index++) {
    const [fullName, birthDate] = caseListRow(index);
    await createCaseFile(ports, session, {
      person: {
        fullName: String(fullName),
        birthDate: `2006-05-${String((index % 28) + 1).padStart(2, '0')}`,
        phone: null,
        notes: String(birthDate),
      },
    });
  }
});

// The sealing an import cannot avoid: a fresh key per case, sealed to each recipient.
const sealing = sodiumRecordSealing();
const recipientKey = sodiumStaffKeys().createEscrowKeyPair().publicKey;
const recipients = 3;
const sealed = await measure(async () => {
  for (let index = 0; index < 1_000; index++) {
    const key = sealing.newDataKey();
    for (let recipient = 0; recipient < recipients; recipient++)
      sealing.sealDataKey(key, recipientKey);
  }
});

await finish();

const perCase = (ms: number, count: number) => (ms / count).toFixed(2);
const importPerCase = imported.wall / rows;
const singlePerCase = single.wall / oneByOne;
process.stdout.write(
  [
    `case import: ${(importPerCase / singlePerCase).toFixed(2)}× the time per case of opening cases one by one`,
    `  import ${perCase(imported.wall, rows)} ms/case (${(imported.wall / 1000).toFixed(1)} s wall, ${(imported.cpu / 1000).toFixed(1)} s CPU for ${rows} rows)`,
    `  of which reading and checking ${perCase(checked.wall, rows)} ms/row (${(checked.cpu / 1000).toFixed(1)} s CPU), the dry run alone`,
    `  one by one ${perCase(single.wall, oneByOne)} ms/case (${oneByOne} cases, each its own transaction)`,
    `  sealing a new key to ${recipients} recipients: ${perCase(sealed.cpu, 1_000)} ms CPU/case`,
    `  (${onPostgres ? 'PostgreSQL' : 'SQLite WAL, synchronous=FULL'}; 1-minute load average ${load.toFixed(1)} at the start)`,
    '',
  ].join('\n'),
);
