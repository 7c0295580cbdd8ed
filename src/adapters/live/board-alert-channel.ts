import type { AlertChannel } from '../../app/ports/alert-channel.ts';
import type { LiveUpdates } from '../../app/ports/live-updates.ts';

/**
 * The live board as an alert channel: the page is already stored, so delivering it is telling
 * every open staff app of the organisation to read the board again, where the paged person sees
 * the alert with a button to take it.
 */
export function boardAlertChannel(liveUpdates: LiveUpdates): AlertChannel {
  return {
    name: 'board',
    carriesAcknowledgeLink: false,
    needsTelegramChat: false,
    deliver: (message) => liveUpdates.publish(message.orgId),
  };
}
