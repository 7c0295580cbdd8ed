import { type PublicStats, publicStatsOf, statsKinds } from '../../domain/stats/public-stats.ts';
import type { Ports } from '../ports/ports.ts';
import { publishingOrganisation, statsPlacesOf } from './publishing-organisation.ts';

/**
 * Public statistics of the cases the organisation marked publishable, with suppression applied:
 * what the dashboard and the open data publish, and nothing else. Both groupings are read in
 * one transaction, so they count the same events.
 */
export async function readPublicStats(
  deps: Pick<Ports, 'unitOfWork' | 'campaigns'>,
): Promise<PublicStats> {
  const campaigns = deps.campaigns.all();
  return deps.unitOfWork.run(async (repositories) => {
    const orgId = await publishingOrganisation(repositories);
    if (orgId === null) return publicStatsOf({ byDay: [], byPlace: [], places: [], campaigns });
    return publicStatsOf({
      byDay: await repositories.publicStats.countPublishedByDay(orgId, statsKinds),
      byPlace: await repositories.publicStats.countPublishedByPlace(orgId, statsKinds),
      places: await statsPlacesOf(repositories, orgId),
      campaigns,
    });
  });
}
