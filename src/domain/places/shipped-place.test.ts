import { describe, expect, it } from 'vitest';
import { placeFromShipped, validateShippedPlaces } from './shipped-place.ts';

const station = {
  sourceKey: 'osm:node/292146578',
  kind: 'metro-station',
  nameRu: 'Автозаводская',
  nameEn: 'Avtozavodskaya',
  addressRu: null,
  location: { lat: 55.707345, lon: 37.657768 },
  metroLines: [],
  verified: true,
};

function file(places: unknown[]) {
  return {
    title: 'Moscow metro stations',
    attribution: '© OpenStreetMap contributors',
    licence: 'ODbL-1.0',
    howMade: 'converted by a script',
    places,
  };
}

describe('shipped places', () => {
  it('accepts well-formed files and makes an organisation’s own copy of each place', () => {
    const result = validateShippedPlaces([{ name: 'metro.json', raw: file([station]) }]);
    expect(result.ok).toBe(true);
    const [shipped] = result.ok ? result.places : [];
    if (shipped === undefined) throw new Error('no place');
    const now = new Date('2026-11-29T10:00:00Z');
    expect(placeFromShipped(shipped, { id: 'p-1', orgId: 'org-1', now })).toEqual({
      id: 'p-1',
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
      sourceKey: 'osm:node/292146578',
      createdAt: now,
      updatedAt: now,
    });
  });

  it('names every problem: a key twice, bad details, stray spaces, unknown fields, no attribution', () => {
    const result = validateShippedPlaces([
      { name: 'a.json', raw: file([station, { ...station, location: { lat: 95, lon: 37 } }]) },
      { name: 'b.json', raw: file([{ ...station, sourceKey: 'osm:node/2', nameRu: 'Тверская ' }]) },
      { name: 'c.json', raw: file([{ ...station, sourceKey: 'node 3', colour: 'red' }]) },
      {
        name: 'd.json',
        raw: { ...file([{ ...station, sourceKey: 'osm:node/4' }]), licence: null },
      },
    ]);
    expect(result.ok ? [] : result.problems).toEqual([
      'a.json: places.1.location.lat: The latitude must be between −90 and 90 degrees. (osm:node/292146578)',
      'a.json: osm:node/292146578 is listed twice',
      'b.json: places.0: stray spaces (osm:node/2)',
      'c.json: places.0.sourceKey: use <source>:<id>, e.g. osm:node/123',
      'c.json: places.0: Unrecognized key: "colour"',
      'd.json: OpenStreetMap data needs its ODbL attribution and licence',
    ]);
  });
});
