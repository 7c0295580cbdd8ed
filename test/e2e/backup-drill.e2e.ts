/**
 * The restore drill an organisation runs: back up while the server takes reports, restore into
 * a fresh data dir, start a server there, and open every case. The backup holds no canary in
 * clear.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpStaffClient } from '../support/http-staff-client.ts';
import { type IntakeLoad, reportAnswers, startIntakeLoad } from '../support/intake-load.ts';
import { runHabeasCli, schemaUrl } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import {
  type TestDatabase,
  testDialects,
  testPostgresServerUrl,
} from '../support/test-databases.ts';

const sampleCases = 20;
const canary = 'CANARY-DRILL-3f8e';

type Instance = { env: Record<string, string>; dataDir: string };

type DrillTarget = {
  name: string;
  /** The instance that is backed up, and the one restored into. */
  source(): Promise<Instance>;
  restored(): Promise<Instance>;
  cleanup(): Promise<void>;
};

function sqliteTarget(): DrillTarget {
  const work = mkdtempSync(path.join(tmpdir(), 'habeas-drill-'));
  return {
    name: 'sqlite',
    source: async () => ({ env: {}, dataDir: path.join(work, 'data') }),
    restored: async () => ({ env: {}, dataDir: path.join(work, 'restored') }),
    async cleanup() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** On PostgreSQL the backup holds every table's rows and restores into an empty schema. */
async function postgresTarget(): Promise<DrillTarget> {
  const serverUrl = testPostgresServerUrl();
  const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
  if (serverUrl === undefined || postgres === undefined) throw new Error('needs PostgreSQL');
  const work = mkdtempSync(path.join(tmpdir(), 'habeas-drill-'));
  const schemas: TestDatabase[] = [];
  const instance = async (dir: string): Promise<Instance> => {
    const schema = await postgres.open({ migrate: false });
    schemas.push(schema);
    return {
      env: { DATABASE_URL: schemaUrl(serverUrl, schema.schema ?? 'public') },
      dataDir: path.join(work, dir),
    };
  };
  return {
    name: 'postgres',
    source: () => instance('data'),
    restored: () => instance('restored'),
    async cleanup() {
      for (const schema of schemas) await schema.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

function adminCredentials(output: string): { email: string; password: string } {
  return {
    email: /E-mail: +(\S+)/.exec(output)?.[1] ?? '',
    password: /Password: +(\S+)/.exec(output)?.[1] ?? '',
  };
}

type CaseFileBody = { persons: { fullName: string; notes: string | null }[] };

/** Made only when their test runs, so that a filtered run leaves no folder or schema behind. */
const targets = [
  { name: 'sqlite', create: async () => sqliteTarget() },
  ...(testPostgresServerUrl() === undefined ? [] : [{ name: 'postgres', create: postgresTarget }]),
];

describe.each(targets)('backup and restore drill [$name]', ({ create }) => {
  let target: DrillTarget;
  const servers: RunningServer[] = [];
  let load: IntakeLoad | undefined;
  beforeAll(async () => {
    target = await create();
  });
  afterAll(async () => {
    await load?.stop();
    for (const server of servers) await server.stop('SIGKILL');
    await target?.cleanup();
  });

  it(`restores a backup taken while serving and opens ${sampleCases} of ${sampleCases} cases`, {
    timeout: 300_000,
  }, async () => {
    const source = await target.source();
    const env = { ...source.env, HABEAS_INTAKE_LIMITS: 'off' };
    const server = await startServer(env, { dataDir: source.dataDir });
    servers.push(server);
    const credentials = adminCredentials(server.output());
    const staff = httpStaffClient(server.baseUrl);
    const totpSecret = await staff.enrolAtFirstLogin(credentials.email, credentials.password);

    // Half the sample cases opened by staff, half reported through the hotline.
    const expected = new Map<string, string>();
    for (let index = 0; index < sampleCases / 2; index += 1) {
      const fullName = `Канарейкин ${canary}-${index}`;
      const created = await staff.call('POST', '/api/v1/cases', {
        person: { fullName, birthDate: '2006-02-03', notes: `Заметка ${canary}` },
      });
      expect(created.status).toBe(201);
      expected.set(((await created.json()) as { caseId: string }).caseId, fullName);
    }
    const caseIdByCode = new Map<string, string>();
    for (let index = sampleCases / 2; index < sampleCases; index += 1) {
      const answers = reportAnswers(`${canary}-${index}`);
      const reported = await fetch(`${server.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
      expect(reported.status).toBe(201);
      const { caseCode } = (await reported.json()) as { caseCode: string };
      caseIdByCode.set(caseCode, answers['person-name'] ?? '');
    }
    const listed = (await (await staff.call('GET', '/api/v1/cases')).json()) as {
      cases: { id: string; report: { caseCode: string } | null }[];
    };
    for (const entry of listed.cases) {
      const name = entry.report === null ? undefined : caseIdByCode.get(entry.report.caseCode);
      if (name !== undefined) expected.set(entry.id, name);
    }
    expect(expected.size).toBe(sampleCases);

    // The backup is taken while reports keep arriving.
    const work = path.dirname(source.dataDir);
    const keyFile = path.join(work, 'backup.key');
    const keygen = await runHabeasCli(['backup', 'keygen', '--out', keyFile], {});
    expect(keygen.code, keygen.stderr).toBe(0);
    const publicKey = keygen.stdout.split('\n')[0] ?? '';
    load = startIntakeLoad({
      baseUrl: server.baseUrl.replace('localhost', '127.0.0.1'),
      clients: 2,
    });
    const backupFile = path.join(work, 'habeas.backup');
    const backup = await runHabeasCli(['backup', '--recipient', publicKey, '--out', backupFile], {
      ...source.env,
      HABEAS_DATA_DIR: source.dataDir,
    });
    expect(backup.code, backup.stderr).toBe(0);
    await load.stop();
    expect(load.counts().acknowledged).toBeGreaterThan(0);
    await server.stop('SIGTERM');

    const sealed = readFileSync(backupFile);
    for (const clear of [canary, 'Канарейкин', 'Стойкий']) {
      expect(sealed.includes(Buffer.from(clear, 'utf8')), clear).toBe(false);
    }

    const restoredTo = await target.restored();
    const restoredEnv = { ...restoredTo.env, HABEAS_DATA_DIR: source.dataDir };
    const refused = await runHabeasCli(
      ['restore', '--from', backupFile, '--key-file', keyFile, '--data-dir', source.dataDir],
      restoredEnv,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('a restore never overwrites a data dir');
    const restore = await runHabeasCli(
      ['restore', '--from', backupFile, '--key-file', keyFile, '--data-dir', restoredTo.dataDir],
      restoredEnv,
    );
    expect(restore.code, restore.stderr).toBe(0);
    for (const keyName of ['index.key', 'demo-escrow.key']) {
      expect(readFileSync(path.join(restoredTo.dataDir, keyName), 'utf8')).toBe(
        readFileSync(path.join(source.dataDir, keyName), 'utf8'),
      );
    }

    const restored = await startServer(
      { ...restoredTo.env, HABEAS_INTAKE_LIMITS: 'off' },
      { dataDir: restoredTo.dataDir },
    );
    servers.push(restored);
    expect(restored.output()).not.toContain('created a demo organisation');
    const reader = httpStaffClient(restored.baseUrl);
    await reader.logIn(credentials.email, credentials.password, totpSecret);
    let opened = 0;
    for (const [caseId, fullName] of expected) {
      const response = await reader.call('GET', `/api/v1/cases/${caseId}`);
      expect(response.status, fullName).toBe(200);
      const caseFile = (await response.json()) as CaseFileBody;
      expect(caseFile.persons[0]?.fullName).toBe(fullName);
      opened += 1;
    }
    expect(opened).toBe(sampleCases);
    // The blind-index key came back too: the same person is still found by name and birth date.
    const [firstCase] = expected.keys();
    const matches = await reader.call('POST', '/api/v1/cases/matches', {
      fullName: `Канарейкин ${canary}-0`,
      birthDate: '2006-02-03',
    });
    expect(((await matches.json()) as { caseIds: string[] }).caseIds).toContain(firstCase);
    await restored.stop('SIGTERM');

    const verified = await runHabeasCli(['audit', 'verify'], {
      ...restoredTo.env,
      HABEAS_DATA_DIR: restoredTo.dataDir,
    });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    process.stdout.write(
      `backup drill [${target.name}]: ${sealed.length} bytes sealed while ${load.counts().acknowledged} reports arrived; ` +
        `${opened} of ${sampleCases} cases opened after the restore\n`,
    );
  });
});
