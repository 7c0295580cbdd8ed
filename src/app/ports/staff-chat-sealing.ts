/**
 * Keeps staff members' Telegram chat ids, where their alerts go, out of the database in clear:
 * each is sealed under a key derived from the bot token and bound to its staff member, so a
 * database copy neither names the chats nor lets one be moved to another account.
 */
export interface StaffChatSealing {
  seal(userId: string, chatId: string): string;
  /** Null for anything not sealed for this staff member under the current bot token. */
  open(userId: string, sealed: string): string | null;
}
