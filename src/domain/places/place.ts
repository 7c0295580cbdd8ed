import { z } from 'zod';
import { latinName } from './latin-name.ts';
import { placeSortKey } from './place-search.ts';

/** Where things happen in a case: where a man was taken, held, heard, or complained to. */
export const placeKinds = [
  'metro-station',
  'conscription-centre',
  'police-station',
  'court',
  'military-prosecutor',
  'other',
] as const;
export type PlaceKind = (typeof placeKinds)[number];

export function isPlaceKind(value: string): value is PlaceKind {
  return placeKinds.some((kind) => kind === value);
}

export type Coordinates = { lat: number; lon: number };

/**
 * A place in an organisation's list. Operational data, stored in clear: a place says where
 * something happened, never who it happened to.
 */
export type Place = {
  id: string;
  orgId: string;
  kind: PlaceKind;
  nameRu: string;
  nameEn: string;
  addressRu: string | null;
  location: Coordinates | null;
  /** The lines a metro station serves, as staff name them ("1", "Сокольническая"). */
  metroLines: string[];
  /**
   * True once the organisation confirmed the place's details, or when it was shipped from a
   * source trusted as it stands (OpenStreetMap stations). Any later edit clears it.
   */
  verified: boolean;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  /** Set on places shipped with Habeas (`osm:node/123`), so they are added to an organisation once. */
  sourceKey: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const placeNameMaxLength = 200;
export const placeAddressMaxLength = 300;
export const metroLineMaxLength = 60;
export const metroLinesMax = 6;

/**
 * The details staff write about a place. The shape only: what makes them wrong in substance
 * (blank names, coordinates off the globe, lines on a court) is `placeDetailsProblems`, so that
 * every problem gets its own message in both languages.
 */
export const placeDetails = z.strictObject({
  nameRu: z.string().max(placeNameMaxLength),
  nameEn: z.string().max(placeNameMaxLength),
  addressRu: z.string().max(placeAddressMaxLength).nullable(),
  location: z.strictObject({ lat: z.number(), lon: z.number() }).nullable(),
  metroLines: z.array(z.string().max(metroLineMaxLength)).max(metroLinesMax),
});
export type PlaceDetails = z.infer<typeof placeDetails>;

/** A detail that cannot be right; `path` names the field, as a contract error would. */
export type PlaceProblem = {
  path: (string | number)[];
  message: { ru: string; en: string };
};

/**
 * What is wrong with a place's details, for a place of this kind. Empty when they can be
 * stored. Whitespace is trimmed before the checks, as `tidyPlaceDetails` stores them.
 */
export function placeDetailsProblems(kind: PlaceKind, details: PlaceDetails): PlaceProblem[] {
  const problems: PlaceProblem[] = [];
  if (details.nameRu.trim() === '') {
    problems.push({
      path: ['nameRu'],
      message: { ru: 'Укажите название по-русски.', en: 'Enter the name in Russian.' },
    });
  }
  if (details.nameEn.trim() === '') {
    problems.push({
      path: ['nameEn'],
      message: { ru: 'Укажите название по-английски.', en: 'Enter the name in English.' },
    });
  }
  if (details.addressRu !== null && details.addressRu.trim() === '') {
    problems.push({
      path: ['addressRu'],
      message: {
        ru: 'Адрес не может состоять из одних пробелов: оставьте поле пустым, если адреса нет.',
        en: 'The address cannot be blank: leave it out if there is none.',
      },
    });
  }
  if (details.location !== null) {
    const { lat, lon } = details.location;
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
      problems.push({
        path: ['location', 'lat'],
        message: {
          ru: 'Широта должна быть от −90 до 90 градусов.',
          en: 'The latitude must be between −90 and 90 degrees.',
        },
      });
    }
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
      problems.push({
        path: ['location', 'lon'],
        message: {
          ru: 'Долгота должна быть от −180 до 180 градусов.',
          en: 'The longitude must be between −180 and 180 degrees.',
        },
      });
    }
  }
  if (kind !== 'metro-station' && details.metroLines.length > 0) {
    problems.push({
      path: ['metroLines'],
      message: {
        ru: 'Линии метро указываются только у станций метро.',
        en: 'Only a metro station has metro lines.',
      },
    });
  }
  const seen = new Set<string>();
  details.metroLines.forEach((line, index) => {
    const tidy = line.trim();
    if (tidy === '') {
      problems.push({
        path: ['metroLines', index],
        message: { ru: 'Пустое название линии.', en: 'The line has no name.' },
      });
    } else if (seen.has(tidy.toLowerCase())) {
      problems.push({
        path: ['metroLines', index],
        message: { ru: 'Эта линия уже указана.', en: 'This line is listed twice.' },
      });
    }
    seen.add(tidy.toLowerCase());
  });
  return problems;
}

