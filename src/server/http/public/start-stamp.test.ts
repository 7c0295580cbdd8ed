import { describe, expect, it } from 'vitest';
import { startStamps } from './start-stamp.ts';

describe('start stamps', () => {
  const stamps = startStamps();
  const now = new Date('2025-10-18T08:00:00Z');

  it('reads back the start it signed', () => {
    expect(stamps.startedAt(stamps.issue(now))).toBe(now.getTime());
  });

  it.each([
    ['a changed time', (stamp: string) => stamp.replace(/^\d+/, String(now.getTime() - 60_000))],
    [
      'a changed signature',
      (stamp: string) => `${stamp.slice(0, -1)}${stamp.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['no signature', (stamp: string) => stamp.split('.')[0] ?? ''],
    ['garbage', () => 'yesterday'],
  ])('refuses %s', (_name, tamper) => {
    expect(stamps.startedAt(tamper(stamps.issue(now)))).toBeNull();
  });

  it('refuses a stamp signed by another process', () => {
    expect(startStamps().startedAt(stamps.issue(now))).toBeNull();
  });
});
