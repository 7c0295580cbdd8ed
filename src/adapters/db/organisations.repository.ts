import type { Kysely, Selectable } from 'kysely';
import type { Organisation, OrganisationRepository } from '../../app/ports/repositories.ts';
import { fromIso, toCount, toIso } from './columns.ts';
import type { Database, OrganisationsTable } from './database.ts';

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    name: row.name,
    createdAt: fromIso(row.created_at),
    escrowPublicKey: row.escrow_public_key,
    closedCaseRetentionDays: row.closed_case_retention_days,
  };
}

export function organisationsRepository(db: Kysely<Database>): OrganisationRepository {
  return {
    async insert(organisation) {
      await db
        .insertInto('organisations')
        .values({
          id: organisation.id,
          org_id: organisation.id,
          name: organisation.name,
          created_at: toIso(organisation.createdAt),
          escrow_public_key: organisation.escrowPublicKey,
          closed_case_retention_days: organisation.closedCaseRetentionDays,
        })
        .execute();
    },

    async findById(id) {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toOrganisation(row) : null;
    },

    async list() {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('created_at').execute();
      return rows.map(toOrganisation);
    },

    async count() {
      const row = await db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return toCount(row.count);
    },

    async setClosedCaseRetention(id, days) {
      await db
        .updateTable('organisations')
        .set({ closed_case_retention_days: days })
        .where('id', '=', id)
        .execute();
    },

    async setEscrowPublicKey(id, publicKey) {
      await db
        .updateTable('organisations')
        .set({ escrow_public_key: publicKey })
        .where('id', '=', id)
        .execute();
    },
  };
}
