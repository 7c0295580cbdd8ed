import type { Ports } from '../ports/ports.ts';
import type { TelegramChatSealing } from '../ports/telegram-chat-sealing.ts';

/** `/cancel` in the chat: the answers given so far are deleted at once. False when none were. */
export async function forgetTelegramConversation(
  deps: Pick<Ports, 'unitOfWork'> & { chatSealing: TelegramChatSealing },
  chatId: string,
): Promise<boolean> {
  const chatKey = deps.chatSealing.chatKey(chatId);
  return deps.unitOfWork.run((repositories) => repositories.telegramConversations.remove(chatKey));
}
