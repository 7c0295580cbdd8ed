import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildEnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { browserSession, buildTestServer } from '../../../../test/support/test-server.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

/** A relative reports a detention at Vykhino metro, taken to a conscription centre. */
const detentionReport = {
  'reporter-role': 'relative',
  situation: 'detained',
  'person-name': 'Задержанов Кирилл Андреевич',
  'person-birth-date': '2006-03-01',
  'contact-phone': '+7 (916) 000-00-00',
  'taken-from': 'metro',
  'detained-at': '2025-10-18T09:40',
  'taken-to': 'conscription-centre',
  'taken-from-station': 'Выхино',
  'pending-appeal': 'yes',
  'appeal-case-number': '2а-1234/2025',
  'needs-lawyer': 'yes',
  consent: 'yes',
};

describe.each(testDialects())('public intake over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let server: HabeasServer;
  let clock: ReturnType<typeof testClock>;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2025-10-18T08:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
    orgId = (await createOrganisation(ports, { name: 'Hotline group' })).id;
    await setEscrowKey(ports, { orgId });
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  const post = (answers: Record<string, string>, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { answers }, headers });

  it('takes a detention report, seals it for the triage staff, and gives a code and a follow-up link', async () => {
    const coordinator = await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
    const response = await post(detentionReport);
    expect(response.statusCode).toBe(201);
    const { caseCode, followUpUrl } = response.json() as { caseCode: string; followUpUrl: string };
    expect(caseCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(followUpUrl).toMatch(/^http:\/\/localhost:8080\/r\/[\w-]{43}$/);

    const stored = await database.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    const dump = JSON.stringify(stored);
    for (const secret of ['Задержанов', '79160000000', '2а-1234', '2006-03-01'])
      expect(dump).not.toContain(secret);
    expect(stored.received_at).toBe('2025-10-18T08:00:00.000Z');
    expect(JSON.parse(stored.operational_answers)).toMatchObject({
      situation: 'detained',
      'taken-to': 'conscription-centre',
    });
    // The report starts the case's timeline: when it came, and the detention it tells of.
    const events = await database.db
      .selectFrom('timeline_events')
      .select(['kind', 'occurred_at', 'note'])
      .where('case_id', '=', stored.case_id)
      .orderBy('occurred_at')
      .execute();
    expect(events).toEqual([
      { kind: 'detained', occurred_at: '2025-10-18T06:40:00.000Z', note: null },
      { kind: 'reported', occurred_at: '2025-10-18T08:00:00.000Z', note: null },
    ]);

    const followUp = await server.app.inject({
      method: 'GET',
      url: `/api/v1/reports/follow-up/${followUpUrl.split('/r/')[1]}`,
    });
    expect(followUp.json()).toEqual({
      caseCode,
      status: 'received',
      receivedAt: '2025-10-18T08:00:00.000Z',
    });

    clock.advance(60_000);
    const browser = browserSession(server);
    await browser.post('/api/v1/auth/login', { email: coordinator.email, password: testPassword });
    await browser.post('/api/v1/auth/second-factor', {
      code: await totpCodeAt(ports, coordinator.totpSecret),
    });
    const opened = await browser.get(`/api/v1/cases/${stored.case_id}`);
    expect(opened.json().persons).toEqual([
      expect.objectContaining({
        fullName: detentionReport['person-name'],
        birthDate: '2006-03-01',
      }),
    ]);

    expect(opened.json().report).toMatchObject({
      caseCode,
      channel: 'api',
      answers: { 'person-name': detentionReport['person-name'], 'taken-to': 'conscription-centre' },
    });

    const listed = await browser.get('/api/v1/cases');
    expect(listed.json()).toEqual({
      cases: [
        expect.objectContaining({
          id: stored.case_id,
          assigneeIds: [],
          report: {
            caseCode,
            channel: 'api',
            situation: 'detained',
            receivedAt: '2025-10-18T08:00:00.000Z',
          },
        }),
      ],
    });
    expect(JSON.stringify(listed.json())).not.toContain('Задержанов');
    expect((await browser.get('/api/v1/cases?status=closed')).json()).toEqual({ cases: [] });
  });

  it('links two reports about the same person typed differently as likely duplicates', async () => {
    const coordinator = await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
    await post(detentionReport);
    await post({ ...detentionReport, 'person-name': 'Kirill Zaderzhanov' });
    await post({ ...detentionReport, 'person-name': 'Другой Человек' });
    clock.advance(60_000);
    const browser = browserSession(server);
    await browser.post('/api/v1/auth/login', { email: coordinator.email, password: testPassword });
    await browser.post('/api/v1/auth/second-factor', {
      code: await totpCodeAt(ports, coordinator.totpSecret),
    });
    const { cases } = (await browser.get('/api/v1/cases')).json() as {
      cases: { id: string; likelyDuplicates: string[] }[];
    };
    const [other, second, first] = cases;
    expect(first?.likelyDuplicates).toEqual([second?.id]);
    expect(second?.likelyDuplicates).toEqual([first?.id]);
    expect(other?.likelyDuplicates).toEqual([]);
  });

  it('answers invalid answers with 422 naming each question, in the asked language', async () => {
    const { 'person-name': _omitted, ...withoutName } = detentionReport;
    const response = await post(
      { ...withoutName, 'favourite-colour': 'red' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(422);
    const fields = (response.json() as { error: { fields: { path: string }[] } }).error.fields.map(
      (field) => field.path,
    );
    expect(fields.sort()).toEqual(['body.answers.favourite-colour', 'body.answers.person-name']);
    expect(await database.db.selectFrom('reports').select('id').execute()).toEqual([]);
  });

  it('refuses a detention time in the future and a malformed body', async () => {
    const future = await post({ ...detentionReport, 'detained-at': '2025-10-19T09:40' });
    expect(future.statusCode).toBe(422);
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: '{"answers":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('caps reports per client, and tells an unknown follow-up link nothing', async () => {
    for (let index = 0; index < 30; index++) await post({});
    const capped = await post(detentionReport);
    expect(capped.statusCode).toBe(429);
    const unknown = await server.app.inject({
      method: 'GET',
      url: `/api/v1/reports/follow-up/${'x'.repeat(43)}`,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
