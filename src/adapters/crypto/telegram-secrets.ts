import sodium from 'libsodium-wrappers-sumo';
import type { StaffChatSealing } from '../../app/ports/staff-chat-sealing.ts';
import type { TelegramChatSealing } from '../../app/ports/telegram-chat-sealing.ts';
import { aeadOpen, aeadSeal } from './sodium-keys.ts';

await sodium.ready;

const b64 = (bytes: Uint8Array) =>
  sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);

function decodeOrNull(text: string): Uint8Array | null {
  try {
    return sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    return null;
  }
}

/** libsodium's key derivation takes an eight-character context. */
const kdfContext = 'tgchat01';
const subkeys = { chatKey: 1, sealing: 2, webhook: 3, staffChat: 4 } as const;

/**
 * The secrets of the Telegram channel, all derived from the bot token: every instance running
 * the bot has it, nothing else needs configuring, and the database never holds it. Replacing
 * the token (BotFather's /revoke) makes conversations in progress unreadable, as they should be.
 */
export function telegramSecrets(botToken: string): {
  chatSealing: TelegramChatSealing;
  /** Staff members' chats for alerts. */
  staffChatSealing: StaffChatSealing;
  /** The secret part of the webhook's path, so that only Telegram can post updates to it. */
  webhookSecret: string;
} {
  const root = sodium.crypto_generichash(32, `habeas:telegram:${botToken}`, null);
  const subkey = (id: number) => sodium.crypto_kdf_derive_from_key(32, id, kdfContext, root);
  const chatKeyKey = subkey(subkeys.chatKey);
  const staffChatKey = subkey(subkeys.staffChat);
  const staffAssociated = (userId: string) => `habeas:telegram-staff-chat:${userId}`;
  const sealingKey = subkey(subkeys.sealing);
  const chatKey = (chatId: string) => b64(sodium.crypto_generichash(32, chatId, chatKeyKey));
  // One key per chat: a database copy and the bot token still leave each chat to be guessed.
  const keyOf = (chatId: string) => sodium.crypto_generichash(32, chatId, sealingKey);
  const associated = (chatId: string) => `habeas:telegram-conversation:${chatKey(chatId)}`;
  return {
    chatSealing: {
      chatKey,
      seal(chatId, plaintext) {
        return `t1.${b64(aeadSeal(keyOf(chatId), associated(chatId), plaintext))}`;
      },
      open(chatId, sealed) {
        const [version, body, ...rest] = sealed.split('.');
        const bytes = version === 't1' && rest.length === 0 ? decodeOrNull(body ?? '') : null;
        if (bytes === null) return null;
        const opened = aeadOpen(keyOf(chatId), associated(chatId), bytes);
        return opened === null ? null : sodium.to_string(opened);
      },
    },
    staffChatSealing: {
      seal(userId, chatId) {
        return `s1.${b64(aeadSeal(staffChatKey, staffAssociated(userId), chatId))}`;
      },
      open(userId, sealed) {
        const [version, body, ...rest] = sealed.split('.');
        const bytes = version === 's1' && rest.length === 0 ? decodeOrNull(body ?? '') : null;
        if (bytes === null) return null;
        const opened = aeadOpen(staffChatKey, staffAssociated(userId), bytes);
        return opened === null ? null : sodium.to_string(opened);
      },
    },
    webhookSecret: b64(subkey(subkeys.webhook)),
  };
}
