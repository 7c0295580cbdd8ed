import { describe, expect, it } from 'vitest';
import { custodyOf } from './custody.ts';
import type { TimelineEvent, TimelineEventKind } from './timeline-event.ts';

let sequence = 0;
function event(kind: TimelineEventKind, at: string, placeId: string | null = null): TimelineEvent {
  sequence += 1;
  return {
    id: `event-${sequence}`,
    orgId: 'org',
    caseId: 'case',
    kind,
    occurredAt: new Date(at),
    placeId,
    powerOfAttorney: null,
    note: null,
    recordedBy: null,
    recordedAt: new Date(at),
  };
}

describe('custody', () => {
  it('is unknown for a case without a detention', () => {
    expect(custodyOf([event('reported', '2026-11-20T08:00:00Z')])).toBeNull();
  });

  it('follows a detention through a transfer to a refused lawyer, in time order', () => {
    const custody = custodyOf([
      event('lawyer-refused-entry', '2026-11-20T11:05:00Z'),
      event('detained', '2026-11-20T08:00:00Z', 'metro-1'),
      event('transferred', '2026-11-20T09:00:00Z', 'centre-1'),
    ]);
    expect(custody).toEqual({
      status: 'lawyer-refused-entry',
      since: new Date('2026-11-20T08:00:00Z'),
      detainedAtPlaceId: 'metro-1',
      heldAtPlaceId: 'centre-1',
      lastUpdateAt: new Date('2026-11-20T11:05:00Z'),
    });
  });

  it('starts again at a second detention', () => {
    const custody = custodyOf([
      event('detained', '2026-11-01T08:00:00Z', 'metro-1'),
      event('released', '2026-11-01T20:00:00Z'),
      event('detained', '2026-11-20T08:00:00Z', 'metro-2'),
    ]);
    expect(custody?.status).toBe('detained');
    expect(custody?.detainedAtPlaceId).toBe('metro-2');
    expect(custody?.heldAtPlaceId).toBeNull();
  });
});
