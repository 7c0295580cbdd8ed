import { z } from 'zod';
import {
  metroLineMaxLength,
  metroLinesMax,
  placeAddressMaxLength,
  placeKinds,
  placeNameMaxLength,
} from '../domain/places/place.ts';
import { placeQueryMaxLength } from '../domain/places/place-search.ts';

export const placeKind = z.enum(placeKinds).meta({ id: 'PlaceKind' });

const coordinates = z
  .strictObject({
    lat: z.number().meta({ description: 'Latitude, WGS 84 degrees, −90 to 90' }),
    lon: z.number().meta({ description: 'Longitude, WGS 84 degrees, −180 to 180' }),
  })
  .meta({ id: 'Coordinates' });

const nameRu = z.string().max(placeNameMaxLength).meta({ description: 'Name in Russian' });
const addressRu = z
  .string()
  .max(placeAddressMaxLength)
  .nullable()
  .meta({ description: 'Address in Russian; null when not known' });
const metroLines = z
  .array(z.string().max(metroLineMaxLength))
  .max(metroLinesMax)
  .meta({ description: 'Lines of a metro station (only for metro-station)' });

/**
 * The details of a place as staff write them. Only the shape is checked here; blank names,
 * coordinates off the globe and lines on anything but a station come back as 400s naming the
 * field, from the same domain check the use cases run.
 */
export const placeDetailsRequest = z
  .strictObject({
    nameRu,
    nameEn: z.string().max(placeNameMaxLength).meta({ description: 'Name in English' }),
    addressRu,
    location: coordinates.nullable(),
    metroLines,
  })
  .meta({ id: 'PlaceDetails' });
export type PlaceDetailsRequest = z.infer<typeof placeDetailsRequest>;

export const newPlaceRequest = z
  .strictObject({
    kind: placeKind,
    nameRu,
    nameEn: z
      .string()
      .max(placeNameMaxLength)
      .optional()
      .meta({ description: 'Name in English; transliterated from the Russian one when left out' }),
    addressRu: addressRu.default(null),
    location: coordinates.nullable().default(null),
    metroLines: metroLines.default([]),
  })
  .meta({ id: 'NewPlace' });
export type NewPlaceRequest = z.input<typeof newPlaceRequest>;

export const placeIdParams = z.strictObject({ placeId: z.uuid() });

export const listPlacesQuery = z.strictObject({
  kind: z
    .union([placeKind, z.array(placeKind)])
    .optional()
    .meta({ description: 'One kind, or several by repeating the parameter; every kind if absent' }),
  q: z.string().max(placeQueryMaxLength).optional().meta({
    description:
      'Part of the Russian or English name, typed in either script, in any case (Угреш, ugresh)',
  }),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const placeResponse = z
  .object({
    id: z.string(),
    kind: placeKind,
    nameRu: z.string(),
    nameEn: z.string(),
    addressRu: z.string().nullable(),
    location: coordinates.nullable(),
    metroLines: z.array(z.string()),
    verified: z.boolean().meta({
      description:
        'Confirmed by the organisation, or shipped from a trusted source (OpenStreetMap stations); any edit clears it',
    }),
    confirmedBy: z.string().nullable().meta({ description: 'Staff user who confirmed it' }),
    confirmedAt: z.iso.datetime().nullable(),
    sourceKey: z.string().nullable().meta({
      description:
        'Set on places shipped with Habeas. osm:… places are © OpenStreetMap contributors, ODbL 1.0: show that attribution with them',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Place', description: 'Operational data, stored in clear' });
export type PlaceResponse = z.infer<typeof placeResponse>;

export const placeListResponse = z
  .object({ places: z.array(placeResponse) })
  .meta({ id: 'PlaceList', description: 'In alphabetical order of the Russian name' });
export type PlaceListResponse = z.infer<typeof placeListResponse>;
