/**
 * sqlmap (Debian's package) against every public endpoint and, with a signed-in coordinator's
 * session, every staff endpoint of a real server on loopback: it must find no injectable
 * parameter. The staff requests are the permission matrix's rows, so a route with a row is
 * attacked too; public requests are listed below.
 *
 * Bounded to finish in minutes: level 3 (every GET, POST and JSON parameter and the path
 * parameters marked with `*`, with the boundaries that close a LIKE pattern, which level 1
 * lacks: a search built by string concatenation went unnoticed at level 1 and was found at 3),
 * the session cookies and the user agent, referer and host headers skipped (they reach no
 * query, and a spoiled session cookie only tests the login), risk 1 (no OR-based or heavy
 * payloads that could rewrite rows), techniques B, E and U (boolean-based blind, error-based,
 * UNION): the ones that show an injection through the answer. Time-based and stacked queries
 * are left out: each of their payloads waits seconds, and an injection they would find also
 * changes the answers that boolean-based blind compares.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../src/app/alerts/raise-alert.ts';
import { createOrganisation } from '../../src/app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../src/app/organisations/init-escrow.ts';
import type { Ports } from '../../src/app/ports/ports.ts';
import { buildPorts } from '../../src/server/container.ts';
import type { HabeasServer } from '../../src/server/http/build-server.ts';
import { type CellFixture, type CellRequest, permissionRows } from '../security/permission-rows.ts';
import { reportAnswers } from '../support/intake-load.ts';
import { testClock } from '../support/test-clock.ts';
import { isCi, sqliteTestDialect, type TestDatabase } from '../support/test-databases.ts';
import { buildTestServer, signInOverHttp } from '../support/test-server.ts';

type Target = {
  name: string;
  request: CellRequest;
  signedIn: boolean;
  /** A refusal the route gives this request on purpose (a document no case has, say). */
  answersWith?: number;
};

/** Public requests, each valid so that the attack starts from a real answer. */
const publicTargets = (followUpToken: string): Target[] => [
  {
    name: 'POST /api/v1/reports',
    signedIn: false,
    request: {
      method: 'POST',
      url: '/api/v1/reports',
      body: { answers: reportAnswers('sqlmap') },
    },
  },
  {
    name: 'GET /api/v1/reports/follow-up/:followUpToken',
    signedIn: false,
    request: { method: 'GET', url: `/api/v1/reports/follow-up/${followUpToken}` },
  },
  {
    name: 'POST /api/v1/auth/login',
    signedIn: false,
    request: {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'nobody@example.org', password: 'correct horse battery staple' },
    },
  },
  {
    name: 'POST /api/v1/auth/password-reset',
    signedIn: false,
    request: {
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      body: { email: 'nobody@example.org' },
    },
  },
  {
    name: 'GET /r/:followUpToken',
    signedIn: false,
    request: { method: 'GET', url: `/r/${followUpToken}` },
  },
  {
    name: 'GET /report',
    signedIn: false,
    request: { method: 'GET', url: '/report?step=situation&lang=ru' },
  },
];

/** Marks where sqlmap may inject in a path: after each id. */
function markedPath(url: string): string {
  const [pathPart = '', query] = url.split('?');
  const marked = pathPart.replace(/([0-9a-f-]{36}|[\w-]{43})(?=\/|$)/g, '$1*');
  return query === undefined ? marked : `${marked}?${query}`;
}

type SqlmapResult = {
  injectable: boolean;
  tested: boolean;
  /** A request with nothing to inject into (no parameter, no body). */
  nothingToTest: boolean;
  output: string;
};

function runSqlmap(
  baseUrl: string,
  target: Target,
  session: { cookie: string; csrfToken: string } | null,
  outputDir: string,
): Promise<SqlmapResult> {
  const { request } = target;
  const url = `${baseUrl}${markedPath(request.url)}`;
  const args = [
    '-u',
    url,
    '--method',
    request.method,
    '--batch',
    '--flush-session',
    '--output-dir',
    outputDir,
    '--level=3',
    '--skip=habeas_session,habeas_csrf,User-Agent,Referer,Host',
    '--risk=1',
    '--technique=BEU',
    '--dbms=SQLite',
    '--threads=2',
    '--timeout=10',
    '--retries=1',
    '--disable-coloring',
    '--skip-waf',
    '-v',
    '1',
    // sqlmap stops at an error status unless told it is the answer to compare against.
    ...(target.answersWith === undefined ? [] : [`--ignore-code=${target.answersWith}`]),
  ];
  const headers: string[] = [];
  if (request.body !== undefined) {
    if (Buffer.isBuffer(request.body)) {
      // A spreadsheet upload: sqlmap injects after each cell of the sheet's row.
      args.push('--data', request.body.toString('utf8').replace(/;/g, '*;'));
    } else {
      args.push('--data', JSON.stringify(request.body));
      headers.push('Content-Type: application/json');
    }
  }
  for (const [name, value] of Object.entries(request.headers ?? {}))
    headers.push(`${name}: ${value}`);
  if (session !== null) {
    args.push('--cookie', session.cookie);
    headers.push(`X-CSRF-Token: ${session.csrfToken}`);
  }
  if (headers.length > 0) args.push('--headers', headers.join('\n'));
  return new Promise((resolve, reject) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', () =>
      resolve({
        injectable: /identified the following injection point|is vulnerable/i.test(output),
        tested: /do(es)? not (seem|appear) to be injectable/i.test(output),
        nothingToTest: /no parameter\(s\) found for testing/i.test(output),
        output,
      }),
    );
  });
}

