import { describe, expect, it } from 'vitest';
import { blindIndexBitsFor, hmacBlindIndex } from './hmac-blind-index.ts';

const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const matchKey = 'v1|иван иванов|2001-02-28';

describe('hmacBlindIndex', () => {
  // Computed independently (openssl dgst -sha256 -mac HMAC). A change here silently orphans
  // every stored index, so it must be deliberate.
  it.each([
    [32, 'eb6efc0b'],
    [16, 'eb6e'],
    [12, 'eb6'],
    [9, '1d6'],
    [8, 'eb'],
  ])('keeps the first %i bits of HMAC-SHA256', (bits, expected) => {
    expect(hmacBlindIndex({ key, bits }).personIndex('org-1', matchKey)).toBe(expected);
  });

  it('gives equal inputs equal values', () => {
    const a = hmacBlindIndex({ key, bits: 16 });
    const b = hmacBlindIndex({ key: Uint8Array.from(key), bits: 16 });
    expect(a.personIndex('org-1', matchKey)).toBe(b.personIndex('org-1', matchKey));
  });

  it('depends on the key', () => {
    const other = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    expect(hmacBlindIndex({ key: other, bits: 32 }).personIndex('org-1', matchKey)).not.toBe(
      'eb6efc0b',
    );
  });

  it('gives one match key unrelated values in two organisations', () => {
    const index = hmacBlindIndex({ key, bits: 32 });
    expect(index.personIndex('org-1', matchKey)).not.toBe(index.personIndex('org-2', matchKey));
  });

  it('does not let the organisation id and the match key run into each other', () => {
    const index = hmacBlindIndex({ key, bits: 32 });
    expect(index.personIndex('org-1', 'ab')).not.toBe(index.personIndex('org-1a', 'b'));
    expect(() => index.personIndex('org\u0000', 'ab')).toThrow();
  });

  it.each([8, 9, 13, 16, 24, 31, 32])('writes %i bits as fixed-width lowercase hex', (bits) => {
    const index = hmacBlindIndex({ key, bits });
    expect(index.bits).toBe(bits);
    for (let i = 0; i < 200; i++) {
      const value = index.personIndex('org-1', `person-${i}`);
      expect(value).toMatch(new RegExp(`^[0-9a-f]{${Math.ceil(bits / 4)}}$`));
      expect(Number.parseInt(value, 16)).toBeLessThan(2 ** bits);
    }
  });

  it('uses every bucket evenly', () => {
    const index = hmacBlindIndex({ key, bits: 8 });
    const counts = new Map<string, number>();
    const total = 20_000;
    for (let i = 0; i < total; i++) {
      const value = index.personIndex('org-1', `v1|person ${i * 7919}|2001-02-28`);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    expect(counts.size).toBe(256);
    const mean = total / 256;
    expect(Math.max(...counts.values())).toBeLessThan(2 * mean);
  });

  it.each([
    [{ key: new Uint8Array(16), bits: 16 }],
    [{ key, bits: 7 }],
    [{ key, bits: 33 }],
    [{ key, bits: 12.5 }],
  ])('refuses the options %o', (options) => {
    expect(() => hmacBlindIndex(options)).toThrow();
  });
});

describe('blindIndexBitsFor', () => {
  it.each([
    [1_000_000, 10, 16],
    [1_000_000, 100, 13],
    [2_560, 10, 8],
    [100, 10, 8],
    [0, 10, 8],
    [1e15, 10, 32],
    [10_240, 10, 10],
    [10_239, 10, 9],
  ])('keeps %i persons in buckets of at least %i with %i bits', (persons, bucket, bits) => {
    expect(blindIndexBitsFor(persons, bucket)).toBe(bits);
  });

  it('leaves about ten persons per bucket by default', () => {
    expect(blindIndexBitsFor(1_000_000)).toBe(16);
    expect(1_000_000 / 2 ** blindIndexBitsFor(1_000_000)).toBeGreaterThanOrEqual(10);
  });
});
