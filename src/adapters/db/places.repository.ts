import { type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { PlaceRepository } from '../../app/ports/repositories.ts';
import { isPlaceKind, type Place } from '../../domain/places/place.ts';
import {
  placeSearchTerms,
  placeSearchText,
  placeSortKey,
} from '../../domain/places/place-search.ts';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { Database, PlacesTable } from './database.ts';

const metroLines = z.array(z.string());

/** What a place is read back from; the search and sort columns stay in the database. */
const placeColumns = [
  'id',
  'org_id',
  'kind',
  'name_ru',
  'name_en',
  'address_ru',
  'lat',
  'lon',
  'metro_lines',
  'verified',
  'confirmed_by',
  'confirmed_at',
  'source_key',
  'created_at',
  'updated_at',
] as const;

// Well under both dialects' limits on bound parameters per statement (17 columns a row).
const rowsPerInsert = 500;

function toRow(place: Place): Insertable<PlacesTable> {
  return {
    id: place.id,
    org_id: place.orgId,
    kind: place.kind,
    name_ru: place.nameRu,
    name_en: place.nameEn,
    address_ru: place.addressRu,
    lat: place.location?.lat ?? null,
    lon: place.location?.lon ?? null,
    metro_lines: JSON.stringify(place.metroLines),
    verified: place.verified ? 1 : 0,
    confirmed_by: place.confirmedBy,
    confirmed_at: toIsoOrNull(place.confirmedAt),
    source_key: place.sourceKey,
    search_text: placeSearchText(place),
    sort_name: placeSortKey(place.nameRu),
    created_at: toIso(place.createdAt),
    updated_at: toIso(place.updatedAt),
  };
}

function toPlace(row: Omit<Selectable<PlacesTable>, 'search_text' | 'sort_name'>): Place {
  if (!isPlaceKind(row.kind)) throw new Error(`place ${row.id} has an unknown kind`);
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind,
    nameRu: row.name_ru,
    nameEn: row.name_en,
    addressRu: row.address_ru,
    // PostgreSQL hands back double precision as a number, like SQLite's REAL.
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
    metroLines: metroLines.parse(JSON.parse(row.metro_lines)),
    verified: row.verified === 1,
    confirmedBy: row.confirmed_by,
    confirmedAt: fromIsoOrNull(row.confirmed_at),
    sourceKey: row.source_key,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
  };
}

/** A LIKE pattern finding `term` anywhere; the term's own wildcards are taken literally. */
function containing(term: string): string {
  return `%${term.replace(/[\\%_]/gu, '\\$&')}%`;
}

export function placesRepository(db: Kysely<Database>): PlaceRepository {
  return {
    async insert(place) {
      await db.insertInto('places').values(toRow(place)).execute();
    },

    async insertMissingShipped(places) {
      let added = 0;
      for (let start = 0; start < places.length; start += rowsPerInsert) {
        const rows = places.slice(start, start + rowsPerInsert).map(toRow);
        // Two instances starting at once may both add the same place: the first one wins.
        const [result] = await db
          .insertInto('places')
          .values(rows)
          .onConflict((conflict) => conflict.columns(['org_id', 'source_key']).doNothing())
          .execute();
        added += Number(result?.numInsertedOrUpdatedRows ?? 0n);
      }
      return added;
    },

    async update(place) {
      const { id: _id, org_id: _orgId, created_at: _createdAt, ...changes } = toRow(place);
      await db
        .updateTable('places')
        .set(changes)
        .where('org_id', '=', place.orgId)
        .where('id', '=', place.id)
        .execute();
    },

    async findById(orgId, id) {
      const row = await db
        .selectFrom('places')
        .select(placeColumns)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toPlace(row) : null;
    },

    async search(orgId, filter) {
      let query = db.selectFrom('places').select(placeColumns).where('org_id', '=', orgId);
      if (filter.kinds.length > 0) query = query.where('kind', 'in', [...filter.kinds]);
      const terms = placeSearchTerms(filter.query);
      if (terms.length > 0) {
        // A substring search scans the organisation's places (hundreds) in name order through
        // the (org_id, kind, sort_name) or (org_id, sort_name) index; no index serves LIKE '%…'.
        query = query.where((eb) =>
          eb.or(
            terms.map(
              (term) => sql<SqlBool>`${eb.ref('search_text')} like ${containing(term)} escape '\\'`,
            ),
          ),
        );
      }
      const rows = await query.orderBy('sort_name').orderBy('id').limit(filter.limit).execute();
      return rows.map(toPlace);
    },

    async listSourceKeys(orgId) {
      const rows = await db
        .selectFrom('places')
        .select('source_key')
        .where('org_id', '=', orgId)
        .where('source_key', 'is not', null)
        .execute();
      return new Set(rows.flatMap((row) => (row.source_key === null ? [] : [row.source_key])));
    },
  };
}