/** Details as they are stored: trimmed, inner runs of spaces collapsed. */
export function tidyPlaceDetails(details: PlaceDetails): PlaceDetails {
  const tidy = (text: string) => text.trim().replace(/\s+/gu, ' ');
  return {
    nameRu: tidy(details.nameRu),
    nameEn: tidy(details.nameEn),
    addressRu: details.addressRu === null ? null : tidy(details.addressRu),
    location: details.location === null ? null : { ...details.location },
    metroLines: details.metroLines.map(tidy),
  };
}

/** Whether details are already as `tidyPlaceDetails` would store them. */
export function isTidy(details: PlaceDetails): boolean {
  const tidy = tidyPlaceDetails(details);
  return (
    tidy.nameRu === details.nameRu &&
    tidy.nameEn === details.nameEn &&
    tidy.addressRu === details.addressRu &&
    tidy.metroLines.every((line, index) => line === details.metroLines[index])
  );
}

export type PlaceDecision = { ok: true; place: Place } | { ok: false; problems: PlaceProblem[] };

/**
 * A place staff add. Unverified, whoever adds it: confirming is a separate, deliberate act.
 * Without an English name it gets a transliteration of the Russian one.
 */
export function newPlace(input: {
  id: string;
  orgId: string;
  kind: PlaceKind;
  details: Omit<PlaceDetails, 'nameEn'> & { nameEn?: string | null | undefined };
  now: Date;
}): PlaceDecision {
  const given = input.details.nameEn ?? '';
  const derived = given.trim() === '';
  const details = { ...input.details, nameEn: derived ? latinName(input.details.nameRu) : given };
  // A derived English name is only as blank as the Russian one, which is reported already.
  const problems = placeDetailsProblems(input.kind, details).filter(
    (problem) => !(derived && problem.path[0] === 'nameEn'),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    place: {
      id: input.id,
      orgId: input.orgId,
      kind: input.kind,
      ...tidyPlaceDetails(details),
      verified: false,
      confirmedBy: null,
      confirmedAt: null,
      sourceKey: null,
      createdAt: input.now,
      updatedAt: input.now,
    },
  };
}

export type PlaceField = keyof PlaceDetails;

export type PlaceChange =
  | { ok: true; place: Place; changed: PlaceField[] }
  | { ok: false; problems: PlaceProblem[] };

function sameLocation(a: Coordinates | null, b: Coordinates | null): boolean {
  return a === null || b === null ? a === b : a.lat === b.lat && a.lon === b.lon;
}

function changedFields(place: Place, details: PlaceDetails): PlaceField[] {
  const changed: PlaceField[] = [];
  if (place.nameRu !== details.nameRu) changed.push('nameRu');
  if (place.nameEn !== details.nameEn) changed.push('nameEn');
  if (place.addressRu !== details.addressRu) changed.push('addressRu');
  if (!sameLocation(place.location, details.location)) changed.push('location');
  if (place.metroLines.join('\n') !== details.metroLines.join('\n')) changed.push('metroLines');
  return changed;
}

/**
 * Replaces a place's details. Any real change makes the place unverified again, a shipped one
 * included: the organisation vouches for what it confirmed, not for what was typed since. The
 * kind and the shipped source key never change, so a shipped place is never added twice.
 */
export function changePlace(place: Place, details: PlaceDetails, now: Date): PlaceChange {
  const problems = placeDetailsProblems(place.kind, details);
  if (problems.length > 0) return { ok: false, problems };
  const tidy = tidyPlaceDetails(details);
  const changed = changedFields(place, tidy);
  if (changed.length === 0) return { ok: true, place, changed };
  return {
    ok: true,
    changed,
    place: {
      ...place,
      ...tidy,
      verified: false,
      confirmedBy: null,
      confirmedAt: null,
      updatedAt: now,
    },
  };
}

/**
 * Two places of one kind with one Russian name would split the statistics of that place and
 * leave staff guessing which to pick: the second is refused. `candidates` are places of the
 * same kind whose names may match; the place itself (when edited) is among them or not.
 */
export function nameTakenProblems(
  place: Pick<Place, 'id' | 'kind' | 'nameRu'>,
  candidates: readonly Pick<Place, 'id' | 'kind' | 'nameRu'>[],
): PlaceProblem[] {
  const key = placeSortKey(place.nameRu);
  const taken = candidates.some(
    (other) =>
      other.id !== place.id && other.kind === place.kind && placeSortKey(other.nameRu) === key,
  );
  return taken
    ? [
        {
          path: ['nameRu'],
          message: {
            ru: 'Место этого вида с таким названием уже есть в списке.',
            en: 'A place of this kind with this name is already in the list.',
          },
        },
      ]
    : [];
}

/** The organisation vouches for the place as it now reads; confirming again renews it. */
export function confirmPlace(place: Place, userId: string, now: Date): Place {
  return { ...place, verified: true, confirmedBy: userId, confirmedAt: now, updatedAt: now };
}
