import { type Campaign, campaignOn } from '../campaigns/campaign.ts';
import type { Place, PlaceKind } from '../places/place.ts';
import { addCalendarDays, type CalendarDate } from '../rules/calendar-date.ts';
import type { TimelineEventKind } from '../timeline/timeline-event.ts';
import {
  type CountSystem,
  smallestPublishedCount,
  suppressSmallCounts,
} from './disclosure-control.ts';
import { type IsoWeek, isoWeekOf, mondayOf, thursdayOfWeek, weeksBetween } from './iso-week.ts';

/** The timeline events public statistics count: detentions, what followed, how they ended. */
export const statsKinds = [
  'detained',
  'transferred',
  'lawyer-refused-entry',
  'released',
  'sent-to-unit',
] as const satisfies readonly TimelineEventKind[];
export type StatsKind = (typeof statsKinds)[number];

export function isStatsKind(kind: string): kind is StatsKind {
  return (statsKinds as readonly string[]).includes(kind);
}

/**
 * Events of published cases by kind and day, as storage groups them: the UTC day, and whether it
 * happened from 21:00 UTC on (already the next day in Moscow). No case id, no time of day.
 */
export type DayCount = {
  kind: StatsKind;
  utcDay: CalendarDate;
  lateEvening: boolean;
  count: number;
};

/** Events of published cases by kind and place (null: no place recorded). */
export type PlaceCount = { kind: StatsKind; placeId: string | null; count: number };

/** A place as statistics show it: what it is and where, nothing about who was there. */
export type StatsPlace = Pick<
  Place,
  'id' | 'kind' | 'nameRu' | 'nameEn' | 'location' | 'sourceKey'
>;

/**
 * A published count: the number; "<10" for a count below 10; "≥10" for a larger count hidden so
 * that a "<10" next to it cannot be worked out from a total.
 */
export type PublishedCount = number | '<10' | '≥10';
export type PublishedCounts = Record<StatsKind, PublishedCount>;

/** Where events without a recorded place (or at a place no longer listed) are counted. */
export type PlaceGroup = PlaceKind | 'unrecorded';

export type PublicStats = {
  totals: PublishedCounts;
  /** Every week from the first with a published event to the last, quiet weeks included. */
  weeks: {
    week: IsoWeek;
    monday: CalendarDate;
    campaignId: string | null;
    counts: PublishedCounts;
  }[];
  /** Campaigns with a week in that span, oldest first; null holds the weeks between campaigns. */
  campaigns: { campaign: Campaign | null; counts: PublishedCounts }[];
  placeGroups: { group: PlaceGroup; counts: PublishedCounts }[];
  /** Places with a published event, by kind then Russian name (never by count: see below). */
  places: { place: StatsPlace; counts: PublishedCounts }[];
};

/** A stretch of time read at once: from `from` (included) to `to` (excluded). */
export type CountingPeriod = { from: Date; to: Date };

const periodMs = 7 * 86_400_000;

/**
 * Seven-day stretches from the UTC midnight before `first` to past `last`, each read on its own:
 * a day grouped in storage never straddles two, and reading a few weeks at a time lets a server
 * on a synchronous database answer other requests between them.
 */
export function countingPeriods(first: Date, last: Date): CountingPeriod[] {
  const periods: CountingPeriod[] = [];
  const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate());
  for (let from = start; from <= last.getTime(); from += periodMs) {
    periods.push({ from: new Date(from), to: new Date(from + periodMs) });
  }
  return periods;
}

/** Moscow has kept UTC+3 all year since 2014: from 21:00 UTC it is the next day there. */
export function moscowDayOf(count: Pick<DayCount, 'utcDay' | 'lateEvening'>): CalendarDate {
  return count.lateEvening ? addCalendarDays(count.utcDay, 1) : count.utcDay;
}

const placeGroupOrder: readonly PlaceGroup[] = [
  'metro-station',
  'conscription-centre',
  'police-station',
  'court',
  'military-prosecutor',
  'other',
  'unrecorded',
];

/** One table row's counts, as indexes into the count system, one per kind. */
type Row = Record<StatsKind, number>;

/**
 * Public statistics from published cases' events: totals, weeks, campaigns (a week counts in the
 * campaign its Thursday falls in, so campaigns are exact sums of weeks), place kinds and places.
 * All of it is one count system, so that suppression sees every sum a reader can form across
 * the tables; rows are never ordered by their counts, since the order of suppressed rows would
 * say which is larger.
 */
