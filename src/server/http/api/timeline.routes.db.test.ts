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

describe.each(testDialects())('case timeline over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-20T12:00:00Z'),
      { escrow: true },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  async function openCase() {
    const lawyer = await signedIn(['lawyer']);
    const created = await lawyer.browser.post('/api/v1/cases', {
      person: { fullName: 'Смирнов Алексей', birthDate: '2006-05-01' },
    });
    return { lawyer, caseId: (created.json() as { caseId: string }).caseId };
  }

  it('records a detention and a refused lawyer, and the case shows where he is held', async () => {
    const { lawyer, caseId } = await openCase();
    const detained = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: '2026-11-20T11:00:00+03:00',
      placeId: 'metro-station-1',
    });
    expect(detained.statusCode).toBe(201);
    await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'transferred',
      occurredAt: '2026-11-20T12:00:00+03:00',
      placeId: 'centre-1',
    });
    const refused = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'lawyer-refused-entry',
      occurredAt: '2026-11-20T14:05:00+03:00',
      powerOfAttorney: 'notarised',
      note: 'Дежурный не принял доверенность',
    });
    expect(refused.json()).toMatchObject({
      kind: 'lawyer-refused-entry',
      occurredAt: '2026-11-20T11:05:00.000Z',
      powerOfAttorney: 'notarised',
    });

    const opened = (await lawyer.browser.get(`/api/v1/cases/${caseId}`)).json();
    expect(opened.timeline.map((event: { kind: string }) => event.kind)).toEqual([
      'detained',
      'transferred',
      'lawyer-refused-entry',
    ]);
    expect(opened.custody).toEqual({
      status: 'lawyer-refused-entry',
      since: '2026-11-20T08:00:00.000Z',
      detainedAtPlaceId: 'metro-station-1',
      heldAtPlaceId: 'centre-1',
      lastUpdateAt: '2026-11-20T11:05:00.000Z',
    });
  });

  it('refuses a transfer before the detention with the reason next to the field, in Russian', async () => {
    const { lawyer, caseId } = await openCase();
    await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: '2026-11-20T11:00:00+03:00',
    });
    const refused = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'transferred',
      occurredAt: '2026-11-20T10:00:00+03:00',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      error: {
        code: 'FACTS_REFUSED',
        message: 'Так не могло быть: проверьте даты и порядок событий.',
        fields: [
          { path: 'body.occurredAt', message: 'Это событие не может быть раньше задержания.' },
        ],
      },
    });
    const badKind = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'teleported',
      occurredAt: '2026-11-20T10:00:00+03:00',
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('saves the draft matter and refuses an appeal dated before the decision', async () => {
    const { lawyer, caseId } = await openCase();
    const saved = await lawyer.browser.request({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/draft-matter`,
      body: {
        draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
        notice: { kind: 'electronic', postedToRegister: '2026-10-05' },
        appeals: [
          {
            id: 'appeal-1',
            level: 'court',
            against: 'municipal',
            filedDate: '2026-10-10',
            status: 'pending',
            caseNumber: '2а-1234/2026',
          },
        ],
      },
    });
    expect(saved.statusCode).toBe(204);
    const hearing = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'hearing',
      occurredAt: '2026-12-03T10:00:00+03:00',
    });
    expect(hearing.statusCode).toBe(201);
    expect((await lawyer.browser.get(`/api/v1/cases/${caseId}`)).json().draftMatter).toMatchObject({
      appeals: [expect.objectContaining({ caseNumber: '2а-1234/2026' })],
    });

    const wrong = await lawyer.browser.request({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/draft-matter`,
      headers: { 'accept-language': 'en' },
      body: {
        draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
        appeals: [
          {
            id: 'a',
            level: 'court',
            against: 'municipal',
            filedDate: '2026-09-01',
            status: 'pending',
          },
        ],
      },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual([
      {
        path: 'body.appeals.0.filedDate',
        message: 'The appeal cannot be filed before the decision was made.',
      },
    ]);
  });

  it('lists cases by place, campaign, assignment and tasks coming due, with where each detainee stands', async () => {
    const { lawyer, caseId } = await openCase();
    const other = await lawyer.browser.post('/api/v1/cases', {
      person: { fullName: 'Петров Пётр', birthDate: '2005-01-01' },
    });
    const otherId = (other.json() as { caseId: string }).caseId;
    await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: '2026-11-20T11:00:00+03:00',
      placeId: 'metro-station-1',
    });
    const coordinator = await signedIn(['coordinator']);

    const atPlace = (
      await coordinator.browser.get('/api/v1/cases?status=open&placeId=metro-station-1')
    ).json();
    expect(atPlace.cases.map((entry: { id: string }) => entry.id)).toEqual([caseId]);
    expect(atPlace.cases[0]).toMatchObject({
      campaignId: '2026',
      custody: { status: 'detained', detainedAtPlaceId: 'metro-station-1' },
    });

    const inCampaign = await coordinator.browser.get('/api/v1/cases?status=open&campaign=2026');
    expect(
      inCampaign
        .json()
        .cases.map((entry: { id: string }) => entry.id)
        .sort(),
    ).toEqual([caseId, otherId].sort());
    const earlier = await coordinator.browser.get('/api/v1/cases?status=open&campaign=2025-autumn');
    expect(earlier.json().cases).toEqual([]);
    const unknown = await coordinator.browser.get('/api/v1/cases?status=open&campaign=1999-spring');
    expect(unknown.statusCode).toBe(404);

    expect((await coordinator.browser.get('/api/v1/cases?mine=true')).json().cases).toEqual([]);

    // Due within the coming week (the clock stands at 20 November): only the first case.
    await lawyer.browser.post(`/api/v1/cases/${caseId}/tasks`, {
      title: 'Жалоба военному прокурору',
      dueAt: '2026-11-26T10:00:00+03:00',
    });
    await lawyer.browser.post(`/api/v1/cases/${otherId}/tasks`, {
      title: 'Запрос в военкомат',
      dueAt: '2026-12-10T10:00:00+03:00',
    });
    const dueSoon = (
      await coordinator.browser.get('/api/v1/cases?status=open&dueSoon=true')
    ).json();
    expect(dueSoon.cases.map((entry: { id: string }) => entry.id)).toEqual([caseId]);

    const campaigns = (await coordinator.browser.get('/api/v1/campaigns')).json();
    expect(
      campaigns.campaigns.find((entry: { id: string }) => entry.id === '2025-autumn'),
    ).toMatchObject({
      quota: 135000,
    });
  });

  it('links cases detained at the same place within an hour as likely the same detention', async () => {
    const coordinator = await signedIn(['coordinator']);
    const caseAt = async (fullName: string, occurredAt: string, placeId = 'metro-station-1') => {
      const created = await coordinator.browser.post('/api/v1/cases', {
        person: { fullName, birthDate: '2005-01-01' },
      });
      const caseId = (created.json() as { caseId: string }).caseId;
      await coordinator.browser.post(`/api/v1/cases/${caseId}/timeline`, {
        kind: 'detained',
        occurredAt,
        placeId,
      });
      return caseId;
    };
    const told = await caseAt('Брат задержанного', '2026-11-20T11:00:00+03:00');
    const toldAgain = await caseAt('Свидетель у выхода', '2026-11-20T11:40:00+03:00');
    const later = await caseAt('Другой человек', '2026-11-20T13:00:00+03:00');
    const elsewhere = await caseAt('Третий человек', '2026-11-20T11:10:00+03:00', 'centre-1');

    const listed = (await coordinator.browser.get('/api/v1/cases?status=open')).json();
    const duplicatesOf = (caseId: string) =>
      listed.cases.find((entry: { id: string }) => entry.id === caseId)?.likelyDuplicates;
    expect(duplicatesOf(told)).toEqual([toldAgain]);
    expect(duplicatesOf(toldAgain)).toEqual([told]);
    expect(duplicatesOf(later)).toEqual([]);
    expect(duplicatesOf(elsewhere)).toEqual([]);
    expect(
      (await coordinator.browser.get(`/api/v1/cases/${told}`)).json().likelyDuplicates,
    ).toEqual([toldAgain]);
  });

  it('keeps a volunteer without the case out of its timeline', async () => {
    const { caseId } = await openCase();
    const volunteer = await signedIn(['volunteer']);
    const attempt = await volunteer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'note',
      occurredAt: '2026-11-20T10:00:00+03:00',
      note: 'x',
    });
    expect(attempt.statusCode).toBe(403);
    expect((await volunteer.browser.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
  });
});
