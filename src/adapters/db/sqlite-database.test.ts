import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { HabeasDatabase } from './database.ts';
import { openSqliteDatabase } from './sqlite-database.ts';

describe('the embedded database when the disk is full', () => {
  let dir: string;
  let database: HabeasDatabase;
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the transaction with SQLITE_FULL, keeps nothing of it, and takes the next write', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'habeas-full-'));
    database = openSqliteDatabase(path.join(dir, 'full.sqlite'));
    await sql`create table notes (body text not null)`.execute(database.db);
    // A database that may not grow past 20 pages answers exactly as one on a full disk does.
    await sql`pragma max_page_count = 20`.execute(database.db);
    const filling = database.db.transaction().execute(async (trx) => {
      for (let row = 0; row < 200; row += 1) {
        await sql`insert into notes values (${'x'.repeat(1000)})`.execute(trx);
      }
    });
    await expect(filling).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into notes values ('short')`.execute(trx);
    });
  });
});
