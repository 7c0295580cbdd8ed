import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createOrganisation } from '../../src/app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../src/app/organisations/init-escrow.ts';
import type { Ports } from '../../src/app/ports/ports.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { buildPorts } from '../../src/server/container.ts';
import { buildServer, type HabeasServer } from '../../src/server/http/build-server.ts';
import { buildEnrolledStaff, testPassword, totpCodeAt } from './staff-fixtures.ts';
import { testClock } from './test-clock.ts';
import { sqliteTestDialect, type TestDatabase, type TestDialect } from './test-databases.ts';

/** What a route test works in: its database, clock, ports, server and one organisation. */
export type RouteHarness = {
  database: TestDatabase;
  clock: ReturnType<typeof testClock>;
  ports: Ports;
  server: HabeasServer;
  orgId: string;
};

/**
 * A fresh database of the dialect with the server on it and one organisation, the clock set to
 * `now`; with `escrow`, the organisation can open cases.
 */
export async function openRouteHarness(
  dialect: TestDialect,
  now: Date,
  options: { escrow: boolean },
): Promise<RouteHarness> {
  const database = await dialect.open();
  const clock = testClock(now);
  const ports = buildPorts(database, { clock });
  const server = await buildTestServer(ports);
  const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
  if (options.escrow) await setEscrowKey(ports, { orgId });
  return { database, clock, ports, server, orgId };
}

export async function closeRouteHarness(harness: Pick<RouteHarness, 'server' | 'database'>) {
  await harness.server.app.close();
  await harness.database.close();
}

/** A server on a test database, with the staff app directory left empty. */
export function buildTestServer(
  ports: Ports,
  overrides: { rateLimitPerMinute?: number; intakeLimits?: boolean; staffAppDir?: string } = {},
): Promise<HabeasServer> {
  return buildServer({
    ports,
    publicUrl: 'http://localhost:8080',
    trustProxy: false,
    logLevel: 'silent',
    staffAppDir: overrides.staffAppDir ?? 'no-staff-app-in-tests',
    rateLimitPerMinute: overrides.rateLimitPerMinute ?? 10_000,
    intakeLimits: overrides.intakeLimits ?? true,
  });
}

/**
 * One server on an SQLite test database for the whole describe block, for tests of the HTTP
 * layer that do not depend on the dialect. Read `current()` inside tests.
 */
export function useSharedTestServer(): { current(): HabeasServer; database(): TestDatabase } {
  let database: TestDatabase | undefined;
  let server: HabeasServer | undefined;
  beforeAll(async () => {
    database = await sqliteTestDialect.open();
    server = await buildTestServer(buildPorts(database));
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });
  return {
    current() {
      if (server === undefined) throw new Error('the test server starts in beforeAll');
      return server;
    },
    database() {
      if (database === undefined) throw new Error('the test database opens in beforeAll');
      return database;
    },
  };
}

type InjectInput = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header, as a forged cross-site request would. */
  withoutCsrf?: boolean;
};

/**
 * A browser-like client for `inject`: keeps cookies between requests and sends the CSRF token
 * the server handed out, as the staff app does.
 */
export function browserSession(server: HabeasServer, from: { remoteAddress?: string } = {}) {
  const cookies = new Map<string, string>();
  let csrfToken: string | undefined;

  function remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) {
        cookies.delete(cookie.name);
      } else {
        cookies.set(cookie.name, cookie.value);
      }
    }
  }

  async function request(input: InjectInput): Promise<LightMyRequestResponse> {
    const unsafe = input.method !== 'GET';
    if (unsafe && !input.withoutCsrf && csrfToken === undefined) {
      const issued = await request({ method: 'GET', url: '/api/v1/auth/csrf' });
      csrfToken = (issued.json() as { csrfToken: string }).csrfToken;
    }
    const response = await server.app.inject({
      ...(from.remoteAddress === undefined ? {} : { remoteAddress: from.remoteAddress }),
      method: input.method,
      url: input.url,
      headers: {
        ...(unsafe && !input.withoutCsrf && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(cookies.size > 0
          ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
        ...input.headers,
      },
      ...(input.body === undefined ? {} : { payload: input.body as object }),
    });
    remember(response);
    return response;
  }

  return {
    request,
    get: (url: string, headers?: Record<string, string>) =>
      request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url: string, body: unknown = {}, extra: Partial<InjectInput> = {}) =>
      request({ method: 'POST', url, body, ...extra }),
    cookie: (name: string) => cookies.get(name),
  };
}

/**
 * A new staff member of the organisation, signed in through the real login and second factor,
 * with a browser session to act as him. The clock moves past the TOTP step his enrolment used,
 * because each code works once.
 */
export async function signInOverHttp(
  harness: { server: HabeasServer; ports: Ports; clock: ReturnType<typeof testClock> },
  staffOf: { orgId: string; roles: Role[]; remoteAddress?: string },
) {
  const { server, ports, clock } = harness;
  const staff = await buildEnrolledStaff(ports, { orgId: staffOf.orgId, roles: staffOf.roles });
  clock.advance(31_000);
  // Login routes are rate-limited per address: many sign-ins in a minute come from many addresses.
  const browser = browserSession(
    server,
    staffOf.remoteAddress === undefined ? {} : { remoteAddress: staffOf.remoteAddress },
  );
  await browser.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
  await browser.post('/api/v1/auth/second-factor', {
    code: await totpCodeAt(ports, staff.totpSecret),
  });
  return { ...staff, browser };
}
