import type { StatsPlace } from './public-stats.ts';

/** How far back the risk note looks. */
export const riskNoteDays = 7;

/** The start of the risk note's window. */
export function riskNoteSince(now: Date): Date {
  return new Date(now.getTime() - riskNoteDays * 86_400_000);
}

/**
 * The metro stations where published cases had a detention in the window, by Russian name. Only
 * names: no count, no day and no case, a rule stricter than the dashboard's, because a rolling
 * count changes day by day and the difference of two days would date a single detention.
 */
export function riskNoteStations(
  detentionPlaceIds: readonly string[],
  places: readonly StatsPlace[],
): StatsPlace[] {
  const wanted = new Set(detentionPlaceIds);
  return places
    .filter((place) => place.kind === 'metro-station' && wanted.has(place.id))
    .sort((a, b) => a.nameRu.localeCompare(b.nameRu, 'ru'));
}
