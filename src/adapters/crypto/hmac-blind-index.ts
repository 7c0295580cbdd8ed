import { createHmac } from 'node:crypto';
import type { BlindIndex } from '../../app/ports/blind-index.ts';

const minBits = 8;
const maxBits = 32;

/**
 * HMAC-SHA256 over `orgId NUL matchKey`, keeping the first `bits` bits. The organisation id is
 * hashed in so that one person has unrelated values in two organisations.
 */
export function hmacBlindIndex(options: { key: Uint8Array; bits: number }): BlindIndex {
  const { bits } = options;
  if (options.key.length !== 32) throw new Error('blind index key must be 32 bytes');
  if (!Number.isInteger(bits) || bits < minBits || bits > maxBits) {
    throw new Error(`blind index bits must be an integer from ${minBits} to ${maxBits}`);
  }
  // Copied so that a caller wiping or reusing its buffer cannot change the index.
  const key = Buffer.from(options.key);
  const hexDigits = Math.ceil(bits / 4);
  return {
    bits,
    personIndex(orgId, matchKey) {
      // NUL separates the fields; an organisation id holding one would make two inputs collide.
      if (orgId.includes('\u0000')) throw new Error('organisation id contains NUL');
      const digest = createHmac('sha256', key).update(`${orgId}\u0000${matchKey}`, 'utf8').digest();
      const value = digest.readUInt32BE(0) >>> (maxBits - bits);
      return value.toString(16).padStart(hexDigits, '0');
    },
  };
}

/**
 * CipherSweet's rule for the size of a blind index: with `bits` bits there are 2^bits buckets,
 * so about `expectedPersons / 2^bits` people share each value. Keep as many bits as possible
 * while that stays at least `minBucketSize`:
 *
 *   bits = floor(log2(expectedPersons / minBucketSize)), clamped to [8, 32].
 *
 * Count the persons of one organisation: the organisation id is part of the hash, so buckets
 * do not mix organisations. Below 8 bits a lookup returns most of the table; an organisation
 * smaller than 256 × minBucketSize gets buckets smaller than asked for, and should know it.
 */
export function blindIndexBitsFor(expectedPersons: number, minBucketSize = 10): number {
  if (!(minBucketSize > 0)) throw new Error('minimum bucket size must be positive');
  if (!(expectedPersons > 0)) return minBits;
  const bits = Math.floor(Math.log2(expectedPersons / minBucketSize));
  return Math.min(maxBits, Math.max(minBits, bits));
}
