import type { StatsPlace } from '../../domain/stats/public-stats.ts';
import { riskNoteSince, riskNoteStations } from '../../domain/stats/risk-note.ts';
import type { Ports } from '../ports/ports.ts';
import { publishingOrganisation, statsPlacesOf } from './publishing-organisation.ts';

/** The metro stations of the risk note: detentions in published cases in the last 7 days. */
export async function readRiskNote(
  deps: Pick<Ports, 'unitOfWork' | 'clock'>,
): Promise<StatsPlace[]> {
  const since = riskNoteSince(deps.clock.now());
  return deps.unitOfWork.run(async (repositories) => {
    const orgId = await publishingOrganisation(repositories);
    if (orgId === null) return [];
    const placeIds = await repositories.publicStats.recentDetentionPlaceIds(orgId, since);
    if (placeIds.length === 0) return [];
    return riskNoteStations(placeIds, await statsPlacesOf(repositories, orgId));
  });
}
