import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ShippedPlacesError, shippedPlaceFiles } from './shipped-place-files.ts';

describe('shipped place files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the Moscow metro from OpenStreetMap and the offices, unverified', () => {
    const places = shippedPlaceFiles().list();
    const stations = places.filter((place) => place.sourceKey.startsWith('osm:'));
    expect(stations).toHaveLength(238);
    expect(stations.every((place) => place.kind === 'metro-station' && place.verified)).toBe(true);
    expect(stations.find((place) => place.nameRu === 'Шоссе Энтузиастов')).toMatchObject({
      nameEn: 'Shosse Entuziastov',
      location: { lat: expect.closeTo(55.76, 1), lon: expect.closeTo(37.75, 1) },
    });

    const offices = places.filter((place) => place.kind !== 'metro-station');
    expect(offices.map((place) => [place.kind, place.nameRu, place.verified])).toEqual([
      ['conscription-centre', 'Сборный пункт на улице Угрешской', false],
      ['conscription-centre', 'Военный комиссариат города Москвы', false],
      ['military-prosecutor', 'Военная прокуратура Московского гарнизона', false],
    ]);
  });

  it('refuses to load a broken file, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'habeas-places-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ title: 'x', places: [] }));
    const places = shippedPlaceFiles(pathToFileURL(`${dir}/`));
    expect(() => places.list()).toThrow(ShippedPlacesError);
    expect(() => places.list()).toThrow(/^broken\.json: attribution/);
  });
});
