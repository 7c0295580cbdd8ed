/**
 * Moving an embedded instance to PostgreSQL: `habeas db copy` takes the demo data, keys and
 * sealed fields intact, and a server started on PostgreSQL opens every case.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { httpStaffClient } from '../support/http-staff-client.ts';
import { reportAnswers } from '../support/intake-load.ts';
import { runHabeasCli, schemaUrl } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import {
  type TestDatabase,
  testDialects,
  testPostgresServerUrl,
} from '../support/test-databases.ts';

const serverUrl = testPostgresServerUrl();

type CaseFileBody = { persons: { fullName: string }[] };

describe.skipIf(serverUrl === undefined)('habeas db copy into PostgreSQL', () => {
  const servers: RunningServer[] = [];
  let schema: TestDatabase | undefined;
  afterAll(async () => {
    for (const server of servers) {
      await server.stop('SIGKILL');
      server.remove();
    }
    await schema?.close();
  });

  it('copies the demo instance, and its cases open on PostgreSQL', {
    timeout: 300_000,
  }, async () => {
    const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
    if (serverUrl === undefined || postgres === undefined) throw new Error('needs PostgreSQL');
    const embedded = await startServer({ HABEAS_INTAKE_LIMITS: 'off' });
    servers.push(embedded);
    const email = /E-mail: +(\S+)/.exec(embedded.output())?.[1] ?? '';
    const password = /Password: +(\S+)/.exec(embedded.output())?.[1] ?? '';
    const staff = httpStaffClient(embedded.baseUrl);
    const totpSecret = await staff.enrolAtFirstLogin(email, password);
    for (const serial of ['copy-1', 'copy-2', 'copy-3']) {
      const reported = await fetch(`${embedded.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: reportAnswers(serial) }),
      });
      expect(reported.status).toBe(201);
    }
    const before = (await (await staff.call('GET', '/api/v1/cases')).json()) as {
      cases: { id: string }[];
    };
    const names = new Map<string, string>();
    for (const { id } of before.cases) {
      const opened = (await (
        await staff.call('GET', `/api/v1/cases/${id}`)
      ).json()) as CaseFileBody;
      names.set(id, opened.persons[0]?.fullName ?? '');
    }
    expect(names.size).toBe(6);
    await embedded.stop('SIGTERM');

    schema = await postgres.open({ migrate: false });
    const target = schemaUrl(serverUrl, schema.schema ?? 'public');
    const copied = await runHabeasCli(['db', 'copy', '--to', target], {
      HABEAS_DATA_DIR: embedded.dataDir,
    });
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^copied \d+ rows of \d+ tables into PostgreSQL\n/);
    const again = await runHabeasCli(['db', 'copy', '--to', target], {
      HABEAS_DATA_DIR: embedded.dataDir,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the target database holds data');

    // The data dir stays: it holds the blind-index key (and the demo's escrow key).
    const moved = await startServer(
      { DATABASE_URL: target, HABEAS_INTAKE_LIMITS: 'off' },
      { dataDir: embedded.dataDir },
    );
    servers.push(moved);
    expect(moved.output()).toContain('(postgres)');
    expect(moved.output()).not.toContain('created a demo organisation');
    const reader = httpStaffClient(moved.baseUrl);
    await reader.logIn(email, password, totpSecret);
    for (const [id, fullName] of names) {
      const response = await reader.call('GET', `/api/v1/cases/${id}`);
      expect(response.status, fullName).toBe(200);
      expect(((await response.json()) as CaseFileBody).persons[0]?.fullName).toBe(fullName);
    }
    const matches = await reader.call('POST', '/api/v1/cases/matches', {
      fullName: 'Стойкий Пётр copy-1',
      birthDate: '2006-01-01',
    });
    expect(((await matches.json()) as { caseIds: string[] }).caseIds.length).toBeGreaterThan(0);
    const reported = await fetch(`${moved.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: reportAnswers('after-the-move') }),
    });
    expect(reported.status).toBe(201);
    await moved.stop('SIGTERM');

    const verified = await runHabeasCli(['audit', 'verify'], {
      DATABASE_URL: target,
      HABEAS_DATA_DIR: embedded.dataDir,
    });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
