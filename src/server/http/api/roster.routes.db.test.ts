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

describe.each(testDialects())('duty roster over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-30T10:00:00Z'),
      { escrow: false },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  const week = '?from=2026-11-30T00:00:00%2B03:00&to=2026-12-07T00:00:00%2B03:00';

  it('lets a coordinator plan a week, and shows everyone who is on duty and where nobody is', async () => {
    const coordinator = await signedIn(['coordinator']);
    const lawyer = await signedIn(['lawyer']);
    const day = await coordinator.browser.post('/api/v1/roster/shifts', {
      userId: lawyer.userId,
      startsAt: '2026-11-30T09:00:00+03:00',
      endsAt: '2026-11-30T21:00:00+03:00',
      region: 'moscow',
    });
    expect(day.statusCode).toBe(201);
    const night = await coordinator.browser.post('/api/v1/roster/shifts', {
      userId: coordinator.userId,
      startsAt: '2026-11-30T20:00:00+03:00',
      endsAt: '2026-12-01T09:00:00+03:00',
    });
    expect(night.statusCode).toBe(201);

    const roster = (await lawyer.browser.get(`/api/v1/roster${week}`)).json();
    expect(roster.shifts).toHaveLength(2);
    expect(roster.onDutyNow).toEqual([{ userId: lawyer.userId, displayName: 'Test Staff' }]);
    expect(roster.escalationMinutes).toBe(5);
    expect(roster.gaps[0]).toEqual({
      from: '2026-11-29T21:00:00.000Z',
      to: '2026-11-30T06:00:00.000Z',
    });
    expect(roster.gaps[1]).toEqual({
      from: '2026-12-01T06:00:00.000Z',
      to: '2026-12-06T21:00:00.000Z',
    });

    const moved = await coordinator.browser.request({
      method: 'PUT',
      url: `/api/v1/roster/shifts/${day.json().id}`,
      body: {
        userId: lawyer.userId,
        startsAt: '2026-11-30T06:00:00+03:00',
        endsAt: '2026-11-30T21:00:00+03:00',
      },
    });
    expect(moved.statusCode).toBe(200);
    const removed = await coordinator.browser.request({
      method: 'DELETE',
      url: `/api/v1/roster/shifts/${night.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    const after = (await lawyer.browser.get(`/api/v1/roster${week}`)).json();
    expect(after.gaps[0]).toEqual({
      from: '2026-11-29T21:00:00.000Z',
      to: '2026-11-30T03:00:00.000Z',
    });
  });

  it('refuses a shift that ends before it starts, with the reason next to the field', async () => {
    const coordinator = await signedIn(['coordinator']);
    const refused = await coordinator.browser.post('/api/v1/roster/shifts', {
      userId: coordinator.userId,
      startsAt: '2026-11-30T21:00:00+03:00',
      endsAt: '2026-11-30T09:00:00+03:00',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.endsAt', message: 'Смена должна заканчиваться позже, чем начинается.' },
    ]);
    const stranger = await coordinator.browser.post('/api/v1/roster/shifts', {
      userId: '01900000-0000-7000-8000-000000000000',
      startsAt: '2026-11-30T09:00:00+03:00',
      endsAt: '2026-11-30T21:00:00+03:00',
    });
    expect(stranger.statusCode).toBe(422);
  });

  it('lets only coordinators and admins edit the roster and the escalation delay', async () => {
    const lawyer = await signedIn(['lawyer']);
    const refused = await lawyer.browser.post('/api/v1/roster/shifts', {
      userId: lawyer.userId,
      startsAt: '2026-11-30T09:00:00+03:00',
      endsAt: '2026-11-30T21:00:00+03:00',
    });
    expect(refused.statusCode).toBe(403);
    const coordinator = await signedIn(['coordinator']);
    const set = await coordinator.browser.request({
      method: 'PUT',
      url: '/api/v1/roster/escalation',
      body: { escalationMinutes: 3 },
    });
    expect(set.statusCode).toBe(204);
    expect((await lawyer.browser.get(`/api/v1/roster${week}`)).json().escalationMinutes).toBe(3);
    const tooLong = await coordinator.browser.request({
      method: 'PUT',
      url: '/api/v1/roster/escalation',
      body: { escalationMinutes: 0 },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('says when no bot carries alerts to Telegram, and refuses a link code then', async () => {
    const lawyer = await signedIn(['lawyer']);
    const link = await lawyer.browser.get('/api/v1/me/telegram');
    expect(link.json()).toEqual({ available: false, linked: false, linkedAt: null });
    const code = await lawyer.browser.post('/api/v1/me/telegram/link-code', {});
    expect(code.statusCode).toBe(409);
    expect(code.json().error.code).toBe('TELEGRAM_NOT_CONFIGURED');
  });
});
