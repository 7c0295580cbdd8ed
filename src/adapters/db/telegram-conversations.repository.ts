import type { Kysely } from 'kysely';
import type { TelegramConversationRepository } from '../../app/ports/repositories.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database } from './database.ts';

/** Rows changed by an insert, update or delete, as a number on both dialects. */
function changed(result: { numInsertedOrUpdatedRows?: bigint; numUpdatedRows?: bigint }): number {
  return Number(result.numInsertedOrUpdatedRows ?? result.numUpdatedRows ?? 0n);
}

export function telegramConversationsRepository(
  db: Kysely<Database>,
): TelegramConversationRepository {
  return {
    async find(chatKey) {
      const row = await db
        .selectFrom('telegram_conversations')
        .selectAll()
        .where('chat_key', '=', chatKey)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        chatKey: row.chat_key,
        orgId: row.org_id,
        sealedState: row.sealed_state,
        revision: row.revision,
        expiresAt: fromIso(row.expires_at),
      };
    },

    async save(conversation, now) {
      const values = {
        sealed_state: conversation.sealedState,
        revision: conversation.revision,
        updated_at: toIso(now),
        expires_at: toIso(conversation.expiresAt),
      };
      if (conversation.revision === 1) {
        const [result] = await db
          .insertInto('telegram_conversations')
          .values({ chat_key: conversation.chatKey, org_id: conversation.orgId, ...values })
          .onConflict((conflict) => conflict.column('chat_key').doNothing())
          .execute();
        return result !== undefined && changed(result) === 1;
      }
      const result = await db
        .updateTable('telegram_conversations')
        .set(values)
        .where('chat_key', '=', conversation.chatKey)
        .where('revision', '=', conversation.revision - 1)
        .executeTakeFirst();
      return changed(result) === 1;
    },

    async remove(chatKey, revision) {
      let query = db.deleteFrom('telegram_conversations').where('chat_key', '=', chatKey);
      if (revision !== undefined) query = query.where('revision', '=', revision);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async removeExpired(now) {
      const result = await db
        .deleteFrom('telegram_conversations')
        .where('expires_at', '<=', toIso(now))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
