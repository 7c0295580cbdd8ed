import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { PlaceRepository } from '../../app/ports/repositories.ts';
import type { Place } from '../../domain/places/place.ts';
import { placesRepository } from './places.repository.ts';

const created = new Date('2026-11-29T10:00:00.000Z');

let serial = 0;
function buildPlace(overrides: Partial<Place> = {}): Place {
  serial += 1;
  return {
    id: `place-${serial}`,
    orgId: 'org-1',
    kind: 'metro-station',
    nameRu: 'Автозаводская',
    nameEn: 'Avtozavodskaya',
    addressRu: null,
    location: { lat: 55.707345, lon: 37.657768 },
    metroLines: [],
    verified: true,
    confirmedBy: null,
    confirmedAt: null,
    sourceKey: null,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

describe.each(testDialects())('places repository [$name]', (dialect) => {
  let database: TestDatabase;
  let places: PlaceRepository;

  beforeEach(async () => {
    database = await dialect.open();
    for (const id of ['org-1', 'org-2']) {
      await database.db
        .insertInto('organisations')
        .values({ id, org_id: id, name: id, created_at: created.toISOString() })
        .execute();
    }
    places = placesRepository(database.db);
  });
  afterEach(async () => {
    await database.close();
  });

  async function names(filter: Partial<Parameters<PlaceRepository['search']>[1]>) {
    const found = await places.search('org-1', { kinds: [], query: '', limit: 100, ...filter });
    return found.map((place) => place.nameRu);
  }

  it('stores a place and gives it back exactly, coordinates to the last digit', async () => {
    const place = buildPlace({
      kind: 'court',
      nameRu: 'Мещанский районный суд',
      nameEn: 'Meshchansky District Court',
      addressRu: 'Москва, ул. Каланчёвская, 43',
      location: { lat: 55.7771234567, lon: 37.6543219876 },
      verified: false,
    });
    await places.insert(place);
    expect(await places.findById('org-1', place.id)).toEqual(place);
    expect(await places.findById('org-2', place.id)).toBeNull();
  });

  it('updates what changed and keeps the source key and creation time', async () => {
    const place = buildPlace({ sourceKey: 'osm:node/1', metroLines: ['2'] });
    await places.insert(place);
    const confirmedAt = new Date('2026-11-30T08:00:00.000Z');
    const edited: Place = {
      ...place,
      nameEn: 'Avtozavodskaya Station',
      location: null,
      metroLines: ['2', 'МЦД-2'],
      verified: true,
      confirmedBy: 'u-1',
      confirmedAt,
      updatedAt: confirmedAt,
    };
    await places.update(edited);
    expect(await places.findById('org-1', place.id)).toEqual(edited);
  });

  it('lists by kind in alphabetical order, ё with е, never another organisation’s places', async () => {
    await places.insert(buildPlace({ nameRu: 'Щёлковская', nameEn: 'Shchyolkovskaya' }));
    await places.insert(buildPlace({ nameRu: 'Елисеевская', nameEn: 'Yeliseyevskaya' }));
    await places.insert(buildPlace({ nameRu: 'Ёлкинская', nameEn: 'Yolkinskaya' }));
    await places.insert(buildPlace({ nameRu: 'Арбатская', nameEn: 'Arbatskaya' }));
    await places.insert(buildPlace({ kind: 'court', nameRu: 'Бабушкинский суд', nameEn: 'B' }));
    await places.insert(buildPlace({ orgId: 'org-2', nameRu: 'Беговая', nameEn: 'Begovaya' }));

    expect(await names({ kinds: ['metro-station'] })).toEqual([
      'Арбатская',
      'Елисеевская',
      'Ёлкинская',
      'Щёлковская',
    ]);
    expect(await names({ kinds: ['court', 'police-station'] })).toEqual(['Бабушкинский суд']);
    expect(await names({})).toHaveLength(5);
    expect(await names({ limit: 2 })).toEqual(['Арбатская', 'Бабушкинский суд']);
  });

  it('searches names in either script and any case, Cyrillic included', async () => {
    await places.insert(buildPlace({ nameRu: 'Угрешская', nameEn: 'Ugreshskaya' }));
    await places.insert(buildPlace({ nameRu: 'Шоссе Энтузиастов', nameEn: 'Shosse Entuziastov' }));
    await places.insert(
      buildPlace({
        kind: 'conscription-centre',
        nameRu: 'Сборный пункт на улице Угрешской',
        nameEn: 'Assembly point on Ugreshskaya Street',
      }),
    );

    expect(await names({ query: 'УГРЕШ' })).toEqual([
      'Сборный пункт на улице Угрешской',
      'Угрешская',
    ]);
    expect(await names({ query: 'ugresh', kinds: ['metro-station'] })).toEqual(['Угрешская']);
    expect(await names({ query: 'энтузиаст' })).toEqual(['Шоссе Энтузиастов']);
    expect(await names({ query: 'ENTUZ' })).toEqual(['Шоссе Энтузиастов']);
    expect(await names({ query: 'Шоссе энтузиастов' })).toEqual(['Шоссе Энтузиастов']);
    expect(await names({ query: 'ASSEMBLY' })).toEqual(['Сборный пункт на улице Угрешской']);
    expect(await names({ query: 'тверская' })).toEqual([]);
  });

  it('never lets a query act as a pattern or as SQL', async () => {
    await places.insert(buildPlace({ nameRu: 'Угрешская', nameEn: 'Ugreshskaya' }));
    for (const query of ['угр%ская', 'у_решская', 'ugr%kaya', "' or 1=1 --", 'угре\\%ская']) {
      expect(await names({ query }), query).toEqual([]);
    }
    // Punctuation alone is nothing to look for.
    expect(await names({ query: '%_' })).toEqual(['Угрешская']);
  });

  it('adds only the shipped places an organisation lacks and leaves its own copies alone', async () => {
    const edited = buildPlace({ sourceKey: 'osm:node/1', nameEn: 'Edited', verified: false });
    await places.insert(edited);
    await places.insert(buildPlace({ orgId: 'org-2', sourceKey: 'osm:node/2' }));

    const shipped = [
      buildPlace({ sourceKey: 'osm:node/1', nameEn: 'Shipped' }),
      buildPlace({ sourceKey: 'osm:node/2', nameRu: 'Беговая', nameEn: 'Begovaya' }),
    ];
    expect(await places.insertMissingShipped(shipped)).toBe(1);
    expect(await places.insertMissingShipped(shipped)).toBe(0);

    expect(await places.findById('org-1', edited.id)).toEqual(edited);
    expect(await places.listSourceKeys('org-1')).toEqual(new Set(['osm:node/1', 'osm:node/2']));
    expect(await places.listSourceKeys('org-2')).toEqual(new Set(['osm:node/2']));
  });

  it('refuses impossible rows at the database too', async () => {
    const refused = [
      buildPlace({ kind: 'bakery' as Place['kind'] }),
      buildPlace({ location: { lat: 95, lon: 37 } }),
      buildPlace({ confirmedBy: 'u-1', confirmedAt: null }),
    ];
    for (const place of refused) await expect(places.insert(place)).rejects.toThrow();
    const sourced = buildPlace({ sourceKey: 'osm:node/9' });
    await places.insert(sourced);
    await expect(places.insert({ ...sourced, id: 'another' })).rejects.toThrow();
  });
});
