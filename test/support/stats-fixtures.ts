import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../src/adapters/db/database.ts';
import type { StatsKind } from '../../src/domain/stats/public-stats.ts';

export type SeededCases = {
  /** How many cases alike. */
  cases: number;
  publishable: boolean;
  /** Each case's events: kind, instant and place (a place id, or null). */
  events: readonly { kind: StatsKind; at: string; placeId: string | null }[];
};

/**
 * Cases with timelines straight in SQL, as storage holds them: enough for statistics, which
 * read only case frames, event kinds, times and places, and consent. Nothing sealed is needed.
 */
export async function seedStatsCases(
  db: Kysely<Database>,
  orgId: string,
  groups: readonly SeededCases[],
): Promise<void> {
  const now = '2026-11-20T12:00:00.000Z';
  for (const group of groups) {
    for (let n = 0; n < group.cases; n++) {
      const caseId = uuidv7();
      await db
        .insertInto('case_files')
        .values({
          id: caseId,
          org_id: orgId,
          status: 'open',
          data_key_id: null,
          created_by: null,
          created_at: now,
          updated_at: now,
          closed_at: null,
          merged_into: null,
        })
        .execute();
      for (const event of group.events) {
        await db
          .insertInto('timeline_events')
          .values({
            id: uuidv7(),
            org_id: orgId,
            case_id: caseId,
            kind: event.kind,
            occurred_at: new Date(event.at).toISOString(),
            place_id: event.placeId,
            power_of_attorney: null,
            note: null,
            recorded_by: null,
            recorded_at: now,
          })
          .execute();
      }
      if (group.publishable) {
        await db
          .insertInto('case_publications')
          .values({
            org_id: orgId,
            case_id: caseId,
            publishable: 1,
            changed_by: null,
            changed_at: now,
          })
          .execute();
      }
    }
  }
}

/**
 * The dataset the route and browser tests check totals against: detentions at two stations in
 * the autumn 2025 campaign and one in January 2026, what followed, a small cell of 3, and 40
 * cases nobody marked publishable that must never be counted.
 */
export function statsDataset(places: { stationA: string; stationB: string; centre: string }) {
  const detainedA = (at: string) => ({ kind: 'detained' as const, at, placeId: places.stationA });
  return [
    {
      cases: 12,
      publishable: true,
      events: [
        detainedA('2025-10-07T06:00:00Z'),
        { kind: 'transferred', at: '2025-10-07T08:00:00Z', placeId: places.centre },
        { kind: 'lawyer-refused-entry', at: '2025-10-07T10:00:00Z', placeId: places.centre },
        { kind: 'released', at: '2025-10-08T10:00:00Z', placeId: null },
      ],
    },
    {
      cases: 13,
      publishable: true,
      events: [
        detainedA('2025-10-09T06:00:00Z'),
        { kind: 'transferred', at: '2025-10-09T08:00:00Z', placeId: places.centre },
        { kind: 'released', at: '2025-10-09T18:00:00Z', placeId: null },
      ],
    },
    {
      cases: 3,
      publishable: true,
      events: [{ kind: 'detained', at: '2025-10-15T06:00:00Z', placeId: places.stationB }],
    },
    {
      cases: 15,
      publishable: true,
      events: [
        detainedA('2026-01-13T06:00:00Z'),
        { kind: 'sent-to-unit', at: '2026-01-14T06:00:00Z', placeId: null },
      ],
    },
    {
      cases: 40,
      publishable: false,
      events: [{ kind: 'detained', at: '2025-10-15T06:00:00Z', placeId: places.stationB }],
    },
  ] satisfies SeededCases[];
}

/** What the dataset publishes in total: 12 + 13 + 3 + 15 detentions, and the rest. */
export const statsDatasetTotals = {
  detained: 43,
  transferred: 25,
  'lawyer-refused-entry': 12,
  released: 25,
  'sent-to-unit': 15,
};