const sqlmapInstalled = spawnSync('sqlmap', ['--version']).status === 0;
if (!sqlmapInstalled && isCi())
  throw new Error("CI needs Debian's sqlmap (apt-get install sqlmap)");

// On SQLite, the default: the statements are the same on PostgreSQL, built by Kysely with
// parameters, and sqlmap's SQLite payloads are the ones that would reach this database.
describe.runIf(sqlmapInstalled)('sqlmap finds no injectable parameter [sqlite]', () => {
  let database: TestDatabase;
  let ports: Ports;
  let server: HabeasServer;
  let baseUrl: string;
  let outputDir: string;
  const targets: Target[] = [];
  let session: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    database = await sqliteTestDialect.open();
    const clock = testClock(new Date('2026-11-29T10:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports, {
      rateLimitPerMinute: 100_000_000,
      intakeLimits: false,
    });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    baseUrl = `http://127.0.0.1:${address.port}`;
    outputDir = mkdtempSync(path.join(tmpdir(), 'habeas-sqlmap-'));

    const orgId = (await createOrganisation(ports, { name: 'Группа' })).id;
    await setEscrowKey(ports, { orgId });
    const coordinator = await signInOverHttp(
      { server, ports, clock },
      { orgId, roles: ['coordinator'], remoteAddress: '10.3.0.1' },
    );
    const colleague = await signInOverHttp(
      { server, ports, clock },
      { orgId, roles: ['lawyer'], remoteAddress: '10.3.0.2' },
    );
    const { browser } = coordinator;
    const csrf = await browser.get('/api/v1/auth/csrf');
    session = {
      cookie: `habeas_session=${browser.cookie('habeas_session')}; habeas_csrf=${browser.cookie('habeas_csrf')}`,
      csrfToken: (csrf.json() as { csrfToken: string }).csrfToken,
    };
    const report = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { answers: reportAnswers('follow-up') },
    });
    const followUpToken = String(
      (report.json() as { followUpUrl: string }).followUpUrl.split('/r/')[1],
    );
    targets.push(...publicTargets(followUpToken));

    const newCase = async () => {
      const created = await browser.post('/api/v1/cases', {
        person: { fullName: 'Проверкин Иван', birthDate: '2006-02-03' },
      });
      const caseId = (created.json() as { caseId: string }).caseId;
      const task = await browser.post(`/api/v1/cases/${caseId}/tasks`, {
        title: 'Позвонить',
        dueAt: '2026-11-30T10:00:00+03:00',
      });
      return { caseId, taskId: (task.json() as { id: string }).id };
    };
    let serial = 0;
    const actor = { userId: coordinator.userId, orgId, roles: ['coordinator' as const] };
    for (const row of permissionRows) {
      // sqlmap cannot keep a session that its own requests end.
      if (row.endsSession) continue;
      const made = await newCase();
      serial += 1;
      const fixture: CellFixture = {
        actor,
        caseId: made.caseId,
        taskId: made.taskId,
        colleagueId: colleague.userId,
        subjectUserId: colleague.userId,
        serial,
        secondCaseId: async () => (await newCase()).caseId,
        alertId: () =>
          ports.unitOfWork.run(async (repositories) => {
            const alert = await raiseAlert(repositories, ports, {
              orgId,
              caseId: made.caseId,
              caseCode: 'SQLM-0001',
              placeId: null,
              reason: 'marked-urgent',
              raisedBy: coordinator.userId,
              now: clock.now(),
            });
            return alert.id;
          }),
        placeId: async () => {
          const added = await browser.post('/api/v1/places', {
            kind: 'court',
            nameRu: `Суд № ${serial}`,
          });
          return (added.json() as { id: string }).id;
        },
        shiftId: async () => {
          const added = await browser.post('/api/v1/roster/shifts', {
            userId: colleague.userId,
            startsAt: '2026-12-01T09:00:00+03:00',
            endsAt: '2026-12-01T21:00:00+03:00',
          });
          return (added.json() as { id: string }).id;
        },
      };
      if (row.stream) continue;
      targets.push({
        name: `${row.method} ${row.route}`,
        signedIn: true,
        request: await row.request(fixture),
        // A delete takes its target with sqlmap's first request: every answer after is a 404.
        ...(row.status >= 400
          ? { answersWith: row.status }
          : row.method === 'DELETE'
            ? { answersWith: 404 }
            : {}),
      });
    }
  }, 300_000);

  afterAll(async () => {
    await server?.app.close();
    await database?.close();
    if (outputDir) rmSync(outputDir, { recursive: true, force: true });
  });

  it('finds nothing to inject in any public or staff endpoint', async () => {
    const injectable: string[] = [];
    const untested: string[] = [];
    let withoutParameters = 0;
    for (const target of targets) {
      const result = await runSqlmap(baseUrl, target, target.signedIn ? session : null, outputDir);
      if (result.injectable) injectable.push(`${target.name}\n${result.output.slice(-2000)}`);
      else if (result.nothingToTest) withoutParameters += 1;
      else if (!result.tested) untested.push(`${target.name}: ${result.output.slice(-600)}`);
    }
    console.log(
      `sqlmap ran against ${targets.length} endpoints; ${withoutParameters} take no parameter`,
    );
    expect(injectable).toEqual([]);
    // Every other endpoint was really tested, not skipped for an error.
    expect(untested).toEqual([]);
  });
});
