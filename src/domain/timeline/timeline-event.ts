import type { DataClasses } from '../sealing/data-class.ts';

/** What can happen in a conscript's case, in the order a case usually goes. */
export const timelineEventKinds = [
  'reported',
  'notice-received',
  'appeal-filed',
  'hearing',
  'detained',
  'transferred',
  'medical-board-demanded',
  'medical-board-refused',
  'lawyer-arrived',
  'lawyer-refused-entry',
  'lawyer-admitted',
  'released',
  'sent-to-unit',
  'complaint-sent',
  'answer-received',
  'note',
] as const;
export type TimelineEventKind = (typeof timelineEventKinds)[number];

/** Events that only make sense while, or after, the person was held. */
export const custodyEventKinds: readonly TimelineEventKind[] = [
  'transferred',
  'medical-board-demanded',
  'medical-board-refused',
  'lawyer-arrived',
  'lawyer-refused-entry',
  'lawyer-admitted',
  'released',
  'sent-to-unit',
];

/** Kinds whose event is usually planned ahead: a hearing is recorded before it happens. */
export const scheduledEventKinds: readonly TimelineEventKind[] = ['hearing'];

export const powersOfAttorney = ['notarised', 'simple', 'none'] as const;
export type PowerOfAttorney = (typeof powersOfAttorney)[number];

/**
 * One thing that happened in a case. Kind, time and place stay in clear: the live board, alerts
 * and statistics need them, and they say that *someone* was held at a place, not who. What a
 * staff member wrote about it is sealed with the case.
 */
export type TimelineEvent = {
  id: string;
  orgId: string;
  caseId: string;
  kind: TimelineEventKind;
  occurredAt: Date;
  placeId: string | null;
  /** Lawyer events: the power of attorney he showed at the door. */
  powerOfAttorney: PowerOfAttorney | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: Date;
};

export const timelineEventDataClasses: DataClasses<TimelineEvent> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  kind: 'operational',
  occurredAt: 'operational',
  placeId: 'operational',
  powerOfAttorney: 'operational',
  note: 'personal',
  recordedBy: 'operational',
  recordedAt: 'operational',
};

/** Oldest first; events at the same moment keep the order they were recorded in. */
export function inTimelineOrder<
  Event extends Pick<TimelineEvent, 'id' | 'occurredAt' | 'recordedAt'>,
>(events: readonly Event[]): Event[] {
  return [...events].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      a.recordedAt.getTime() - b.recordedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}
