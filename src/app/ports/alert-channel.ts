import type { AlertChannelName, AlertReason } from '../../domain/alerts/alert.ts';

/**
 * What a page tells its recipient. Operational only, because it leaves the staff app: the case
 * code, the place id and a link to the case; never a name, a phone or anything a reporter typed.
 */
export type AlertMessage = {
  alertId: string;
  orgId: string;
  caseId: string;
  caseCode: string;
  placeId: string | null;
  reason: AlertReason;
  raisedAt: Date;
  /** Which escalation step paged him: above 0, someone before him did not answer. */
  level: number;
  recipient: {
    userId: string;
    email: string;
    displayName: string;
    /** His linked Telegram chat, sealed; only the Telegram channel can open it. */
    sealedTelegramChat: string | null;
  };
  /** A single-use secret for a one-click acknowledgement, for channels that carry links. */
  acknowledgeToken: string | null;
};

/**
 * One way to reach a paged person. `deliver` resolves once the message has left (the mail server
 * took it, the board was told) and throws when it could not; the caller retries with backoff and
 * the other channels go out regardless.
 */
export interface AlertChannel {
  readonly name: AlertChannelName;
  /** Whether messages on this channel carry an acknowledgement link (a token is minted for it). */
  readonly carriesAcknowledgeLink: boolean;
  /** Whether it reaches only staff who linked a Telegram chat: others are not paged on it. */
  readonly needsTelegramChat: boolean;
  deliver(message: AlertMessage): Promise<void>;
}
