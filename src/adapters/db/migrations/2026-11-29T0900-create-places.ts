import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit once merged. Each organisation's own list of places (metro stations,
 * conscription centres, police stations, courts, prosecutor's offices): operational data in
 * clear. A place shipped with Habeas keeps its source key, unique within the organisation, so
 * it is added once and the organisation's edits are never overwritten. `search_text` holds the
 * names as they are searched (lower case, both scripts folded); `sort_name` the listing order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name_ru', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('address_ru', 'text')
    // Double precision on both: PostgreSQL's `real` is 4 bytes, SQLite's 8, and the same
    // coordinates must come back from either.
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('metro_lines', 'text', (col) => col.notNull())
    .addColumn('verified', 'integer', (col) => col.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('source_key', 'text')
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('sort_name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'places_kind',
      sql`kind in ('metro-station', 'conscription-centre', 'police-station', 'court', 'military-prosecutor', 'other')`,
    )
    .addCheckConstraint('places_verified', sql`verified in (0, 1)`)
    .addCheckConstraint('places_location', sql`(lat is null) = (lon is null)`)
    .addCheckConstraint(
      'places_coordinates',
      sql`lat is null or (lat between -90 and 90 and lon between -180 and 180)`,
    )
    .addCheckConstraint('places_confirmed', sql`(confirmed_by is null) = (confirmed_at is null)`)
    .execute();
  await db.schema
    .createIndex('places_by_source')
    .on('places')
    .columns(['org_id', 'source_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('places_by_kind')
    .on('places')
    .columns(['org_id', 'kind', 'sort_name'])
    .execute();
  await db.schema
    .createIndex('places_by_name')
    .on('places')
    .columns(['org_id', 'sort_name'])
    .execute();
}
