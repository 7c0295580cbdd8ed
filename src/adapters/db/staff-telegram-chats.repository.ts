import type { Kysely } from 'kysely';
import type { StaffTelegramChatRepository } from '../../app/ports/repositories.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function staffTelegramChatsRepository(db: Kysely<Database>): StaffTelegramChatRepository {
  return {
    async putLinkCode(code) {
      await db
        .deleteFrom('staff_telegram_link_codes')
        .where('org_id', '=', code.orgId)
        .where('user_id', '=', code.userId)
        .execute();
      await db
        .insertInto('staff_telegram_link_codes')
        .values({
          code_hash: code.codeHash,
          org_id: code.orgId,
          user_id: code.userId,
          expires_at: toIso(code.expiresAt),
        })
        .execute();
    },

    async takeLinkCode(codeHash, now) {
      const row = await db
        .deleteFrom('staff_telegram_link_codes')
        .where('code_hash', '=', codeHash)
        .returning(['org_id', 'user_id', 'expires_at'])
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= toIso(now)) return null;
      return { orgId: row.org_id, userId: row.user_id };
    },

    async putChat(chat) {
      await db
        .deleteFrom('staff_telegram_chats')
        .where('org_id', '=', chat.orgId)
        .where('user_id', '=', chat.userId)
        .execute();
      await db
        .insertInto('staff_telegram_chats')
        .values({
          org_id: chat.orgId,
          user_id: chat.userId,
          sealed_chat: chat.sealedChat,
          linked_at: toIso(chat.linkedAt),
        })
        .execute();
    },

    async findChat(orgId, userId) {
      const row = await db
        .selectFrom('staff_telegram_chats')
        .select(['sealed_chat', 'linked_at'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row === undefined
        ? null
        : { sealedChat: row.sealed_chat, linkedAt: fromIso(row.linked_at) };
    },

    async linkedUserIds(orgId, userIds) {
      if (userIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('staff_telegram_chats')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('user_id', 'in', [...userIds])
        .execute();
      return new Set(rows.map((row) => row.user_id));
    },

    async deleteChat(orgId, userId) {
      const result = await db
        .deleteFrom('staff_telegram_chats')
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
