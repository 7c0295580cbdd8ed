import type { Kysely } from 'kysely';
import type { EnrolmentPurpose, EnrolmentTokenRepository } from '../../app/ports/repositories.ts';
import { fromIso, fromIsoOrNull, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function enrolmentTokensRepository(db: Kysely<Database>): EnrolmentTokenRepository {
  return {
    async insert(token, tokenHash) {
      await db
        .insertInto('enrolment_tokens')
        .values({
          id: token.id,
          org_id: token.orgId,
          user_id: token.userId,
          token_hash: tokenHash,
          purpose: token.purpose,
          expires_at: toIso(token.expiresAt),
          used_at: null,
        })
        .execute();
    },

    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('enrolment_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        id: row.id,
        orgId: row.org_id,
        userId: row.user_id,
        purpose: row.purpose as EnrolmentPurpose,
        expiresAt: fromIso(row.expires_at),
        usedAt: fromIsoOrNull(row.used_at),
      };
    },

    async markUsed(id, now) {
      await db
        .updateTable('enrolment_tokens')
        .set({ used_at: toIso(now) })
        .where('id', '=', id)
        .execute();
    },
  };
}
