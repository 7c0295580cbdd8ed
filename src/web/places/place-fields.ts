import type { PlaceDetailsRequest, PlaceResponse } from '../../contracts/places.ts';
import { ApiError } from '../api/api-client.ts';

/** What the place form holds: text as typed, turned into a request by `detailsOf`. */
export type PlaceFieldValues = {
  nameRu: string;
  nameEn: string;
  addressRu: string;
  lat: string;
  lon: string;
  /** Separated by commas. */
  metroLines: string;
};

export const emptyPlaceFields: PlaceFieldValues = {
  nameRu: '',
  nameEn: '',
  addressRu: '',
  lat: '',
  lon: '',
  metroLines: '',
};

export function fieldsOf(place: PlaceResponse): PlaceFieldValues {
  return {
    nameRu: place.nameRu,
    nameEn: place.nameEn,
    addressRu: place.addressRu ?? '',
    lat: place.location === null ? '' : String(place.location.lat),
    lon: place.location === null ? '' : String(place.location.lon),
    metroLines: place.metroLines.join(', '),
  };
}

/** A problem this side can see before asking the server: which field, which message key. */
export type CoordinateProblem = {
  field: 'lat' | 'lon';
  problem: 'notANumber' | 'bothCoordinates';
};

/** A decimal comma is how Russian keyboards type it. */
function coordinate(text: string): number | null | undefined {
  const tidy = text.trim().replace(',', '.');
  if (tidy === '') return null;
  const number = Number(tidy);
  return /^[-+−]?\d+(\.\d+)?$/u.test(tidy) && Number.isFinite(number) ? number : undefined;
}

/**
 * The request for these fields, or what stops it. Everything else (blank names, ranges) is the
 * server's to judge, with the same messages for every client.
 */
export function detailsOf(
  values: PlaceFieldValues,
):
  | { ok: true; details: PlaceDetailsRequest }
  | { ok: false; problems: readonly CoordinateProblem[] } {
  const lat = coordinate(values.lat.replace('−', '-'));
  const lon = coordinate(values.lon.replace('−', '-'));
  const problems: CoordinateProblem[] = [];
  if (lat === undefined) problems.push({ field: 'lat', problem: 'notANumber' });
  if (lon === undefined) problems.push({ field: 'lon', problem: 'notANumber' });
  if (problems.length === 0 && (lat === null) !== (lon === null)) {
    problems.push({ field: lat === null ? 'lat' : 'lon', problem: 'bothCoordinates' });
  }
  if (problems.length > 0 || lat === undefined || lon === undefined) return { ok: false, problems };
  const addressRu = values.addressRu.trim();
  return {
    ok: true,
    details: {
      nameRu: values.nameRu,
      nameEn: values.nameEn,
      addressRu: addressRu === '' ? null : addressRu,
      location: lat === null || lon === null ? null : { lat, lon },
      metroLines: values.metroLines
        .split(',')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    },
  };
}

/** The server's message for a body field or anything inside it (`metroLines.2`). */
export function placeFieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const path = `body.${field}`;
  return error.fields.find(
    (problem) => problem.path === path || problem.path.startsWith(`${path}.`),
  )?.message;
}
