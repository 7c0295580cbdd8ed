import { describe, expect, it } from 'vitest';
import { isSameDetention } from './same-detention.ts';

const at = (time: string) => new Date(`2026-11-30T${time}:00+03:00`);
const vykhino = { caseId: 'a', placeId: 'metro-station-vykhino', occurredAt: at('12:40') };

describe('isSameDetention', () => {
  it('pairs two cases detained at the same place within an hour', () => {
    expect(isSameDetention(vykhino, { ...vykhino, caseId: 'b', occurredAt: at('13:40') })).toBe(
      true,
    );
    expect(isSameDetention(vykhino, { ...vykhino, caseId: 'b', occurredAt: at('11:40') })).toBe(
      true,
    );
  });

  it('keeps apart other places, longer gaps and the case itself', () => {
    expect(isSameDetention(vykhino, { ...vykhino, caseId: 'b', placeId: 'metro-station-2' })).toBe(
      false,
    );
    expect(isSameDetention(vykhino, { ...vykhino, caseId: 'b', occurredAt: at('13:41') })).toBe(
      false,
    );
    expect(isSameDetention(vykhino, vykhino)).toBe(false);
  });
});
