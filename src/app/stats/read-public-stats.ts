import {
  countingPeriods,
  type DayCount,
  type PlaceCount,
  type PublicStats,
  publicStatsOf,
  statsKinds,
} from '../../domain/stats/public-stats.ts';
import type { Ports } from '../ports/ports.ts';
import { publishingOrganisation, statsPlacesOf } from './publishing-organisation.ts';

/**
 * Public statistics of the cases the organisation marked publishable, with suppression applied:
 * what the dashboard and the open data publish, and nothing else. Both groupings of the events
 * are read in one transaction, so that they count the same events. Given a `pause`, events are
 * read a week at a time (each week's groupings in one transaction) and the pause runs between
 * weeks, so that a server on a synchronous database can answer other requests meanwhile.
 */
export async function readPublicStats(
  deps: Pick<Ports, 'unitOfWork' | 'campaigns'>,
  options: { pause?: () => Promise<void> } = {},
): Promise<PublicStats> {
  const campaigns = deps.campaigns.all();
  const start = await deps.unitOfWork.run(async (repositories) => {
    const orgId = await publishingOrganisation(repositories);
    if (orgId === null) return null;
    return {
      orgId,
      places: await statsPlacesOf(repositories, orgId),
      span: await repositories.publicStats.eventSpan(orgId, statsKinds),
    };
  });
  if (start === null) return publicStatsOf({ byDay: [], byPlace: [], places: [], campaigns });
  const byDay: DayCount[] = [];
  const byPlace: PlaceCount[] = [];
  const { span } = start;
  const periods =
    span === null
      ? []
      : options.pause === undefined
        ? [{ from: span.first, to: new Date(span.last.getTime() + 1) }]
        : countingPeriods(span.first, span.last);
  for (const period of periods) {
    await options.pause?.();
    await deps.unitOfWork.run(async (repositories) => {
      byDay.push(
        ...(await repositories.publicStats.countPublishedByDay(start.orgId, statsKinds, period)),
      );
      byPlace.push(
        ...(await repositories.publicStats.countPublishedByPlace(start.orgId, statsKinds, period)),
      );
    });
  }
  return publicStatsOf({ byDay, byPlace, places: start.places, campaigns });
}
