import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  type browserSession,
  closeRouteHarness,
  openRouteHarness,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { PlaceResponse } from '../../../contracts/places.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('places over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-29T10:00:00Z'),
      { escrow: false },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  async function listed(
    browser: ReturnType<typeof browserSession>,
    query: string,
  ): Promise<PlaceResponse[]> {
    const response = await browser.get(`/api/v1/places?${query}`);
    expect(response.statusCode, query).toBe(200);
    return (response.json() as { places: PlaceResponse[] }).places;
  }

  it('lists the shipped places by kind and finds them by name in either script', async () => {
    const volunteer = await signedIn(['volunteer']);

    const stations = await listed(volunteer.browser, 'kind=metro-station');
    expect(stations).toHaveLength(238);
    expect(stations[0]).toMatchObject({
      kind: 'metro-station',
      nameRu: 'Авиамоторная',
      nameEn: 'Aviamotornaya',
      verified: true,
      sourceKey: 'osm:node/7340764980',
      location: { lat: 55.753927, lon: 37.718992 },
    });

    const byName = (places: PlaceResponse[]) => places.map((place) => place.nameRu);
    const cyrillic = encodeURIComponent('ШОССЕ энтуз');
    expect(byName(await listed(volunteer.browser, `q=${cyrillic}`))).toEqual(['Шоссе Энтузиастов']);
    expect(byName(await listed(volunteer.browser, 'q=TIMIRYAZ'))).toEqual(['Тимирязевская']);
    expect(
      byName(
        await listed(
          volunteer.browser,
          `kind=conscription-centre&kind=military-prosecutor&q=${encodeURIComponent('угреш')}`,
        ),
      ),
    ).toEqual(['Сборный пункт на улице Угрешской']);
    const offices = await listed(volunteer.browser, 'kind=conscription-centre&kind=court');
    expect(offices.map((place) => [place.nameRu, place.verified])).toEqual([
      ['Военный комиссариат города Москвы', false],
      ['Сборный пункт на улице Угрешской', false],
    ]);
    expect(await listed(volunteer.browser, 'kind=metro-station&limit=2')).toHaveLength(2);

    const bad = await volunteer.browser.get('/api/v1/places?kind=bakery&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['querystring.kind', 'querystring.limit']);
    const one = await volunteer.browser.get(`/api/v1/places/${offices[0]?.id}`);
    expect(one.json()).toEqual(offices[0]);
  });

  it('adds a place, refusing bad details field by field in the reader’s language', async () => {
    const operator = await signedIn(['operator']);
    const volunteer = await signedIn(['volunteer']);
    const court = {
      kind: 'court',
      nameRu: 'Мещанский районный суд',
      addressRu: 'Москва, ул. Каланчёвская, 43',
    };

    expect((await volunteer.browser.post('/api/v1/places', court)).statusCode).toBe(403);
    const forged = await operator.browser.post('/api/v1/places', court, { withoutCsrf: true });
    expect(forged.statusCode).toBe(403);

    const added = await operator.browser.post('/api/v1/places', court);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      ...court,
      nameEn: 'Meshchansky Rayonny Sud',
      location: null,
      metroLines: [],
      verified: false,
      confirmedBy: null,
      sourceKey: null,
    });

    const refused = await operator.browser.post(
      '/api/v1/places',
      { ...court, nameRu: '  ', location: { lat: 55.7, lon: 190 }, metroLines: ['1'] },
      { headers: { 'accept-language': 'en' } },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { path: 'body.nameRu', message: 'Enter the name in Russian.' },
      {
        path: 'body.location.lon',
        message: 'The longitude must be between −180 and 180 degrees.',
      },
      { path: 'body.metroLines', message: 'Only a metro station has metro lines.' },
    ]);
    const twice = await operator.browser.post('/api/v1/places', {
      ...court,
      nameRu: 'мещанский  районный суд',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([
      { path: 'body.nameRu', message: 'Место этого вида с таким названием уже есть в списке.' },
    ]);
    const unknown = await operator.browser.post('/api/v1/places', { ...court, kind: 'bakery' });
    expect(unknown.json().error.fields.map((field: { path: string }) => field.path)).toEqual([
      'body.kind',
    ]);
  });

  it('keeps an edited shipped address unverified until a coordinator confirms it', async () => {
    const lawyer = await signedIn(['lawyer']);
    const coordinator = await signedIn(['coordinator']);
    const [assemblyPoint] = await listed(lawyer.browser, `q=${encodeURIComponent('Угрешской')}`);
    if (assemblyPoint === undefined) throw new Error('the assembly point is shipped');

    const details = {
      nameRu: assemblyPoint.nameRu,
      nameEn: assemblyPoint.nameEn,
      addressRu: 'Москва, ул. Угрешская, д. 2',
      location: null,
      metroLines: [],
    };
    const url = `/api/v1/places/${assemblyPoint.id}`;
    const edited = await lawyer.browser.request({ method: 'PUT', url, body: details });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      addressRu: 'Москва, ул. Угрешская, д. 2',
      verified: false,
      sourceKey: 'habeas:moscow/ugreshskaya-assembly-point',
    });

    expect((await lawyer.browser.post(`${url}/confirm`)).statusCode).toBe(403);
    clock.advance(60_000);
    const confirmed = await coordinator.browser.post(`${url}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      verified: true,
      confirmedBy: coordinator.userId,
      confirmedAt: clock.now().toISOString(),
    });

    const lines = await lawyer.browser.request({
      method: 'PUT',
      url,
      body: { ...details, metroLines: ['МЦК'] },
    });
    expect(lines.statusCode).toBe(400);
    expect((await lawyer.browser.get(url)).json()).toMatchObject({ verified: true });

    const missing = `/api/v1/places/${ports.ids.newId()}`;
    expect(
      (await lawyer.browser.request({ method: 'PUT', url: missing, body: details })).statusCode,
    ).toBe(404);
    expect((await coordinator.browser.post(`${missing}/confirm`)).statusCode).toBe(404);
  });

  it('describes the places API in the OpenAPI document', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths['/api/v1/places'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(
      document.paths['/api/v1/places']?.get?.parameters?.map((parameter) => parameter.name),
    ).toEqual(['kind', 'q', 'limit']);
    expect(Object.keys(document.paths['/api/v1/places/{placeId}'] ?? {}).sort()).toEqual([
      'get',
      'put',
    ]);
    expect(document.paths['/api/v1/places/{placeId}/confirm']?.post).toBeDefined();
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Place', 'PlaceList', 'NewPlace', 'PlaceDetails', 'PlaceKind']),
    );
  });
});
