import type { Kysely } from 'kysely';
import type { CasePublicationRepository } from '../../app/ports/repositories.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function casePublicationsRepository(db: Kysely<Database>): CasePublicationRepository {
  return {
    async find(orgId, caseId) {
      const row = await db
        .selectFrom('case_publications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        orgId: row.org_id,
        caseId: row.case_id,
        publishable: row.publishable === 1,
        changedBy: row.changed_by,
        changedAt: fromIso(row.changed_at),
      };
    },

    async save(publication) {
      const values = {
        publishable: publication.publishable ? 1 : 0,
        changed_by: publication.changedBy,
        changed_at: toIso(publication.changedAt),
      };
      await db
        .insertInto('case_publications')
        .values({ org_id: publication.orgId, case_id: publication.caseId, ...values })
        .onConflict((conflict) => conflict.columns(['org_id', 'case_id']).doUpdateSet(values))
        .execute();
    },
  };
}
