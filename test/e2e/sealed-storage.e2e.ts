import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/adapters/db/postgres-database.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import { schemaUrl } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import { testDialects, testPostgresServerUrl } from '../support/test-databases.ts';

/** Unique strings planted in every personal field; none may be found at rest. */
const canaries = {
  fullName: 'Канарейкин CANARY-FULLNAME-41c9',
  phone: '+7 900 CANARY-PHONE-8d02',
  notes: 'Свидетель сообщил: CANARY-NOTES-e7b5, станция Выхино',
};
const canaryTexts = Object.values(canaries).flatMap(
  (value) => value.match(/CANARY-[A-Z]+-[0-9a-f]+/g) ?? [],
);

function credentials(server: RunningServer): { email: string; password: string } {
  return {
    email: /E-mail: +(\S+)/.exec(server.output())?.[1] ?? '',
    password: /Password: +(\S+)/.exec(server.output())?.[1] ?? '',
  };
}

/** Writes a case full of canaries through the staff API and reads it back, as a lawyer would. */
async function writeCanaryCase(server: RunningServer): Promise<void> {
  const { email, password } = credentials(server);
  const client = httpStaffClient(server.baseUrl);
  await client.enrolAtFirstLogin(email, password);
  const created = await client.call('POST', '/api/v1/cases', {
    person: { ...canaries, birthDate: '2006-02-03' },
  });
  expect(created.status).toBe(201);
  const { caseId } = (await created.json()) as { caseId: string };
  const opened = await client.call('GET', `/api/v1/cases/${caseId}`);
  expect(((await opened.json()) as { persons: { notes: string }[] }).persons[0]?.notes).toBe(
    canaries.notes,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('nothing personal at rest', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) {
      await server.stop('SIGKILL');
      server.remove();
    }
  });

  it('finds no canary in the SQLite file, its WAL, the data dir or the logs after a crash', async () => {
    const server = await startServer({ LOG_LEVEL: 'trace' });
    servers.push(server);
    await writeCanaryCase(server);
    await server.stop('SIGKILL');

    const files = filesUnder(server.dataDir);
    expect(files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['habeas.sqlite', 'habeas.sqlite-wal']),
    );
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const canary of canaryTexts) {
        expect(
          bytes.includes(Buffer.from(canary, 'utf8')),
          `${canary} in ${path.basename(file)}`,
        ).toBe(false);
      }
    }
    for (const canary of canaryTexts) expect(server.output()).not.toContain(canary);
  });

  const serverUrl = testPostgresServerUrl();
  it.skipIf(serverUrl === undefined)('finds no canary in any PostgreSQL table', async () => {
    const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
    if (serverUrl === undefined || postgres === undefined) return;
    const database = await postgres.open({ migrate: false });
    try {
      const server = await startServer({
        DATABASE_URL: schemaUrl(serverUrl, database.schema ?? 'public'),
        LOG_LEVEL: 'trace',
      });
      servers.push(server);
      await writeCanaryCase(server);
      await server.stop('SIGTERM');

      const reader = openPostgresDatabase({
        connectionString: serverUrl,
        schema: database.schema ?? 'public',
      });
      const schema = database.schema ?? 'public';
      const tables = (await reader.db.introspection.getTables()).filter(
        (table) => table.schema === schema,
      );
      let rowsRead = 0;
      for (const table of tables) {
        const rows = await sql<{
          row: string;
        }>`select row_to_json(t)::text as row from ${sql.table(table.name)} t`.execute(reader.db);
        rowsRead += rows.rows.length;
        for (const { row } of rows.rows) {
          for (const canary of canaryTexts)
            expect(row, `${canary} in ${table.name}`).not.toContain(canary);
        }
      }
      await reader.close();
      expect(rowsRead).toBeGreaterThan(10);
      for (const canary of canaryTexts) expect(server.output()).not.toContain(canary);
    } finally {
      await database.close();
    }
  });
});
