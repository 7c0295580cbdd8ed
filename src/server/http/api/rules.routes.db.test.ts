import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildEnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { browserSession, buildTestServer } from '../../../../test/support/test-server.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

const seedFacts = {
  person: { birthDate: '2006-05-12', region: 'moscow' },
  draftDecision: { by: 'regional', madeOn: '2025-07-01' },
  appeal: { level: 'court', against: 'regional', filedDate: '2025-09-10', pending: true },
  detention: { at: '2025-10-18T09:40:00+03:00', place: 'metro', takenTo: 'conscription-centre' },
  lawyer: { refusedEntry: '2025-10-18T14:00:00+03:00', powerOfAttorney: 'notarised' },
};

describe.each(testDialects())('rules evaluation over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;

  beforeEach(async () => {
    database = await dialect.open();
    // 18.10.2025 23:30 UTC is already 19.10.2025 in Moscow.
    clock = testClock(new Date('2025-10-18T23:30:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  async function signedIn(roles: Role[] = ['lawyer'], orgId?: string) {
    const staff = await buildEnrolledStaff(ports, { roles, ...(orgId ? { orgId } : {}) });
    clock.advance(60_000);
    const browser = browserSession(server);
    await browser.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
    const verified = await browser.post('/api/v1/auth/second-factor', {
      code: await totpCodeAt(ports, staff.totpSecret),
    });
    expect(verified.statusCode).toBe(200);
    return Object.assign(browser, { orgId: staff.orgId });
  }

  it('refuses anyone not signed in', async () => {
    const response = await browserSession(server).post('/api/v1/rules/evaluate', { facts: {} });
    expect(response.statusCode).toBe(401);
  });

  it('gives a lawyer the findings for the seed story, each with sources and confidence', async () => {
    const browser = await signedIn();
    const response = await browser.post('/api/v1/rules/evaluate', {
      facts: seedFacts,
      asOf: '2025-10-18',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.record).toMatchObject({
      packId: 'ru-conscription',
      packVersion: 1,
      asOf: '2025-10-18',
    });
    const ground = body.findings.find(
      (finding: { outcomeId: string }) => finding.outcomeId === 'dispatch-while-suspended',
    );
    expect(ground).toMatchObject({
      ruleId: 'APL-06',
      versionId: 'since-127-fz',
      kind: 'ground',
      confidence: 'high',
      disputed: true,
      dates: [{ date: '2025-10-18' }],
    });
    expect(ground.sources[0].urls.length).toBeGreaterThan(0);
  });

  it("uses today's date in Moscow when no date is given, and applies choices", async () => {
    const browser = await signedIn();
    const response = await browser.post('/api/v1/rules/evaluate', {
      facts: seedFacts,
      choices: { 'APL-06': 'under-review' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.record.asOf).toBe('2025-10-19');
    expect(body.record.choices).toEqual({ 'APL-06': 'under-review' });
    const suspension = body.findings.filter(
      (finding: { ruleId: string }) => finding.ruleId === 'APL-06',
    );
    expect(
      suspension.every((finding: { selection: string }) => finding.selection === 'under-review'),
    ).toBe(true);
  });

  it('answers 400 naming the field for invalid and impossible facts', async () => {
    const browser = await signedIn();
    const invalid = await browser.post('/api/v1/rules/evaluate', {
      facts: { notice: { kind: 'fax' } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toEqual([
      { path: 'body.facts.notice.kind', message: expect.any(String) },
    ]);

    const impossible = await browser.post('/api/v1/rules/evaluate', {
      facts: {
        notice: {
          kind: 'electronic',
          postedToRegister: '2025-10-10',
          appearanceDate: '2025-10-01',
        },
      },
      asOf: '2025-10-18',
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields).toEqual([
      { path: 'body.facts.notice.appearanceDate', message: expect.stringMatching(/[а-я]{3,}/) },
    ]);
    expect(impossible.json().error.fields[0].message).not.toBe('Неверное значение.');

    const future = await browser.post('/api/v1/rules/evaluate', {
      facts: { detention: { ...seedFacts.detention, at: '2025-10-20T09:00:00+03:00' } },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([
      { path: 'body.facts.detention.at', message: expect.any(String) },
    ]);

    const unknownChoice = await browser.post('/api/v1/rules/evaluate', {
      facts: {},
      choices: { 'NOT-07': 'newest' },
    });
    expect(unknownChoice.statusCode).toBe(400);
    expect(unknownChoice.json().error.fields).toEqual([
      { path: 'body.choices.NOT-07', message: expect.any(String) },
    ]);
  });

  it('applies the organisation’s choice among disputed versions, and shows its lawyers’ disputes', async () => {
    const coordinator = await signedIn(['coordinator']);
    const lawyer = await signedIn(['lawyer'], coordinator.orgId);
    const suspension = ports.rulePacks
      .current('ru-conscription')
      .pack.rules.find((rule) => rule.id === 'APL-06');
    const versionId = suspension?.versions[0]?.id ?? '';

    const byLawyer = await lawyer.request({
      method: 'PUT',
      url: '/api/v1/rules/choices/APL-06',
      body: { choice: 'under-review', note: null },
    });
    expect(byLawyer.statusCode).toBe(403);
    const unknown = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/rules/choices/APL-06',
      body: { choice: 'no-such-version', note: null },
    });
    expect(unknown.statusCode).toBe(404);
    const chosen = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/rules/choices/APL-06',
      body: { choice: 'under-review', note: 'Ждём позицию Верховного суда' },
    });
    expect(chosen.statusCode).toBe(204);

    const raised = await lawyer.post('/api/v1/rules/disputes', {
      ruleId: 'APL-06',
      versionId,
      note: 'Суды применяют приостановление и к решениям муниципальной комиссии.',
    });
    expect(raised.statusCode).toBe(201);

    const evaluated = await lawyer.post('/api/v1/rules/evaluate', {
      facts: seedFacts,
      asOf: '2025-10-18',
    });
    const body = evaluated.json() as {
      findings: { ruleId: string; selection: string }[];
      disputes: { ruleId: string; versionId: string; note: string }[];
    };
    const suspensionFindings = body.findings.filter((finding) => finding.ruleId === 'APL-06');
    expect(suspensionFindings.length).toBeGreaterThan(0);
    expect(suspensionFindings.every((finding) => finding.selection === 'under-review')).toBe(true);
    expect(body.disputes).toEqual([
      expect.objectContaining({
        ruleId: 'APL-06',
        versionId,
        note: expect.stringContaining('муниципальной'),
      }),
    ]);

    const settings = (await lawyer.get('/api/v1/rules/settings')).json() as {
      pack: { packId: string };
      rules: unknown[];
      choices: { ruleId: string; choice: string }[];
    };
    expect(settings.pack.packId).toBe('ru-conscription');
    expect(settings.rules.length).toBeGreaterThan(30);
    expect(settings.choices).toEqual([
      expect.objectContaining({ ruleId: 'APL-06', choice: 'under-review' }),
    ]);
  });

  it('records a legal position on a case with its facts sealed, and lists it for replay', async () => {
    const operator = await signedIn(['operator']);
    await setEscrowKey(ports, { orgId: operator.orgId });
    const lawyer = await signedIn(['lawyer'], operator.orgId);
    const created = await operator.post('/api/v1/cases', {
      person: { fullName: 'Позиционов Олег', birthDate: seedFacts.person.birthDate },
    });
    const { caseId } = created.json() as { caseId: string };

    const recorded = await operator.post(`/api/v1/cases/${caseId}/legal-positions`, {
      facts: seedFacts,
      asOf: '2025-10-18',
    });
    expect(recorded.statusCode).toBe(201);
    const { decisionId, findings } = recorded.json() as { decisionId: string; findings: unknown[] };
    expect(findings.length).toBeGreaterThan(5);

    const stored = await database.db
      .selectFrom('legal_decisions')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.facts_snapshot).not.toContain(seedFacts.person.birthDate);
    expect(stored.pack_hash).toBe(ports.rulePacks.current('ru-conscription').packHash);

    const listed = await operator.get(`/api/v1/cases/${caseId}/legal-positions`);
    expect(listed.json()).toEqual([
      expect.objectContaining({
        id: decisionId,
        asOf: '2025-10-18',
        factsSnapshot: seedFacts,
        samePack: true,
      }),
    ]);
    expect((await lawyer.get(`/api/v1/cases/${caseId}/legal-positions`)).statusCode).toBe(403);
    expect(
      (await lawyer.post(`/api/v1/cases/${caseId}/legal-positions`, { facts: seedFacts }))
        .statusCode,
    ).toBe(403);
  });
});