export function publicStatsOf(input: {
  byDay: readonly DayCount[];
  byPlace: readonly PlaceCount[];
  places: readonly StatsPlace[];
  campaigns: readonly Campaign[];
}): PublicStats {
  const values: number[] = [];
  const sums: { total: number; parts: number[] }[] = [];
  const newRow = (): Row => {
    const row = {} as Row;
    for (const kind of statsKinds) {
      row[kind] = values.length;
      values.push(0);
    }
    return row;
  };
  const add = (row: Row, kind: StatsKind, count: number) => {
    values[row[kind]] = (values[row[kind]] ?? 0) + count;
  };
  const sumOf = (total: Row, parts: readonly Row[]) => {
    if (parts.length === 0) return;
    for (const kind of statsKinds) {
      sums.push({ total: total[kind], parts: parts.map((part) => part[kind]) });
    }
  };

  const placesById = new Map(input.places.map((place) => [place.id, place]));
  const dated = input.byDay.map((count) => ({ ...count, week: isoWeekOf(moscowDayOf(count)) }));
  const sortedWeeks = dated.map((count) => count.week).sort();
  const first = sortedWeeks[0];
  const last = sortedWeeks[sortedWeeks.length - 1];
  const weekList = first === undefined || last === undefined ? [] : weeksBetween(first, last);

  const totals = newRow();
  const weekRows = new Map(weekList.map((week) => [week, newRow()]));
  const campaignOfWeek = new Map(
    weekList.map((week) => [week, campaignOn(thursdayOfWeek(week), input.campaigns)]),
  );
  const campaignRows = new Map<string | null, Row>();
  for (const campaign of campaignOfWeek.values()) {
    const id = campaign?.id ?? null;
    if (!campaignRows.has(id)) campaignRows.set(id, newRow());
  }
  const placeRows = new Map<string, Row>();
  const groupRows = new Map<PlaceGroup, Row>();

  // Totals come from the days; the places hold the same events counted another way.
  for (const count of dated) {
    add(totals, count.kind, count.count);
    const weekRow = weekRows.get(count.week);
    if (weekRow !== undefined) add(weekRow, count.kind, count.count);
    const campaignRow = campaignRows.get(campaignOfWeek.get(count.week)?.id ?? null);
    if (campaignRow !== undefined) add(campaignRow, count.kind, count.count);
  }
  for (const count of input.byPlace) {
    const place = count.placeId === null ? undefined : placesById.get(count.placeId);
    const group: PlaceGroup = place?.kind ?? 'unrecorded';
    let groupRow = groupRows.get(group);
    if (groupRow === undefined) {
      groupRow = newRow();
      groupRows.set(group, groupRow);
    }
    add(groupRow, count.kind, count.count);
    if (place !== undefined) {
      let placeRow = placeRows.get(place.id);
      if (placeRow === undefined) {
        placeRow = newRow();
        placeRows.set(place.id, placeRow);
      }
      add(placeRow, count.kind, count.count);
    }
  }

  sumOf(totals, [...weekRows.values()]);
  sumOf(totals, [...campaignRows.values()]);
  for (const [id, campaignRow] of campaignRows) {
    const weeks = [...weekRows].filter(([week]) => (campaignOfWeek.get(week)?.id ?? null) === id);
    sumOf(
      campaignRow,
      weeks.map(([, row]) => row),
    );
  }
  sumOf(totals, [...groupRows.values()]);
  for (const [group, groupRow] of groupRows) {
    const members = [...placeRows].filter(([id]) => placesById.get(id)?.kind === group);
    sumOf(
      groupRow,
      members.map(([, row]) => row),
    );
  }

  const system: CountSystem = { counts: values, sums };
  const suppressed = suppressSmallCounts(system);
  const published = (row: Row): PublishedCounts => {
    const counts = {} as PublishedCounts;
    for (const kind of statsKinds) {
      const value = values[row[kind]] ?? 0;
      counts[kind] = !suppressed[row[kind]]
        ? value
        : value < smallestPublishedCount
          ? '<10'
          : '≥10';
    }
    return counts;
  };

  const campaignsById = new Map(input.campaigns.map((campaign) => [campaign.id, campaign]));
  return {
    totals: published(totals),
    weeks: [...weekRows].map(([week, row]) => ({
      week,
      monday: mondayOf(week),
      campaignId: campaignOfWeek.get(week)?.id ?? null,
      counts: published(row),
    })),
    campaigns: [...campaignRows]
      .map(([id, row]) => ({
        campaign: id === null ? null : (campaignsById.get(id) ?? null),
        counts: published(row),
      }))
      .sort((a, b) =>
        (a.campaign?.startsOn ?? '9999').localeCompare(b.campaign?.startsOn ?? '9999'),
      ),
    placeGroups: placeGroupOrder.flatMap((group) => {
      const row = groupRows.get(group);
      return row === undefined ? [] : [{ group, counts: published(row) }];
    }),
    places: [...placeRows]
      .flatMap(([id, row]) => {
        const place = placesById.get(id);
        return place === undefined ? [] : [{ place, counts: published(row) }];
      })
      .sort(
        (a, b) =>
          placeGroupOrder.indexOf(a.place.kind) - placeGroupOrder.indexOf(b.place.kind) ||
          a.place.nameRu.localeCompare(b.place.nameRu, 'ru'),
      ),
  };
}
