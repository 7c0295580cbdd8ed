import { type PublicStats, publicStatsOf, statsKinds } from '../../domain/stats/public-stats.ts';
import type { Ports } from '../ports/ports.ts';
import { publishingOrganisation, statsPlacesOf } from './publishing-organisation.ts';

/**
 * Public statistics of the cases the organisation marked publishable, with suppression applied:
 * what the dashboard and the open data publish, and nothing else.
 */
export async function readPublicStats(
  deps: Pick<Ports, 'unitOfWork' | 'campaigns'>,
): Promise<PublicStats> {
  const campaigns = deps.campaigns.all();
  return deps.unitOfWork.run(async (repositories) => {
    const orgId = await publishingOrganisation(repositories);
    if (orgId === null) return publicStatsOf({ counts: [], places: [], campaigns });
    const counts = await repositories.publicStats.countPublishedEvents(orgId, statsKinds);
    return publicStatsOf({ counts, places: await statsPlacesOf(repositories, orgId), campaigns });
  });
}
