import type { Kysely } from 'kysely';
import type { RecoveryCodeRepository } from '../../app/ports/repositories.ts';
import { toCount, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function recoveryCodesRepository(db: Kysely<Database>): RecoveryCodeRepository {
  return {
    async replaceAll(orgId, userId, codeHashes, ids) {
      await db
        .deleteFrom('recovery_codes')
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .execute();
      await db
        .insertInto('recovery_codes')
        .values(
          codeHashes.map((codeHash, index) => ({
            id: ids[index] ?? '',
            org_id: orgId,
            user_id: userId,
            code_hash: codeHash,
            used_at: null,
          })),
        )
        .execute();
    },

    async consume(orgId, userId, codeHash, now) {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: toIso(now) })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async countUnused(orgId, userId) {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return toCount(row.count);
    },
  };
}
