import type { ShippedPlace } from '../../domain/places/shipped-place.ts';

/** The places shipped with Habeas (metro stations, offices), validated on load. */
export interface ShippedPlaces {
  list(): readonly ShippedPlace[];
}
