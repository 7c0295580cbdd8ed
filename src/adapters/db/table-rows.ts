import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, DialectName, HabeasDatabase } from './database.ts';

/**
 * Every row of every table, moved between databases of either dialect: the columns are
 * portable (text, integers, null), so a row read from SQLite is a row PostgreSQL takes, and
 * back. Used to copy an embedded instance to PostgreSQL and to back up PostgreSQL.
 */

export type Row = Record<string, string | number | null>;
export type TableRows = { table: string; rows: Row[] };

/** The migrator's own bookkeeping: the target's migrator writes it. */
const migratorTables = new Set(['schema_migrations', 'schema_migrations_lock']);

export class TableRowsError extends Error {
  override readonly name = 'TableRowsError';
}

type Executor = Kysely<Database>;

async function rowsOf<T>(db: Executor, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** The application's tables in this database (or PostgreSQL schema). */
export async function applicationTables(db: Executor): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => !table.isView && !migratorTables.has(table.name))
    .map((table) => table.name)
    .sort();
}

async function foreignKeyParents(db: Executor, dialect: DialectName, table: string) {
  if (dialect === 'sqlite') {
    const keys = await rowsOf(
      db,
      sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`,
    );
    return keys.map((key) => key.table);
  }
  const keys = await rowsOf(
    db,
    sql<{ parent: string }>`select distinct confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and conrelid = ${table}::regclass`,
  );
  return keys.map((key) => key.parent.replace(/^.*\./, '').replace(/"/g, ''));
}

/** Tables with the ones they refer to first, so that rows can be inserted in this order. */
export async function tablesInInsertOrder(db: Executor, dialect: DialectName): Promise<string[]> {
  const tables = await applicationTables(db);
  const parents = new Map<string, string[]>();
  for (const table of tables) {
    parents.set(
      table,
      (await foreignKeyParents(db, dialect, table)).filter((parent) => parent !== table),
    );
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new TableRowsError(`foreign keys form a cycle at ${table}`);
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

async function primaryKey(db: Executor, dialect: DialectName, table: string): Promise<string[]> {
  const columns =
    dialect === 'sqlite'
      ? await rowsOf(
          db,
          sql<{ name: string }>`select name from pragma_table_info(${table})
            where pk > 0 order by pk`,
        )
      : await rowsOf(
          db,
          sql<{ name: string }>`select a.attname as name from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = ${table}::regclass and i.indisprimary
            order by array_position(i.indkey::int2[], a.attnum)`,
        );
  if (columns.length === 0) throw new TableRowsError(`${table} has no primary key`);
  return columns.map((column) => column.name);
}

function checkedRow(table: string, row: Record<string, unknown>): Row {
  for (const [column, value] of Object.entries(row)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      // A column type this copy does not know would be copied wrongly: stop instead.
      throw new TableRowsError(`${table}.${column} holds a ${typeof value}, not text or a number`);
    }
  }
  return row as Row;
}

/** Tables whose rows are large (a sealed chunk of a file is about 1.4 MB): read a few at a time. */
const largeRowBatchSizes: Partial<Record<string, number>> = { evidence_chunks: 4 };

/**
 * Reads every row of every application table in batches, parents first, in primary-key order.
 * Give it a transaction (repeatable read on PostgreSQL) for one consistent view of the data.
 */
export async function* readEveryTable(
  db: Executor,
  dialect: DialectName,
  batchSize = 500,
): AsyncGenerator<TableRows> {
  for (const table of await tablesInInsertOrder(db, dialect)) {
    const size = Math.min(batchSize, largeRowBatchSizes[table] ?? batchSize);
    const key = await primaryKey(db, dialect, table);
    const keyList = sql.join(key.map((column) => sql.ref(column)));
    let last: Row | null = null;
    for (;;) {
      const after: RawBuilder<unknown> =
        last === null
          ? sql``
          : sql`where (${keyList}) > (${sql.join(key.map((column) => last?.[column] ?? null))})`;
      const rows = (
        await rowsOf(
          db,
          sql<Record<string, unknown>>`select * from ${sql.table(table)} ${after}
            order by ${keyList} limit ${size}`,
        )
      ).map((row) => checkedRow(table, row));
      if (rows.length > 0) yield { table, rows };
      if (rows.length < size) break;
      last = rows[rows.length - 1] ?? null;
    }
  }
}

/** Inserts rows as they are; the caller runs this inside the target's transaction. */
export async function insertRows(db: Executor, batch: TableRows): Promise<void> {
  const [first] = batch.rows;
  if (first === undefined) return;
  const columns = Object.keys(first);
  await sql`insert into ${sql.table(batch.table)} (${sql.join(columns.map((column) => sql.ref(column)))})
    values ${sql.join(
      batch.rows.map((row) => sql`(${sql.join(columns.map((column) => row[column] ?? null))})`),
    )}`.execute(db);
}

/** The migrations the database has had, by name. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === 'schema_migrations')) return [];
  const rows = await rowsOf(db, sql<{ name: string }>`select name from schema_migrations`);
  return rows.map((row) => row.name).sort();
}

/** The number of rows of each application table, to compare a copy with its source. */
export async function countRows(db: Executor): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await applicationTables(db)) {
    const [row] = await rowsOf(
      db,
      sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`,
    );
    counts.set(table, Number(row?.n ?? 0));
  }
  return counts;
}

/** True when the database holds no table at all: the only kind a copy or restore goes into. */
export async function isEmptyDatabase(database: HabeasDatabase): Promise<boolean> {
  return (await database.db.introspection.getTables()).length === 0;
}
