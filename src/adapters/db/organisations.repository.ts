import type { Kysely } from 'kysely';
import type { Organisation, OrganisationRepository } from '../../app/ports/repositories.ts';
import { fromIso, toCount, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function organisationsRepository(db: Kysely<Database>): OrganisationRepository {
  return {
    async insert(organisation: Organisation) {
      await db
        .insertInto('organisations')
        .values({
          id: organisation.id,
          org_id: organisation.id,
          name: organisation.name,
          created_at: toIso(organisation.createdAt),
        })
        .execute();
    },

    async findById(id: string) {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: fromIso(row.created_at) } : null;
    },

    async list() {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('created_at').execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: fromIso(row.created_at),
      }));
    },

    async count() {
      const row = await db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return toCount(row.count);
    },
  };
}
