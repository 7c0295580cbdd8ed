import { describe, expect, it } from 'vitest';
import { reportedDetention, reportedPlaceId } from './reported-detention.ts';

const receivedAt = new Date('2026-11-30T07:00:00Z');

describe('reported detention', () => {
  it('takes the time and the listed places from the answers', () => {
    const answers = {
      situation: 'detained',
      'detained-at': '2026-11-30T09:40:00+03:00',
      'taken-from-station': { placeKind: 'metro-station' as const, placeId: 'vykhino' },
      'taken-to-centre': { placeKind: 'conscription-centre' as const, placeId: 'ugreshskaya' },
    };
    expect(reportedDetention(answers, receivedAt)).toEqual({
      occurredAt: new Date('2026-11-30T06:40:00Z'),
      detainedAtPlaceId: 'vykhino',
      heldAtPlaceId: 'ugreshskaya',
    });
    expect(reportedPlaceId(answers)).toBe('ugreshskaya');
  });

  it('keeps a typed place out of the clear record and falls back to the report time', () => {
    expect(
      reportedDetention(
        {
          situation: 'detained',
          'detained-at': '2026-11-30T23:00:00+03:00',
          'taken-from-station': { freeText: 'у дома 5' },
        },
        receivedAt,
      ),
    ).toEqual({ occurredAt: receivedAt, detainedAtPlaceId: null, heldAtPlaceId: null });
  });

  it('is nothing for a report about a call-up notice', () => {
    expect(reportedDetention({ situation: 'notice' }, receivedAt)).toBeNull();
  });
});
