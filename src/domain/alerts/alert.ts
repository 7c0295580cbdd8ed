import type { Answers } from '../intake/answers.ts';
import type { DataClasses } from '../sealing/data-class.ts';

/** Why staff are paged: a report of a detention (or of a lawyer turned away), or a case staff marked urgent. */
export const alertReasons = ['detention-report', 'lawyer-turned-away', 'marked-urgent'] as const;
export type AlertReason = (typeof alertReasons)[number];

export type AlertStatus = 'open' | 'acknowledged';

/**
 * A call for someone to act on a case now. It carries operational data only (the case code and
 * place), because it leaves the staff app: e-mail, and later a Telegram message.
 */
export type Alert = {
  id: string;
  orgId: string;
  caseId: string;
  caseCode: string;
  placeId: string | null;
  reason: AlertReason;
  raisedAt: Date;
  status: AlertStatus;
  /** Pages sent so far: each escalation step adds one. */
  level: number;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
};

export const alertDataClasses: DataClasses<Alert> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  caseCode: 'operational',
  placeId: 'operational',
  reason: 'operational',
  raisedAt: 'operational',
  status: 'operational',
  level: 'operational',
  acknowledgedBy: 'operational',
  acknowledgedAt: 'operational',
};

/** Minutes an alert waits for an acknowledgement before it moves on, unless the organisation says otherwise. */
export const defaultEscalationMinutes = 5;
export const minEscalationMinutes = 1;
export const maxEscalationMinutes = 120;

/**
 * The reason a new report must reach a lawyer now, or null when it can wait for triage. A person
 * held right now, or a lawyer kept from him, is the hour that decides the case.
 */
export function alertReasonOfReport(operationalAnswers: Answers): AlertReason | null {
  const situation = operationalAnswers.situation;
  if (situation === 'detained') return 'detention-report';
  if (situation === 'lawyer-turned-away') return 'lawyer-turned-away';
  return null;
}

/** Who is paged at one step of an alert's escalation. */
export type EscalationTarget =
  | { kind: 'on-duty'; userId: string }
  | { kind: 'coordinators'; userIds: string[] }
  | { kind: 'exhausted' };

/**
 * Who the alert reaches next: the first of the on-duty staff (in the order they came on duty)
 * not yet paged, then every coordinator not yet paged at once; after that there is nobody left
 * to page and the alert stays open on the board. With nobody on duty the first page goes straight
 * to the coordinators. Each step pages someone new, so escalation always ends.
 */
export function escalationTarget(input: {
  onDuty: readonly string[];
  coordinators: readonly string[];
  alreadyPaged: readonly string[];
}): EscalationTarget {
  const fresh = (userId: string) => !input.alreadyPaged.includes(userId);
  const next = input.onDuty.find(fresh);
  if (next !== undefined) return { kind: 'on-duty', userId: next };
  const coordinators = input.coordinators.filter(fresh);
  if (coordinators.length > 0) return { kind: 'coordinators', userIds: coordinators };
  return { kind: 'exhausted' };
}

/** Delivery attempts a channel gets before its failure is final. */
export const maxDeliveryAttempts = 6;

/**
 * When a failed delivery is tried again: 10 s, 20 s, 40 s… doubling up to five minutes, so a mail
 * server that is down for a moment is retried soon and one that is down for long is not hammered.
 */
export function deliveryRetryDelayMs(failedAttempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, failedAttempts - 1), 5 * 60_000);
}

/**
 * Ways an alert reaches a person. `board` is the staff app's live board; `telegram` is a message
 * from the organisation's bot, to staff who linked their chat.
 */
export const alertChannelNames = ['email', 'board', 'telegram'] as const;
export type AlertChannelName = (typeof alertChannelNames)[number];

/** One person paged for an alert, at one step of its escalation. */
export type AlertPage = {
  id: string;
  orgId: string;
  alertId: string;
  userId: string;
  /** The escalation step that paged him: 0 is the first. */
  level: number;
  pagedAt: Date;
};

export type AlertDeliveryStatus = 'pending' | 'sent' | 'failed';

/** A page on one channel: retried with backoff until sent or given up. */
export type AlertDelivery = {
  id: string;
  orgId: string;
  alertId: string;
  pageId: string;
  channel: AlertChannelName;
  status: AlertDeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  sentAt: Date | null;
};

export const alertStepKinds = [
  'raised',
  'paged',
  'sent',
  'delivery-failed',
  'delivery-given-up',
  'acknowledged',
  'exhausted',
] as const;
export type AlertStepKind = (typeof alertStepKinds)[number];

/** The alert log shown on the case: every page, delivery, failure and acknowledgement. */
export type AlertStep = {
  id: string;
  orgId: string;
  alertId: string;
  caseId: string;
  kind: AlertStepKind;
  at: Date;
  userId: string | null;
  channel: AlertChannelName | null;
  /** For deliveries: which attempt this was. */
  attempt: number | null;
};
