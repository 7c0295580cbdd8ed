import { z } from 'zod';
import { isTidy, type Place, placeDetails, placeDetailsProblems, placeKinds } from './place.ts';

/** `<source>:<id in the source>`, e.g. `osm:node/7340764980` or `habeas:moscow/…`. */
export const sourceKeyPattern = /^[a-z]+:[A-Za-z0-9][A-Za-z0-9/_.-]{0,127}$/;

/** A place Habeas ships to every organisation; each organisation then keeps its own copy. */
export const shippedPlace = placeDetails.extend({
  sourceKey: z.string().regex(sourceKeyPattern, 'use <source>:<id>, e.g. osm:node/123'),
  kind: z.enum(placeKinds),
  /** False where the details still need an organisation to check them (addresses of offices). */
  verified: z.boolean(),
  /** Why the place is in the list: the fact or source it rests on. Not stored. */
  basis: z.string().min(1).optional(),
});
export type ShippedPlace = z.infer<typeof shippedPlace>;

/**
 * One file of shipped places. `attribution` and `licence` travel with data under a licence that
 * demands them (OpenStreetMap's ODbL) and must be kept wherever the data goes.
 */
export const shippedPlaceFile = z.strictObject({
  title: z.string().min(1),
  attribution: z.string().min(1).nullable(),
  licence: z.string().min(1).nullable(),
  howMade: z.string().min(1),
  places: z.array(shippedPlace).min(1),
});
export type ShippedPlaceFile = z.infer<typeof shippedPlaceFile>;

/** The ODbL's attribution, which must go wherever OpenStreetMap data goes. */
function isOsmAttribution(file: Pick<ShippedPlaceFile, 'attribution' | 'licence'>): boolean {
  return (
    file.licence === 'ODbL-1.0' &&
    file.attribution !== null &&
    file.attribution.includes('© OpenStreetMap contributors')
  );
}

/**
 * Checks shipped files together: each place as staff input would be checked, and every source
 * key once across all files (it is how an organisation's copy is matched to the shipped one),
 * and the attribution of OpenStreetMap data.
 */
export function validateShippedPlaces(
  files: readonly { name: string; raw: unknown }[],
): { ok: true; places: ShippedPlace[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const places: ShippedPlace[] = [];
  const seen = new Set<string>();
  for (const { name, raw } of files) {
    const parsed = shippedPlaceFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => `${name}: ${issue.path.join('.')}: ${issue.message}`),
      );
      continue;
    }
    const fromOsm = parsed.data.places.some((place) => place.sourceKey.startsWith('osm:'));
    if (fromOsm && !isOsmAttribution(parsed.data)) {
      problems.push(`${name}: OpenStreetMap data needs its ODbL attribution and licence`);
    }
    parsed.data.places.forEach((place, index) => {
      for (const problem of placeDetailsProblems(place.kind, place)) {
        problems.push(
          `${name}: places.${index}.${problem.path.join('.')}: ${problem.message.en} (${place.sourceKey})`,
        );
      }
      if (!isTidy(place)) {
        problems.push(`${name}: places.${index}: stray spaces (${place.sourceKey})`);
      }
      if (seen.has(place.sourceKey)) problems.push(`${name}: ${place.sourceKey} is listed twice`);
      seen.add(place.sourceKey);
      places.push(place);
    });
  }
  return problems.length === 0 ? { ok: true, places } : { ok: false, problems };
}

/** An organisation's own copy of a shipped place. */
export function placeFromShipped(
  shipped: ShippedPlace,
  input: { id: string; orgId: string; now: Date },
): Place {
  return {
    id: input.id,
    orgId: input.orgId,
    kind: shipped.kind,
    nameRu: shipped.nameRu,
    nameEn: shipped.nameEn,
    addressRu: shipped.addressRu,
    location: shipped.location,
    metroLines: [...shipped.metroLines],
    verified: shipped.verified,
    confirmedBy: null,
    confirmedAt: null,
    sourceKey: shipped.sourceKey,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
