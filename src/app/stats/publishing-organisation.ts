import type { StatsPlace } from '../../domain/stats/public-stats.ts';
import { AppError } from '../app-error.ts';
import type { Repositories } from '../ports/repositories.ts';

/** Enough for every place an organisation keeps; the shipped list has a few hundred. */
const placesRead = 100_000;

/**
 * The organisation whose statistics the public pages show: the only one, in a single-group
 * deployment, as for intake. None yet: nothing to show.
 */
export async function publishingOrganisation(repositories: Repositories): Promise<string | null> {
  const organisations = await repositories.organisations.list();
  if (organisations.length > 1)
    throw new AppError('CONFLICT', 'public statistics need a single organisation');
  return organisations[0]?.id ?? null;
}

export async function statsPlacesOf(
  repositories: Repositories,
  orgId: string,
): Promise<StatsPlace[]> {
  const places = await repositories.places.search(orgId, {
    kinds: [],
    query: '',
    limit: placesRead,
  });
  return places.map(({ id, kind, nameRu, nameEn, location, sourceKey }) => ({
    id,
    kind,
    nameRu,
    nameEn,
    location,
    sourceKey,
  }));
}
