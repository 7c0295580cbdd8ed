import { readdirSync, readFileSync } from 'node:fs';
import type { ShippedPlaces } from '../../app/ports/shipped-places.ts';
import { type ShippedPlace, validateShippedPlaces } from '../../domain/places/shipped-place.ts';

const placesDir = new URL('../../../content/places/', import.meta.url);

export class ShippedPlacesError extends Error {
  override readonly name = 'ShippedPlacesError';
}

/** Reads every `content/places/*.json`, validated together once per process. */
export function shippedPlaceFiles(dir: URL = placesDir): ShippedPlaces {
  let loaded: readonly ShippedPlace[] | undefined;
  return {
    list() {
      if (loaded !== undefined) return loaded;
      const files = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => ({ name, raw: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) }));
      const result = validateShippedPlaces(files);
      if (!result.ok) throw new ShippedPlacesError(result.problems.join('; '));
      loaded = result.places;
      return loaded;
    },
  };
}
