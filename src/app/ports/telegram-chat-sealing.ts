/**
 * Keeps a report being given in a Telegram chat unfindable and unreadable without the chat id,
 * which only Telegram's updates carry: the database holds a keyed hash of the id, and the
 * answers so far sealed under a key derived from it. The chat id itself is never stored.
 */
export interface TelegramChatSealing {
  /** Where the chat's conversation is filed: the same chat id always gives the same key. */
  chatKey(chatId: string): string;
  seal(chatId: string, plaintext: string): string;
  /** Null for anything not sealed for this chat under the current key (the bot token changed). */
  open(chatId: string, sealed: string): string | null;
}
