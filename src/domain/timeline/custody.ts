import { inTimelineOrder, type TimelineEvent, type TimelineEventKind } from './timeline-event.ts';

export const custodyStatuses = [
  'detained',
  'at-medical-board',
  'lawyer-inside',
  'lawyer-refused-entry',
  'released',
  'sent-to-unit',
] as const;
export type CustodyStatus = (typeof custodyStatuses)[number];

const statusAfter: Partial<Record<TimelineEventKind, CustodyStatus>> = {
  detained: 'detained',
  transferred: 'detained',
  'medical-board-demanded': 'at-medical-board',
  'medical-board-refused': 'detained',
  'lawyer-arrived': 'detained',
  'lawyer-refused-entry': 'lawyer-refused-entry',
  'lawyer-admitted': 'lawyer-inside',
  released: 'released',
  'sent-to-unit': 'sent-to-unit',
};

export type Custody = {
  status: CustodyStatus;
  since: Date;
  /** Where he was picked up (a metro station, a street). */
  detainedAtPlaceId: string | null;
  /** Where he was taken last (a conscription centre, a police station); null until known. */
  heldAtPlaceId: string | null;
  /** The last custody event: how stale the board's line is. */
  lastUpdateAt: Date;
};

/**
 * Where the latest detention of a case stands, read from its timeline; null when he was never
 * detained. The live board and the case page show this, so both say the same.
 */
export function custodyOf(
  events: readonly Pick<TimelineEvent, 'id' | 'kind' | 'occurredAt' | 'recordedAt' | 'placeId'>[],
): Custody | null {
  let custody: Custody | null = null;
  for (const event of inTimelineOrder(events)) {
    const status = statusAfter[event.kind];
    if (status === undefined) continue;
    if (event.kind === 'detained') {
      custody = {
        status,
        since: event.occurredAt,
        detainedAtPlaceId: event.placeId,
        heldAtPlaceId: null,
        lastUpdateAt: event.occurredAt,
      };
      continue;
    }
    if (custody === null) continue;
    custody = {
      ...custody,
      status,
      heldAtPlaceId:
        event.kind === 'transferred'
          ? (event.placeId ?? custody.heldAtPlaceId)
          : custody.heldAtPlaceId,
      lastUpdateAt: event.occurredAt,
    };
  }
  return custody;
}
