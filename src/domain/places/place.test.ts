import { describe, expect, it } from 'vitest';
import { placeKinds as intakePlaceKinds } from '../intake/questionnaire.ts';
import {
  changePlace,
  confirmPlace,
  nameTakenProblems,
  newPlace,
  type Place,
  type PlaceDetails,
  placeDetailsProblems,
  placeKinds,
} from './place.ts';

const created = new Date('2026-11-29T10:00:00Z');
const later = new Date('2026-11-30T09:00:00Z');

const court: PlaceDetails = {
  nameRu: 'Мещанский районный суд',
  nameEn: 'Meshchansky District Court',
  addressRu: null,
  location: null,
  metroLines: [],
};

function added(kind: Place['kind'], details: PlaceDetails): Place {
  const decision = newPlace({ id: 'p-1', orgId: 'org-1', kind, details, now: created });
  if (!decision.ok) throw new Error(JSON.stringify(decision.problems));
  return decision.place;
}

function pathsOf(problems: { path: (string | number)[] }[]): string[] {
  return problems.map((problem) => problem.path.join('.'));
}

describe('places', () => {
  it('offers every kind of place an intake question can ask for', () => {
    for (const kind of intakePlaceKinds) expect(placeKinds).toContain(kind);
  });

  it('adds a place unverified, trimmed, with a transliterated English name when none is given', () => {
    const place = added('conscription-centre', {
      ...court,
      nameRu: '  Сборный   пункт ',
      nameEn: '',
      addressRu: ' ул. Угрешская ',
    });
    expect(place).toMatchObject({
      nameRu: 'Сборный пункт',
      nameEn: 'Sborny Punkt',
      addressRu: 'ул. Угрешская',
      verified: false,
      confirmedBy: null,
      sourceKey: null,
      createdAt: created,
    });
  });

  it('reports a blank Russian name once when the English one was to be derived from it', () => {
    const decision = newPlace({
      id: 'p-1',
      orgId: 'org-1',
      kind: 'court',
      details: { ...court, nameRu: '  ', nameEn: undefined },
      now: created,
    });
    expect(decision.ok ? [] : pathsOf(decision.problems)).toEqual(['nameRu']);
  });

  it('refuses blank names, coordinates off the globe and lines on anything but a station', () => {
    const problems = placeDetailsProblems('court', {
      nameRu: ' ',
      nameEn: '',
      addressRu: '   ',
      location: { lat: 91, lon: -180.5 },
      metroLines: ['1'],
    });
    expect(pathsOf(problems)).toEqual([
      'nameRu',
      'nameEn',
      'addressRu',
      'location.lat',
      'location.lon',
      'metroLines',
    ]);
    expect(problems[3]?.message).toEqual({
      ru: 'Широта должна быть от −90 до 90 градусов.',
      en: 'The latitude must be between −90 and 90 degrees.',
    });
  });

  it('accepts the edges of the globe and refuses a line named twice or not at all', () => {
    const edges = { ...court, location: { lat: -90, lon: 180 } };
    expect(placeDetailsProblems('court', edges)).toEqual([]);
    const lines = { ...court, metroLines: ['Сокольническая', ' ', 'сокольническая '] };
    expect(pathsOf(placeDetailsProblems('metro-station', lines))).toEqual([
      'metroLines.1',
      'metroLines.2',
    ]);
  });

  it('makes a confirmed place unverified again when its address changes, and says what changed', () => {
    const place = confirmPlace(added('court', court), 'u-coordinator', created);
    expect(place).toMatchObject({ verified: true, confirmedBy: 'u-coordinator' });

    const change = changePlace(place, { ...court, addressRu: 'ул. Каланчёвская, 43' }, later);
    expect(change).toMatchObject({
      ok: true,
      changed: ['addressRu'],
      place: { verified: false, confirmedBy: null, confirmedAt: null, updatedAt: later },
    });
  });

  it('keeps a place as it was when an edit changes nothing but spacing', () => {
    const place = confirmPlace(added('court', court), 'u-coordinator', created);
    const change = changePlace(place, { ...court, nameRu: ` ${court.nameRu}  ` }, later);
    expect(change).toEqual({ ok: true, place, changed: [] });
  });

  it('never changes a shipped place’s kind or source key, and refuses bad details', () => {
    const shipped: Place = {
      ...added('metro-station', { ...court, nameRu: 'Угрешская', nameEn: 'Ugreshskaya' }),
      sourceKey: 'osm:node/1',
      verified: true,
    };
    const change = changePlace(
      shipped,
      { ...court, nameRu: 'Угрешская', nameEn: 'Ugreshskaya', metroLines: ['МЦК'] },
      later,
    );
    expect(change).toMatchObject({
      ok: true,
      changed: ['metroLines'],
      place: { kind: 'metro-station', sourceKey: 'osm:node/1', verified: false },
    });
    const refused = changePlace(shipped, { ...court, location: { lat: 55.7, lon: 200 } }, later);
    expect(refused.ok ? [] : pathsOf(refused.problems)).toEqual(['location.lon']);
  });
});

describe('place names', () => {
  const station = { id: 'p-1', kind: 'metro-station' as const, nameRu: 'Угрешская' };

  it('refuses a second place of one kind with the same Russian name, ё or case aside', () => {
    expect(nameTakenProblems({ ...station, id: 'p-2', nameRu: 'угрешская' }, [station])).toEqual([
      {
        path: ['nameRu'],
        message: {
          ru: 'Место этого вида с таким названием уже есть в списке.',
          en: 'A place of this kind with this name is already in the list.',
        },
      },
    ]);
    const yo = { ...station, nameRu: 'Щёлковская' };
    expect(nameTakenProblems({ ...yo, id: 'p-2', nameRu: 'Щелковская' }, [yo])).toHaveLength(1);
  });

  it('lets a place keep its own name, and the same name stand for another kind of place', () => {
    expect(nameTakenProblems(station, [station])).toEqual([]);
    const court = { ...station, id: 'p-2', kind: 'court' as const };
    expect(nameTakenProblems(court, [station])).toEqual([]);
  });
});
