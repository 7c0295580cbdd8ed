import { describe, expect, it } from 'vitest';
import { alertReasonOfReport, deliveryRetryDelayMs, escalationTarget } from './alert.ts';

describe('escalation', () => {
  const coordinators = ['coordinator-1', 'coordinator-2'];

  it('pages the on-duty staff one by one, then every coordinator, then nobody', () => {
    const onDuty = ['lawyer-1', 'lawyer-2'];
    const paged: string[] = [];
    const steps = [];
    for (;;) {
      const target = escalationTarget({ onDuty, coordinators, alreadyPaged: paged });
      steps.push(target);
      if (target.kind === 'exhausted') break;
      paged.push(...(target.kind === 'on-duty' ? [target.userId] : target.userIds));
    }
    expect(steps).toEqual([
      { kind: 'on-duty', userId: 'lawyer-1' },
      { kind: 'on-duty', userId: 'lawyer-2' },
      { kind: 'coordinators', userIds: coordinators },
      { kind: 'exhausted' },
    ]);
  });

  it('goes straight to the coordinators when nobody is on duty', () => {
    expect(escalationTarget({ onDuty: [], coordinators, alreadyPaged: [] })).toEqual({
      kind: 'coordinators',
      userIds: coordinators,
    });
  });

  it('does not page a coordinator twice when he was on duty', () => {
    expect(
      escalationTarget({
        onDuty: ['coordinator-1'],
        coordinators,
        alreadyPaged: ['coordinator-1'],
      }),
    ).toEqual({ kind: 'coordinators', userIds: ['coordinator-2'] });
  });

  it('pages someone who came on duty after the alert was raised', () => {
    expect(
      escalationTarget({
        onDuty: ['lawyer-1', 'lawyer-3'],
        coordinators,
        alreadyPaged: ['lawyer-1', 'coordinator-1', 'coordinator-2'],
      }),
    ).toEqual({ kind: 'on-duty', userId: 'lawyer-3' });
  });
});

describe('reports that need action now', () => {
  it.each([
    ['detained', 'detention-report'],
    ['lawyer-turned-away', 'lawyer-turned-away'],
    ['notice', null],
    ['appeal', null],
  ])('situation %s pages: %s', (situation, reason) => {
    expect(alertReasonOfReport({ situation })).toBe(reason);
  });
});

describe('delivery retries', () => {
  it('doubles the wait from ten seconds up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(deliveryRetryDelayMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });
});
