import type { Kysely, Selectable } from 'kysely';
import type { StaffSessionRepository } from '../../app/ports/repositories.ts';
import type { SessionStage, StaffSession } from '../../domain/accounts/staff-session.ts';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { Database, StaffSessionsTable } from './database.ts';

function toStaffSession(row: Selectable<StaffSessionsTable>): StaffSession {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    stage: row.stage as SessionStage,
    createdAt: fromIso(row.created_at),
    lastSeenAt: fromIso(row.last_seen_at),
    expiresAt: fromIso(row.expires_at),
    revokedAt: fromIsoOrNull(row.revoked_at),
    pendingSealedTotpSecret: row.pending_totp_secret,
    wrappedPrivateKey: row.wrapped_private_key,
  };
}

export function staffSessionsRepository(db: Kysely<Database>): StaffSessionRepository {
  return {
    async insert(session, tokenHash) {
      await db
        .insertInto('staff_sessions')
        .values({
          id: session.id,
          org_id: session.orgId,
          user_id: session.userId,
          token_hash: tokenHash,
          stage: session.stage,
          created_at: toIso(session.createdAt),
          last_seen_at: toIso(session.lastSeenAt),
          expires_at: toIso(session.expiresAt),
          revoked_at: toIsoOrNull(session.revokedAt),
          pending_totp_secret: session.pendingSealedTotpSecret,
          wrapped_private_key: session.wrappedPrivateKey,
        })
        .execute();
    },

    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('staff_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toStaffSession(row) : null;
    },

    async update(session) {
      await db
        .updateTable('staff_sessions')
        .set({
          stage: session.stage,
          last_seen_at: toIso(session.lastSeenAt),
          expires_at: toIso(session.expiresAt),
          revoked_at: toIsoOrNull(session.revokedAt),
          pending_totp_secret: session.pendingSealedTotpSecret,
          wrapped_private_key: session.wrappedPrivateKey,
        })
        .where('org_id', '=', session.orgId)
        .where('id', '=', session.id)
        .execute();
    },

    async revokeAllOfUser(orgId, userId, now, except) {
      let query = db
        .updateTable('staff_sessions')
        .set({ revoked_at: toIso(now), pending_totp_secret: null, wrapped_private_key: null })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (except !== undefined) query = query.where('id', '!=', except);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
