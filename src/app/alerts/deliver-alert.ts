import { deliveryRetryDelayMs, maxDeliveryAttempts } from '../../domain/alerts/alert.ts';
import type { AlertMessage } from '../ports/alert-channel.ts';
import type { Ports } from '../ports/ports.ts';
import { alertStep } from './raise-alert.ts';

/** An acknowledgement link outlives any escalation; a day later the alert is history. */
const acknowledgeLinkLifetimeMs = 24 * 60 * 60_000;

export type DeliveryOutcome =
  | { kind: 'sent' | 'not-needed' | 'given-up' }
  | { kind: 'retry'; at: Date };

/**
 * Sends one page on one channel, run by the job queue. A channel that fails is tried again with
 * growing pauses, each failure in the case's alert log; the other channels do not wait for it.
 * A page whose alert was acknowledged meanwhile is not sent. For a channel that carries links, a
 * fresh single-use token is minted and only its hash stored, so the link exists in clear only in
 * the message itself.
 */
export async function deliverAlert(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'alertChannels' | 'liveUpdates'>,
  input: { orgId: string; deliveryId: string },
): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const prepared = await deps.unitOfWork.run(async (repositories) => {
    const delivery = await repositories.alerts.findDelivery(input.orgId, input.deliveryId);
    if (delivery === null || delivery.status !== 'pending') return null;
    const alert = await repositories.alerts.findById(delivery.orgId, delivery.alertId);
    const page = (await repositories.alerts.listPages(delivery.orgId, [delivery.alertId])).find(
      (candidate) => candidate.id === delivery.pageId,
    );
    if (alert === null || alert.status !== 'open' || page === undefined) return null;
    const recipient = await repositories.staffUsers.findById(delivery.orgId, page.userId);
    const channel = deps.alertChannels.find((candidate) => candidate.name === delivery.channel);
    if (recipient === null || recipient.status !== 'active' || channel === undefined) return null;
    const telegramChat = channel.needsTelegramChat
      ? await repositories.staffTelegramChats.findChat(delivery.orgId, recipient.id)
      : null;
    // Unlinked since he was paged: nothing to send on this channel.
    if (channel.needsTelegramChat && telegramChat === null) return null;
    let acknowledgeToken: string | null = null;
    if (channel.carriesAcknowledgeLink) {
      acknowledgeToken = deps.tokens.newToken();
      await repositories.alerts.setAckToken(
        page,
        deps.tokens.hash(acknowledgeToken),
        new Date(now.getTime() + acknowledgeLinkLifetimeMs),
      );
    }
    const message: AlertMessage = {
      alertId: alert.id,
      orgId: alert.orgId,
      caseId: alert.caseId,
      caseCode: alert.caseCode,
      placeId: alert.placeId,
      reason: alert.reason,
      raisedAt: alert.raisedAt,
      level: page.level,
      recipient: {
        userId: recipient.id,
        email: recipient.email,
        displayName: recipient.displayName,
        sealedTelegramChat: telegramChat?.sealedChat ?? null,
      },
      acknowledgeToken,
    };
    return { delivery, alert, channel, message };
  });
  if (prepared === null) return { kind: 'not-needed' };
  const { delivery, alert, channel, message } = prepared;
  const attempt = delivery.attempts + 1;
  let failed = false;
  try {
    await channel.deliver(message);
  } catch {
    // The reason may hold an address or a server's banner: the log keeps the fact, not the text.
    failed = true;
  }
  const outcome: DeliveryOutcome = !failed
    ? { kind: 'sent' }
    : attempt >= maxDeliveryAttempts
      ? { kind: 'given-up' }
      : { kind: 'retry', at: new Date(now.getTime() + deliveryRetryDelayMs(attempt)) };
  await deps.unitOfWork.run(async (repositories) => {
    await repositories.alerts.recordDeliveryAttempt(delivery, {
      status: outcome.kind === 'sent' ? 'sent' : outcome.kind === 'given-up' ? 'failed' : 'pending',
      at: now,
    });
    const base = { at: now, userId: message.recipient.userId, channel: channel.name, attempt };
    await repositories.alerts.addStep(
      alertStep(deps, alert, {
        ...base,
        kind:
          outcome.kind === 'sent'
            ? 'sent'
            : outcome.kind === 'given-up'
              ? 'delivery-given-up'
              : 'delivery-failed',
      }),
    );
  });
  await deps.liveUpdates.publish(alert.orgId);
  return outcome;
}
