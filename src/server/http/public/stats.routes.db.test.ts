import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  seedStatsCases,
  statsDataset,
  statsDatasetTotals,
} from '../../../../test/support/stats-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { buildTestServer, signInOverHttp } from '../../../../test/support/test-server.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Place } from '../../../domain/places/place.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('public statistics over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;
  let stationA: Place;

  async function placeNamed(query: string): Promise<Place> {
    const [place] = await ports.unitOfWork.run((repositories) =>
      repositories.places.search(orgId, { kinds: [], query, limit: 1 }),
    );
    if (place === undefined) throw new Error(`no place ${query}`);
    return place;
  }

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-20T12:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
    stationA = await placeNamed('Выхино');
    const places = {
      stationA: stationA.id,
      stationB: (await placeNamed('Тверская')).id,
      centre: (await placeNamed('Угрешская')).id,
    };
    await seedStatsCases(database.db, orgId, statsDataset(places));
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  it('shows the totals of publishable cases only, in Russian first, with no script and nothing from elsewhere', async () => {
    const response = await get('/stats');
    expect(response.statusCode).toBe(200);
    const page = response.body;
    expect(page).toContain('<html lang="ru">');
    expect(page).not.toMatch(/<script/i);
    // Sources are linked for the reader to follow; nothing is loaded from another origin.
    expect(page).not.toMatch(/\ssrc="(?!\/|data:)/);
    expect(page).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Buffer.byteLength(page)).toBeLessThan(150 * 1024);
    expect(page).toContain('<dt>Задержания</dt><dd>43</dd>');
    expect(page).toContain('<dt>Адвоката не пустили</dt><dd>12</dd>');
    expect(page).toContain('<dt>Отправлены в часть</dt><dd>15</dd>');
    // The small cell of 3 at the second station in week 42.
    expect(page).toMatch(/2025-W42 \(с 13\.10\.2025\)<\/th><td>&lt;10<\/td>/);
    expect(page).toContain('<svg class="chart map"');
    expect(page).toContain('© участники OpenStreetMap');
    expect(page).toContain('135');
    // Russian groups thousands with a no-break space.
    expect(page.replaceAll('\u00a0', ' ')).toContain(
      'Всего за год по указам 2025: 160 000 + 135 000 = 295 000',
    );
    expect(page).toContain('href="/open-data/datapackage.json"');

    const english = await get('/stats?lang=en');
    expect(english.body).toContain('<dt>Detentions</dt><dd>43</dd>');
    expect(english.body).toContain('2025: 160,000 + 135,000 = 295,000');
  });

  it('publishes the same suppressed numbers as CSV and JSON, by week and never by day', async () => {
    const csv = await get('/open-data/detentions.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'week,week_start,campaign_id,detained,transferred,lawyer_refused_entry,released,sent_to_unit',
    );
    // Transfers, refusals and releases happened in week 41 only: the other weeks' zeros show as
    // "<10", and week 41 is hidden too, or the total minus it would show them to be zeros.
    expect(lines[1]).toBe('2025-W41,2025-10-06,2025-autumn,25,≥10,≥10,≥10,<10');
    expect(lines[2]).toMatch(/^2025-W42,2025-10-13,2025-autumn,<10,/);
    expect(csv.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    const json = (await get('/open-data/detentions.json')).json() as {
      totals: Record<string, unknown>;
      weeks: Record<string, unknown>[];
      places: Record<string, unknown>[];
    };
    expect(json.totals).toEqual({
      detained: statsDatasetTotals.detained,
      transferred: statsDatasetTotals.transferred,
      lawyer_refused_entry: statsDatasetTotals['lawyer-refused-entry'],
      released: statsDatasetTotals.released,
      sent_to_unit: statsDatasetTotals['sent-to-unit'],
    });
    const counts = [...json.weeks, ...json.places].flatMap((row) =>
      ['detained', 'transferred', 'lawyer_refused_entry', 'released', 'sent_to_unit'].map(
        (column) => row[column],
      ),
    );
    for (const count of counts) {
      if (typeof count === 'number') expect(count).toBeGreaterThanOrEqual(10);
      else expect(['<10', '≥10']).toContain(count);
    }
    expect(json.places.find((row) => row.name_ru === 'Тверская')?.detained).toBe('<10');

    const places = await get('/open-data/detentions.csv?table=places');
    expect(places.body.split('\r\n')[0]).toBe(
      'place_kind,name_ru,name_en,lat,lon,source_key,detained,transferred,lawyer_refused_entry,released,sent_to_unit',
    );
    const schema = (await get('/open-data/datapackage.json')).json() as {
      resources: { name: string; licenses: { name: string }[] }[];
    };
    expect(schema.resources.map((resource) => resource.name)).toEqual([
      'weeks',
      'campaigns',
      'place-kinds',
      'places',
    ]);
  });

  it('refuses parameters outside the allowed set with 400 and says what is allowed', async () => {
    const wrongTable = await get('/open-data/detentions.csv?table=days');
    expect(wrongTable.statusCode).toBe(400);
    expect(JSON.stringify(wrongTable.json())).toContain(
      'Нет такой таблицы. Допустимо: weeks, campaigns, place-kinds, places.',
    );
    const english = await get('/open-data/detentions.json?table=days', {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(400);
    expect(JSON.stringify(english.json())).toContain(
      'Allowed: weeks, campaigns, place-kinds, places',
    );
    const filter = await get('/open-data/detentions.json?from=2025-10-01');
    expect(filter.statusCode).toBe(400);
    expect(JSON.stringify(filter.json())).toContain('querystring.from');
  });

  it('counts a case once a coordinator marks it publishable, and refuses the lawyer', async () => {
    const before = (await get('/open-data/detentions.json')).json() as {
      totals: { detained: number };
    };
    const coordinator = await signInOverHttp(
      { server, ports, clock },
      { orgId, roles: ['coordinator'] },
    );
    const created = await coordinator.browser.post('/api/v1/cases', {
      person: { fullName: 'Иванов Иван', birthDate: '2004-05-06', phone: null, notes: null },
    });
    const { caseId } = created.json() as { caseId: string };
    await coordinator.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: '2026-11-18T07:00:00Z',
      placeId: stationA.id,
      powerOfAttorney: null,
      note: null,
    });
    const unpublished = await coordinator.browser.get(`/api/v1/cases/${caseId}/publication`);
    expect(unpublished.json()).toEqual({ publishable: false, changedAt: null, changedBy: null });

    const lawyer = await signInOverHttp({ server, ports, clock }, { orgId, roles: ['lawyer'] });
    const refused = await lawyer.browser.request({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/publication`,
      body: { publishable: true },
    });
    expect(refused.statusCode).toBe(403);

    const marked = await coordinator.browser.request({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/publication`,
      body: { publishable: true },
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ publishable: true, changedBy: coordinator.userId });

    // Once the snapshot is five minutes old, a request starts a new one, answered from the old.
    clock.advance(5 * 60_000);
    await vi.waitFor(async () => {
      const after = (await get('/open-data/detentions.json')).json() as {
        totals: { detained: number };
      };
      expect(after.totals.detained).toBe(before.totals.detained + 1);
    });
  });

  it('shows the risk note on the follow-up page: stations of the last 7 days, no numbers', async () => {
    await seedStatsCases(database.db, orgId, [
      {
        cases: 1,
        publishable: true,
        events: [{ kind: 'detained', at: '2026-11-18T07:00:00Z', placeId: stationA.id }],
      },
    ]);
    const report = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        answers: {
          'reporter-role': 'relative',
          situation: 'detained',
          'person-name': 'Петров Пётр',
          'person-birth-date': '2006-03-01',
          'contact-phone': '+7 (916) 000-00-00',
          'taken-from': 'metro',
          'detained-at': '2026-11-20T09:40',
          'taken-to': 'conscription-centre',
          'taken-from-station': 'Тверская',
          'pending-appeal': 'no',
          'needs-lawyer': 'yes',
          consent: 'yes',
        },
      },
    });
    expect(report.statusCode).toBe(201);
    const { followUpUrl } = report.json() as { followUpUrl: string };
    const page = (await get(new URL(followUpUrl).pathname)).body;
    expect(page).toContain('О задержаниях призывников сообщали на этих станциях метро');
    expect(page).toContain('<li>Выхино</li>');
    expect(page).not.toContain('Тверская');
  });
});
