import type { Ports } from '../ports/ports.ts';

/** Deletes the conversations left unfinished past their hour; returns how many. */
export async function purgeTelegramConversations(
  deps: Pick<Ports, 'unitOfWork' | 'clock'>,
): Promise<number> {
  const now = deps.clock.now();
  return deps.unitOfWork.run((repositories) =>
    repositories.telegramConversations.removeExpired(now),
  );
}
