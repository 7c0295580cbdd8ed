import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaigns/campaign.ts';
import {
  countingPeriods,
  type DayCount,
  moscowDayOf,
  type PlaceCount,
  publicStatsOf,
  type StatsPlace,
} from './public-stats.ts';
import { riskNoteSince, riskNoteStations } from './risk-note.ts';

function campaign(id: string, startsOn: string, endsOn: string, quota: number): Campaign {
  return {
    id,
    name: { ru: id, en: id },
    startsOn,
    endsOn,
    decree: { title: { ru: 'Указ', en: 'Decree' }, sourceUrls: ['https://example.org/'] },
    quota,
    dispatchWindows: [],
  };
}

const campaigns = [
  campaign('2025-autumn', '2025-10-01', '2025-12-31', 135_000),
  campaign('2026', '2026-01-01', '2026-12-31', 261_000),
];

function place(id: string, kind: StatsPlace['kind'], nameRu: string): StatsPlace {
  return { id, kind, nameRu, nameEn: nameRu, location: { lat: 55.7, lon: 37.6 }, sourceKey: null };
}

const places = [
  place('vykhino', 'metro-station', 'Выхино'),
  place('tverskaya', 'metro-station', 'Тверская'),
  place('ugreshskaya', 'conscription-centre', 'Угрешская'),
];

type Seen = { kind: DayCount['kind']; utcDay: string; placeId: string | null; n: number };

function count(kind: Seen['kind'], utcDay: string, placeId: string | null, n: number): Seen {
  return { kind, utcDay, placeId, n };
}

/** The two groupings storage returns, from events seen on a day at a place. */
function statsOf(seen: Seen[]) {
  const byDay: DayCount[] = seen.map((s) => ({
    kind: s.kind,
    utcDay: s.utcDay,
    lateEvening: false,
    count: s.n,
  }));
  const byPlace: PlaceCount[] = seen.map((s) => ({ kind: s.kind, placeId: s.placeId, count: s.n }));
  return publicStatsOf({ byDay, byPlace, places, campaigns });
}

describe('public statistics', () => {
  it('reads events in seven-day stretches from the UTC midnight before the first to past the last', () => {
    const periods = countingPeriods(
      new Date('2025-10-07T06:00:00Z'),
      new Date('2025-10-21T00:00:00Z'),
    );
    expect(periods.map((period) => period.from.toISOString().slice(0, 10))).toEqual([
      '2025-10-07',
      '2025-10-14',
      '2025-10-21',
    ]);
    expect(periods[2]?.to.toISOString()).toBe('2025-10-28T00:00:00.000Z');
  });

  it('counts a late-evening UTC event on the next Moscow day', () => {
    expect(moscowDayOf({ utcDay: '2025-10-05', lateEvening: true })).toBe('2025-10-06');
    expect(moscowDayOf({ utcDay: '2025-10-05', lateEvening: false })).toBe('2025-10-05');
  });

  it('adds up weeks, campaigns and places, publishing counts of 10 and more as they are', () => {
    const stats = statsOf([
      count('detained', '2025-10-06', 'vykhino', 30),
      count('detained', '2025-10-14', 'tverskaya', 25),
      count('transferred', '2025-10-06', 'ugreshskaya', 40),
      count('detained', '2026-01-13', 'vykhino', 20),
    ]);
    expect(stats.totals.detained).toBe(75);
    expect(stats.weeks.map((week) => week.week)).toEqual([
      '2025-W41',
      '2025-W42',
      ...Array.from({ length: 10 }, (_, i) => `2025-W${43 + i}`),
      '2026-W01',
      '2026-W02',
      '2026-W03',
    ]);
    expect(stats.weeks[0]?.counts.detained).toBe(30);
    expect(stats.weeks[0]?.monday).toBe('2025-10-06');
    expect(stats.campaigns.map(({ campaign: c, counts }) => [c?.id, counts.detained])).toEqual([
      ['2025-autumn', 55],
      ['2026', 20],
    ]);
    expect(stats.placeGroups.map(({ group, counts }) => [group, counts.detained])).toEqual([
      // The centre's 0 is "<10"; the stations' 75 is hidden too, or total minus it would show 0.
      ['metro-station', '≥10'],
      ['conscription-centre', '<10'],
    ]);
    expect(stats.places.map(({ place: p, counts }) => [p.id, counts.detained])).toEqual([
      ['vykhino', 50],
      // Hidden in turn: the stations' hidden total less Vykhino's 50 would give it.
      ['tverskaya', '≥10'],
      ['ugreshskaya', '<10'],
    ]);
  });

  it('shows small cells as "<10" and hides one more week so the campaign total does not give them away', () => {
    const stats = statsOf([
      count('detained', '2025-10-06', 'vykhino', 3),
      count('detained', '2025-10-14', 'vykhino', 25),
      count('detained', '2025-10-21', 'tverskaya', 12),
    ]);
    const detained = stats.weeks.map((week) => week.counts.detained);
    expect(detained[0]).toBe('<10');
    // With the 3 alone, the campaign total minus 25 and 12 would give it away: the 12 goes too.
    expect(detained).toEqual(['<10', 25, '≥10']);
    expect(stats.totals.detained).toBe(40);
    expect(stats.campaigns[0]?.counts.detained).toBe(40);
  });

  it('lists metro stations with a detention in the last seven days, by name, and nothing else', () => {
    expect(riskNoteSince(new Date('2026-11-29T12:00:00Z')).toISOString()).toBe(
      '2026-11-22T12:00:00.000Z',
    );
    expect(
      riskNoteStations(['vykhino', 'ugreshskaya', 'tverskaya'], places).map((p) => p.nameRu),
    ).toEqual(['Выхино', 'Тверская']);
  });
});
