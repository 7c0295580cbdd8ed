import { describe, expect, it } from 'vitest';
import type { Custody, CustodyStatus } from '../timeline/custody.ts';
import { boardOf } from './board.ts';

function custody(
  status: CustodyStatus,
  since: string,
  places: { detainedAt?: string; heldAt?: string } = {},
): Custody {
  return {
    status,
    since: new Date(since),
    detainedAtPlaceId: places.detainedAt ?? null,
    heldAtPlaceId: places.heldAt ?? null,
    lastUpdateAt: new Date(since),
  };
}

describe('live board', () => {
  it('groups the people held now by where they are held, longest held first', () => {
    const board = boardOf([
      {
        caseId: 'c1',
        caseCode: 'AAAA-1111',
        assigneeIds: [],
        custody: custody('detained', '2026-11-30T10:00:00Z', {
          detainedAt: 'vykhino',
          heldAt: 'ugreshskaya',
        }),
      },
      {
        caseId: 'c2',
        caseCode: 'BBBB-2222',
        assigneeIds: ['l1'],
        custody: custody('lawyer-refused-entry', '2026-11-30T08:00:00Z', { heldAt: 'ugreshskaya' }),
      },
      {
        caseId: 'c3',
        caseCode: 'CCCC-3333',
        assigneeIds: [],
        custody: custody('detained', '2026-11-30T09:00:00Z', { detainedAt: 'tverskaya' }),
      },
      {
        caseId: 'c4',
        caseCode: 'DDDD-4444',
        assigneeIds: [],
        custody: custody('released', '2026-11-30T07:00:00Z', { heldAt: 'ugreshskaya' }),
      },
      { caseId: 'c5', caseCode: 'EEEE-5555', assigneeIds: [], custody: null },
    ]);
    expect(
      board.map((place) => [place.placeId, place.cases.map((entry) => entry.caseCode)]),
    ).toEqual([
      ['ugreshskaya', ['BBBB-2222', 'AAAA-1111']],
      ['tverskaya', ['CCCC-3333']],
    ]);
  });

  it('keeps people held at an unknown place under their own heading', () => {
    const board = boardOf([
      {
        caseId: 'c1',
        caseCode: 'AAAA-1111',
        assigneeIds: [],
        custody: custody('at-medical-board', '2026-11-30T10:00:00Z'),
      },
    ]);
    expect(board).toEqual([{ placeId: null, cases: [expect.objectContaining({ caseId: 'c1' })] }]);
  });
});
