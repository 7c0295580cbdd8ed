import { describe, expect, it } from 'vitest';
import { isDueForDestruction } from './retention.ts';

const now = new Date('2026-11-29T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60_000);

describe('isDueForDestruction', () => {
  it('destroys a case closed for the whole retention period', () => {
    expect(isDueForDestruction({ status: 'closed', closedAt: daysAgo(30) }, 30, now)).toBe(true);
  });

  it('keeps a case closed more recently', () => {
    expect(isDueForDestruction({ status: 'closed', closedAt: daysAgo(29.9) }, 30, now)).toBe(false);
  });

  it('never touches an open case, or any case when the organisation keeps them', () => {
    expect(isDueForDestruction({ status: 'open', closedAt: null }, 0, now)).toBe(false);
    expect(isDueForDestruction({ status: 'closed', closedAt: daysAgo(3650) }, null, now)).toBe(
      false,
    );
  });
});
