import type { OpenDataTable } from '../../../contracts/stats.ts';
import { neutraliseFormula } from '../../../domain/imports/formula-guard.ts';
import {
  type PublicStats,
  type PublishedCounts,
  statsKinds,
} from '../../../domain/stats/public-stats.ts';

type Cell = string | number | null;
type Table = { columns: readonly string[]; rows: Cell[][] };

/** Column names of the measures, as in the schema: snake case of the event kinds. */
export const measureColumns = statsKinds.map((kind) => kind.replaceAll('-', '_'));

function measures(counts: PublishedCounts): Cell[] {
  return statsKinds.map((kind) => counts[kind]);
}

/** One open-data table as rows, from the published statistics only. */
export function openDataTable(stats: PublicStats, table: OpenDataTable): Table {
  switch (table) {
    case 'weeks':
      return {
        columns: ['week', 'week_start', 'campaign_id', ...measureColumns],
        rows: stats.weeks.map((week) => [
          week.week,
          week.monday,
          week.campaignId,
          ...measures(week.counts),
        ]),
      };
    case 'campaigns':
      return {
        columns: [
          'campaign_id',
          'name_ru',
          'name_en',
          'starts_on',
          'ends_on',
          'quota',
          ...measureColumns,
        ],
        rows: stats.campaigns.map(({ campaign, counts }) => [
          campaign?.id ?? null,
          campaign?.name.ru ?? null,
          campaign?.name.en ?? null,
          campaign?.startsOn ?? null,
          campaign?.endsOn ?? null,
          campaign?.quota ?? null,
          ...measures(counts),
        ]),
      };
    case 'place-kinds':
      return {
        columns: ['place_kind', ...measureColumns],
        rows: stats.placeGroups.map(({ group, counts }) => [group, ...measures(counts)]),
      };
    case 'places':
      return {
        columns: [
          'place_kind',
          'name_ru',
          'name_en',
          'lat',
          'lon',
          'source_key',
          ...measureColumns,
        ],
        rows: stats.places.map(({ place, counts }) => [
          place.kind,
          place.nameRu,
          place.nameEn,
          place.location?.lat ?? null,
          place.location?.lon ?? null,
          place.sourceKey,
          ...measures(counts),
        ]),
      };
  }
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header line; text cells that a spreadsheet could run are neutralised. */
export function toCsv(table: Table): string {
  return [table.columns, ...table.rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Rows as objects keyed by column, for the JSON file. */
export function toRecords(table: Table): Record<string, Cell>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null])),
  );
}

const countField = (name: string, description: string) => ({
  name,
  type: 'any',
  description: `${description} An integer of 10 or more, "<10" for a count below 10, or "≥10" for a larger count hidden so that a "<10" cannot be worked out from a total.`,
});

const measureFields = [
  countField('detained', 'Detentions.'),
  countField('transferred', 'People taken from where they were detained to another place.'),
  countField('lawyer_refused_entry', 'Times a lawyer was refused access to a detained person.'),
  countField('released', 'Releases.'),
  countField('sent_to_unit', 'People sent to a military unit.'),
];

const licences = {
  ccBy: {
    name: 'CC-BY-4.0',
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title: 'Creative Commons Attribution 4.0',
  },
  odbl: {
    name: 'ODbL-1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
    title: 'Open Data Commons Open Database License 1.0',
  },
};

/**
 * The Frictionless Data Package that describes the open data: each CSV table, its fields and
 * its licence. docs/open-data.md says the same for people.
 */
export function dataPackage(publicUrl: string) {
  const csv = (table: OpenDataTable) =>
    `${publicUrl}/open-data/detentions.csv${table === 'weeks' ? '' : `?table=${table}`}`;
  return {
    profile: 'tabular-data-package',
    name: 'habeas-detentions',
    title: 'Detentions of conscripts reported to a rights group (Habeas)',
    description:
      'Counts from the cases the organisation marked publishable. Dates to the ISO week (Moscow time); a week counts in the conscription campaign its Thursday falls in. Counts below 10 are "<10"; complementary suppression hides more ("≥10") so that no "<10" can be worked out from the totals.',
    licenses: [licences.ccBy],
    sources: [
      {
        title: 'OpenStreetMap (metro station names and coordinates)',
        path: 'https://www.openstreetmap.org/copyright',
      },
    ],
    resources: [
      {
        name: 'weeks',
        path: csv('weeks'),
        format: 'csv',
        licenses: [licences.ccBy],
        schema: {
          fields: [
            { name: 'week', type: 'string', description: 'ISO 8601 week, e.g. 2025-W41' },
            { name: 'week_start', type: 'date', description: 'The Monday the week starts on' },
            {
              name: 'campaign_id',
              type: 'string',
              description: "The campaign of the week's Thursday; empty between campaigns",
            },
            ...measureFields,
          ],
          primaryKey: ['week'],
        },
      },
      {
        name: 'campaigns',
        path: csv('campaigns'),
        format: 'csv',
        licenses: [licences.ccBy],
        schema: {
          fields: [
            {
              name: 'campaign_id',
              type: 'string',
              description: 'Empty for weeks between campaigns',
            },
            { name: 'name_ru', type: 'string' },
            { name: 'name_en', type: 'string' },
            { name: 'starts_on', type: 'date' },
            { name: 'ends_on', type: 'date' },
            {
              name: 'quota',
              type: 'integer',
              description: 'Men to be called up by the decree; not a count of detentions',
            },
            ...measureFields,
          ],
        },
      },
      {
        name: 'place-kinds',
        path: csv('place-kinds'),
        format: 'csv',
        licenses: [licences.ccBy],
        schema: {
          fields: [
            {
              name: 'place_kind',
              type: 'string',
              constraints: {
                enum: [
                  'metro-station',
                  'conscription-centre',
                  'police-station',
                  'court',
                  'military-prosecutor',
                  'other',
                  'unrecorded',
                ],
              },
            },
            ...measureFields,
          ],
        },
      },
      {
        name: 'places',
        path: csv('places'),
        format: 'csv',
        licenses: [licences.odbl],
        description:
          'Holds OpenStreetMap data (© OpenStreetMap contributors) for places whose source_key starts with osm:, hence ODbL.',
        schema: {
          fields: [
            { name: 'place_kind', type: 'string' },
            { name: 'name_ru', type: 'string' },
            { name: 'name_en', type: 'string' },
            { name: 'lat', type: 'number' },
            { name: 'lon', type: 'number' },
            {
              name: 'source_key',
              type: 'string',
              description: "osm:node/… for OpenStreetMap places; empty for the organisation's own",
            },
            ...measureFields,
          ],
        },
      },
    ],
  };
}
