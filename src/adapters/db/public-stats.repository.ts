import { type Kysely, sql } from 'kysely';
import type { PublicStatsRepository } from '../../app/ports/repositories.ts';
import { type CountingPeriod, isStatsKind } from '../../domain/stats/public-stats.ts';
import { fromIso, toCount, toIso } from './columns.ts';
import type { Database } from './database.ts';

/**
 * Reads for public statistics, always through `case_publications`: an event counts only when its
 * case is marked publishable. Grouped in SQL by day, so that neither a case id nor a time of day
 * leaves the database; the domain coarsens days to weeks.
 */
export function publicStatsRepository(db: Kysely<Database>): PublicStatsRepository {
  const publishedEvents = (orgId: string, kinds: readonly string[], period: CountingPeriod) =>
    db
      .selectFrom('case_publications as p')
      .innerJoin('timeline_events as e', (join) =>
        join.onRef('e.org_id', '=', 'p.org_id').onRef('e.case_id', '=', 'p.case_id'),
      )
      .where('p.org_id', '=', orgId)
      .where('p.publishable', '=', 1)
      .where('e.kind', 'in', [...kinds])
      .where('e.occurred_at', '>=', toIso(period.from))
      .where('e.occurred_at', '<', toIso(period.to));

  return {
    async eventSpan(orgId, kinds) {
      let first: string | null = null;
      let last: string | null = null;
      // One kind at a time: the first and last entry of an index range, not a scan.
      for (const kind of kinds) {
        const row = await db
          .selectFrom('timeline_events')
          .select((eb) => [
            eb.fn.min<string | null>('occurred_at').as('first'),
            eb.fn.max<string | null>('occurred_at').as('last'),
          ])
          .where('org_id', '=', orgId)
          .where('kind', '=', kind)
          .executeTakeFirst();
        if (row?.first && (first === null || row.first < first)) first = row.first;
        if (row?.last && (last === null || row.last > last)) last = row.last;
      }
      return first === null || last === null
        ? null
        : { first: fromIso(first), last: fromIso(last) };
    },

    async countPublishedByDay(orgId, kinds, period) {
      if (kinds.length === 0) return [];
      const rows = await publishedEvents(orgId, kinds, period)
        .select([
          'e.kind as kind',
          sql<string>`substr(e.occurred_at, 1, 10)`.as('utc_day'),
          // From 21:00 UTC it is the next day in Moscow (UTC+3 all year).
          sql<number>`case when substr(e.occurred_at, 12, 2) >= '21' then 1 else 0 end`.as('late'),
          (eb) => eb.fn.countAll<string | number>().as('n'),
        ])
        .groupBy([sql`1`, sql`2`, sql`3`])
        .execute();
      return rows.flatMap((row) =>
        isStatsKind(row.kind)
          ? [
              {
                kind: row.kind,
                utcDay: row.utc_day,
                lateEvening: Number(row.late) === 1,
                count: toCount(row.n),
              },
            ]
          : [],
      );
    },

    async countPublishedByPlace(orgId, kinds, period) {
      if (kinds.length === 0) return [];
      const rows = await publishedEvents(orgId, kinds, period)
        .select([
          'e.kind as kind',
          'e.place_id as place_id',
          (eb) => eb.fn.countAll<string | number>().as('n'),
        ])
        .groupBy(['e.kind', 'e.place_id'])
        .execute();
      return rows.flatMap((row) =>
        isStatsKind(row.kind)
          ? [{ kind: row.kind, placeId: row.place_id, count: toCount(row.n) }]
          : [],
      );
    },

    async recentDetentionPlaceIds(orgId, since) {
      const rows = await db
        .selectFrom('timeline_events as e')
        .innerJoin('case_publications as p', (join) =>
          join.onRef('p.org_id', '=', 'e.org_id').onRef('p.case_id', '=', 'e.case_id'),
        )
        .select('e.place_id')
        .distinct()
        .where('e.org_id', '=', orgId)
        .where('e.kind', '=', 'detained')
        .where('e.occurred_at', '>=', toIso(since))
        .where('e.place_id', 'is not', null)
        .where('p.publishable', '=', 1)
        .orderBy('e.place_id')
        .execute();
      return rows.flatMap((row) => (row.place_id === null ? [] : [row.place_id]));
    },
  };
}
