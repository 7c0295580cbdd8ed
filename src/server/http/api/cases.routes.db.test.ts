import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  closeRouteHarness,
  openRouteHarness,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('cases over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-29T10:00:00Z'),
      { escrow: true },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  const person = {
    fullName: 'Смирнов Алексей Петрович',
    birthDate: '2006-05-01',
    phone: '+7 900 123-45-67',
  };

  it('opens, shares and deletes a case, each under its permission', async () => {
    const operator = await signedIn(['operator']);
    const lawyer = await signedIn(['lawyer']);
    const coordinator = await signedIn(['coordinator']);

    const created = await operator.browser.post('/api/v1/cases', { person });
    expect(created.statusCode).toBe(201);
    const { caseId } = created.json() as { caseId: string };

    const opened = await operator.browser.get(`/api/v1/cases/${caseId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().persons).toEqual([expect.objectContaining({ ...person, notes: null })]);

    expect((await lawyer.browser.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    expect((await lawyer.browser.get('/api/v1/cases')).json()).toEqual({ cases: [] });
    const granted = await operator.browser.post(`/api/v1/cases/${caseId}/grants`, {
      userId: lawyer.userId,
    });
    expect(granted.statusCode).toBe(204);
    expect(
      (await lawyer.browser.get('/api/v1/cases'))
        .json()
        .cases.map((entry: { id: string }) => entry.id),
    ).toEqual([caseId]);
    expect((await lawyer.browser.get(`/api/v1/cases/${caseId}`)).json().persons[0].fullName).toBe(
      person.fullName,
    );

    expect((await lawyer.browser.post(`/api/v1/cases/${caseId}/close`)).statusCode).toBe(204);
    const again = await lawyer.browser.post(`/api/v1/cases/${caseId}/close`);
    expect(again.statusCode).toBe(409);

    const matches = await coordinator.browser.post('/api/v1/cases/matches', {
      fullName: 'Aleksei Smirnov',
      birthDate: person.birthDate,
    });
    expect(matches.json()).toEqual({ caseIds: [caseId], unopened: 0 });

    expect(
      (await lawyer.browser.request({ method: 'DELETE', url: `/api/v1/cases/${caseId}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await coordinator.browser.request({ method: 'DELETE', url: `/api/v1/cases/${caseId}` }))
        .statusCode,
    ).toBe(204);
    expect((await operator.browser.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('refuses a volunteer opening cases, and bad input naming the field', async () => {
    const volunteer = await signedIn(['volunteer']);
    expect((await volunteer.browser.post('/api/v1/cases', { person })).statusCode).toBe(403);
    const operator = await signedIn(['operator']);
    const bad = await operator.browser.post('/api/v1/cases', {
      person: { ...person, birthDate: '14.03.2006', tattoo: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['body.person.birthDate', 'body.person.tattoo']);
  });
});
