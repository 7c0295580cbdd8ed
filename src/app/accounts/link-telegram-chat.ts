import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { StaffChatSealing } from '../ports/staff-chat-sealing.ts';
import type { AuthenticatedSession } from './authenticate-session.ts';

/** Long enough to open Telegram and paste it, short enough that a leaked code is soon dead. */
const linkCodeLifetimeMs = 15 * 60_000;

export type TelegramLinkStatus = { linked: boolean; linkedAt: Date | null };

/** Whether the staff member's alerts also reach his Telegram. */
export async function readTelegramLink(
  deps: Pick<Ports, 'unitOfWork'>,
  current: Pick<AuthenticatedSession, 'actor'>,
): Promise<TelegramLinkStatus> {
  const { actor } = current;
  const chat = await deps.unitOfWork.run((repositories) =>
    repositories.staffTelegramChats.findChat(actor.orgId, actor.userId),
  );
  return { linked: chat !== null, linkedAt: chat?.linkedAt ?? null };
}

/**
 * A single-use code the staff member sends to the organisation's bot from the chat where his
 * alerts should go. Only its hash is stored; a newer code replaces an older one.
 */
export async function issueTelegramLinkCode(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'tokens' | 'alertChannels'>,
  current: Pick<AuthenticatedSession, 'actor'>,
): Promise<{ code: string; expiresAt: Date }> {
  const { actor } = current;
  if (!deps.alertChannels.some((channel) => channel.needsTelegramChat))
    throw new AppError('TELEGRAM_NOT_CONFIGURED', 'no Telegram alert channel');
  const code = deps.tokens.newToken();
  const expiresAt = new Date(deps.clock.now().getTime() + linkCodeLifetimeMs);
  await deps.unitOfWork.run((repositories) =>
    repositories.staffTelegramChats.putLinkCode({
      codeHash: deps.tokens.hash(code),
      orgId: actor.orgId,
      userId: actor.userId,
      expiresAt,
    }),
  );
  return { code, expiresAt };
}

/**
 * The bot received a link code: the chat it came from now receives the staff member's alerts.
 * The chat id is stored sealed, bound to him; the code works once.
 */
export async function linkTelegramChat(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'tokens' | 'ids'> & {
    staffChatSealing: StaffChatSealing;
  },
  input: { code: string; chatId: string },
): Promise<{ displayName: string }> {
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const owner = await repositories.staffTelegramChats.takeLinkCode(
      deps.tokens.hash(input.code.trim()),
      now,
    );
    const user =
      owner === null ? null : await repositories.staffUsers.findById(owner.orgId, owner.userId);
    if (owner === null || user === null || user.status !== 'active')
      throw new AppError('TOKEN_INVALID', 'unknown, used or expired Telegram link code');
    await repositories.staffTelegramChats.putChat({
      orgId: user.orgId,
      userId: user.id,
      sealedChat: deps.staffChatSealing.seal(user.id, input.chatId),
      linkedAt: now,
    });
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId: user.id,
      action: 'user.telegram-linked',
    });
    return { displayName: user.displayName };
  });
}

/** Alerts stop going to Telegram; e-mail and the board still carry them. */
export async function unlinkTelegramChat(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: Pick<AuthenticatedSession, 'actor'>,
): Promise<void> {
  const { actor } = current;
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    if (!(await repositories.staffTelegramChats.deleteChat(actor.orgId, actor.userId))) return;
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'user.telegram-unlinked',
    });
  });
}
