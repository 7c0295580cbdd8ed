import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../../src/app/alerts/raise-alert.ts';
import { createOrganisation } from '../../src/app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../src/app/organisations/init-escrow.ts';
import type { Ports } from '../../src/app/ports/ports.ts';
import { type Actor, can } from '../../src/domain/access/can.ts';
import { type Role, roles } from '../../src/domain/access/roles.ts';
import { buildPorts } from '../../src/server/container.ts';
import type { HabeasServer } from '../../src/server/http/build-server.ts';
import { buildEnrolledStaff, testPassword } from '../support/staff-fixtures.ts';
import { testClock } from '../support/test-clock.ts';
import { type TestDatabase, testDialects } from '../support/test-databases.ts';
import { browserSession, buildTestServer, signInOverHttp } from '../support/test-server.ts';
import {
  type CellFixture,
  type CellRequest,
  type PermissionRow,
  type PersonalField,
  permissionRows,
  type Scope,
} from './permission-rows.ts';

type SignedIn = Awaited<ReturnType<typeof signInOverHttp>> & { role: Role };
type Browser = SignedIn['browser'];
type Canaries = Record<PersonalField, string>;

/** Every staff route × every role × own, other and foreign case × each personal field. */
describe.each(testDialects())('permission matrix [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let server: HabeasServer;
  let clock: ReturnType<typeof testClock>;
  let orgId: string;
  let foreignOrgId: string;
  let addresses = 0;
  let serial = 0;
  const actors = new Map<Role, SignedIn>();
  let owner: SignedIn;
  let keeper: SignedIn;
  let foreignOwner: SignedIn;
  let colleagueId: string;
  let passwordOnly: Browser;
  const canaries = new Map<string, Canaries>();
  let foreignCase: { caseId: string; taskId: string };

  // Login is rate-limited per address: each sign-in comes from an address of its own.
  const nextAddress = () => {
    addresses += 1;
    return `10.0.${addresses}.1`;
  };
  const nextSerial = () => {
    serial += 1;
    return serial;
  };

  const signIn = async (role: Role, org = orgId): Promise<SignedIn> => ({
    role,
    ...(await signInOverHttp(
      { server, ports, clock },
      { orgId: org, roles: [role], remoteAddress: nextAddress() },
    )),
  });

  /** A case of the owner's with a person and a task, every personal value unique to it. */
  async function newCase(by: SignedIn): Promise<{ caseId: string; taskId: string }> {
    const n = nextSerial();
    const values: Canaries = {
      // Each value ends in a word, so that no value is part of another.
      fullName: `Канарейкин ${letters(n)} Проверочный`,
      phone: `+7 900 555-${String(n).padStart(4, '0')}`,
      notes: `канарейка-${n}-заметка`,
      taskTitle: `канарейка-${n}-задача`,
    };
    const created = await by.browser.post('/api/v1/cases', {
      person: { fullName: values.fullName, phone: values.phone, notes: values.notes },
    });
    expect(created.statusCode).toBe(201);
    const caseId = (created.json() as { caseId: string }).caseId;
    const task = await by.browser.post(`/api/v1/cases/${caseId}/tasks`, {
      title: values.taskTitle,
      dueAt: '2026-11-30T10:00:00+03:00',
    });
    expect(task.statusCode).toBe(201);
    canaries.set(caseId, values);
    return { caseId, taskId: (task.json() as { id: string }).id };
  }

  /** A fresh case in the scope: shared with the actor for `own-case`. */
  async function caseIn(scope: Scope, actor: SignedIn) {
    if (scope === 'foreign-case') return newCase(foreignOwner);
    const made = await newCase(owner);
    if (scope === 'own-case') {
      const granted = await owner.browser.post(`/api/v1/cases/${made.caseId}/grants`, {
        userId: actor.userId,
      });
      expect(granted.statusCode).toBe(204);
    }
    return made;
  }

  const isCaseScope = (scope: Scope) => scope.endsWith('-case');

  async function fixtureFor(actor: SignedIn, scope: Scope): Promise<CellFixture> {
    const made = isCaseScope(scope)
      ? scope === 'foreign-case'
        ? foreignCase
        : await caseIn(scope, actor)
      : { caseId: '01900000-0000-7000-8000-000000000000', taskId: '' };
    const cell = nextSerial();
    return {
      actor: actorOf(actor),
      caseId: made.caseId,
      taskId: made.taskId,
      colleagueId,
      subjectUserId: scope === 'self' ? actor.userId : colleagueId,
      serial: cell,
      secondCaseId: async () => (await caseIn(scope, actor)).caseId,
      alertId: async () => {
        const { caseId } = await newCase(owner);
        return ports.unitOfWork.run(async (repositories) => {
          const now = clock.now();
          const alert = await raiseAlert(repositories, ports, {
            orgId,
            caseId,
            caseCode: `T-${cell}`,
            placeId: null,
            reason: 'marked-urgent',
            raisedBy: owner.userId,
            now,
          });
          await repositories.alerts.addPage({
            id: ports.ids.newId(),
            orgId,
            alertId: alert.id,
            userId: scope === 'self' ? actor.userId : colleagueId,
            level: 0,
            pagedAt: now,
          });
          return alert.id;
        });
      },
      placeId: async () => {
        const added = await keeper.browser.post('/api/v1/places', {
          kind: 'court',
          nameRu: `Суд для проверки № ${nextSerial()}`,
          addressRu: 'Москва',
        });
        expect(added.statusCode).toBe(201);
        return (added.json() as { id: string }).id;
      },
      shiftId: async () => {
        const added = await keeper.browser.post('/api/v1/roster/shifts', {
          userId: colleagueId,
          startsAt: '2026-12-01T09:00:00+03:00',
          endsAt: '2026-12-01T21:00:00+03:00',
        });
        expect(added.statusCode).toBe(201);
        return (added.json() as { id: string }).id;
      },
    };
  }

  async function caseReads(actorId: string, caseId: string): Promise<number> {
    const rows = await database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'case.read')
      .where('actor_user_id', '=', actorId)
      .where('subject_id', '=', caseId)
      .execute();
    return rows.length;
  }

  async function send(
    browser: Browser,
    request: CellRequest,
    row: PermissionRow,
  ): Promise<{ status: number; text: string; code: string | null }> {
    if (row.stream) return sendForStatus(browser, request);
    const response = await browser.request(request);
    return {
      status: response.statusCode,
      text:
        row.spreadsheet && response.statusCode === 200 ? await sheetText(response) : response.body,
      code: errorCode(response),
    };
  }

  /** An event stream stays open: its status is read, then the request is dropped. */
  async function sendForStatus(browser: Browser, request: CellRequest) {
    const session = browser.cookie('habeas_session');
    const abort = new AbortController();
    const response = await server.app.inject({
      method: request.method,
      url: request.url,
      headers: session === undefined ? {} : { cookie: `habeas_session=${session}` },
      payloadAsStream: true,
      signal: abort.signal,
    });
    const stream = response.stream();
    stream.on('error', () => {});
    const first = response.statusCode === 200 ? '' : await textOf(stream);
    abort.abort();
    const code = first.startsWith('{') ? (JSON.parse(first).error?.code ?? null) : null;
    return { status: response.statusCode, text: first, code };
  }

  /**
   * A case of another organisation is not found (404) by whoever passes the organisation-wide
   * checks made before any case is looked up: the route's audience and the row's `gate`.
   */
  function passesOrganisationChecks(row: PermissionRow, actor: Actor): boolean {
    const audience = server.routes.find(
      (route) => route.method === row.method && route.url === row.route,
    )?.audience;
    const organisation = { type: 'organisation' as const, orgId: actor.orgId };
    return (
      typeof audience === 'object' &&
      (audience.staff === 'signed-in' || can(actor, audience.staff, organisation)) &&
      (row.gate === undefined || can(actor, row.gate, organisation))
    );
  }

  /** One cell: what was wrong with it, or nothing. */
  async function checkCell(row: PermissionRow, role: Role, scope: Scope): Promise<string[]> {
    const signedIn = row.endsSession ? await signIn(role) : actors.get(role);
    if (signedIn === undefined) throw new Error(`no ${role} signed in`);
    const fixture = await fixtureFor(signedIn, scope);
    const actor = fixture.actor;
    const request = await row.request(fixture);
    const readsBefore = await caseReads(actor.userId, fixture.caseId);
    const answer = await send(signedIn.browser, request, row);
    const allowed = row.allowed(actor, scope);
    const problems: string[] = [];
    const where = `${role} on ${scope}`;
    const refusal = scope === 'foreign-case' && passesOrganisationChecks(row, actor) ? 404 : 403;
    const expected = allowed ? row.status : refusal;
    if (answer.status !== expected)
      problems.push(
        `${where}: ${answer.status} instead of ${expected} ${answer.text.slice(0, 200)}`,
      );
    if (!isCaseScope(scope)) return problems;

    const discloses = allowed && (row.discloses?.(actor, scope) ?? false);
    const values = canaries.get(fixture.caseId);
    for (const [field, value] of Object.entries(values ?? {})) {
      const shown = answer.text.includes(value);
      const expectedShown = discloses && (row.reveals ?? []).includes(field as PersonalField);
      if (shown !== expectedShown)
        problems.push(`${where}: ${field} ${shown ? 'shown' : 'not shown'}`);
    }
    if (row.lists) {
      const listed = answer.text.includes(fixture.caseId);
      if (listed !== (allowed && row.lists(actor, scope)))
        problems.push(`${where}: the case ${listed ? 'listed' : 'not listed'}`);
    }
    const read = (await caseReads(actor.userId, fixture.caseId)) > readsBefore;
    const expectedRead = allowed && (row.reads ?? row.discloses)?.(actor, scope) === true;
    if (read !== expectedRead)
      problems.push(`${where}: ${read ? 'a read audited' : 'no read audited'}`);
    return problems;
  }

  beforeAll(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-29T10:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
    orgId = (await createOrganisation(ports, { name: 'Правозащитная группа' })).id;
    await setEscrowKey(ports, { orgId });
    foreignOrgId = (await createOrganisation(ports, { name: 'Другая группа' })).id;
    await setEscrowKey(ports, { orgId: foreignOrgId });
    for (const role of roles) actors.set(role, await signIn(role));
    owner = await signIn('lawyer');
    keeper = await signIn('coordinator');
    foreignOwner = await signIn('coordinator', foreignOrgId);
    foreignCase = await newCase(foreignOwner);
    colleagueId = (await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] })).userId;
    const halfway = await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
    const waiting = browserSession(server, { remoteAddress: nextAddress() });
    const login = await waiting.post('/api/v1/auth/login', {
      email: halfway.email,
      password: testPassword,
    });
    expect(login.statusCode).toBe(200);
    passwordOnly = waiting;
  }, 240_000);

  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });

  it('has a row for every staff route, and a staff route for every row', () => {
    const staffRoutes = server.routes
      .filter((route) => typeof route.audience === 'object')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    const rows = permissionRows.map((row) => `${row.method} ${row.route}`).sort();
    expect(rows).toEqual(staffRoutes);
  });

  it.each(permissionRows.map((row) => [`${row.method} ${row.route}`, row] as const))(
    '%s: allowed, refused, disclosed and audited exactly as the roles say',
    async (_, row) => {
      const problems: string[] = [];
      const request = await row.request(await fixtureFor(owner, row.scopes[0] ?? 'organisation'));
      const visitor = browserSession(server);
      for (const [who, browser, code] of [
        ['a visitor', visitor, 'UNAUTHENTICATED'],
        ['a password without the second factor', passwordOnly, 'SECOND_FACTOR_REQUIRED'],
      ] as const) {
        const answer = await send(browser, request, row);
        if (answer.status !== 401 || answer.code !== code)
          problems.push(`${who}: ${answer.status} ${answer.code} instead of 401 ${code}`);
      }
      for (const role of roles)
        for (const scope of row.scopes) problems.push(...(await checkCell(row, role, scope)));
      expect(problems).toEqual([]);
    },
  );
});

function actorOf(signedIn: SignedIn): Actor {
  return { userId: signedIn.userId, orgId: signedIn.orgId, roles: [signedIn.role] };
}

function errorCode(response: LightMyRequestResponse): string | null {
  try {
    return (response.json() as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

async function sheetText(response: LightMyRequestResponse): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
  );
  return cells.join('\n');
}

/** A number as Cyrillic letters, so that a name stays a name. */
function letters(n: number): string {
  const alphabet = 'абвгдежзиклмнопрстуфхцчшщэюя';
  let text = '';
  let rest = n;
  do {
    text = alphabet[rest % alphabet.length] + text;
    rest = Math.floor(rest / alphabet.length);
  } while (rest > 0);
  return `${text[0]?.toUpperCase()}${text.slice(1)}`;
}
