import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealedDataError } from '../../app/ports/key-crypto.ts';
import { fileChunkBytes, sodiumFileSealing } from './sodium-file-sealing.ts';

const sealing = sodiumFileSealing();
const context = { table: 'evidence_items', recordId: 'e1', field: 'original' };

describe('file sealing in chunks', () => {
  const bytes = new Uint8Array(randomBytes(2 * fileChunkBytes + 17));

  it('opens what it sealed, across several chunks', () => {
    const { fileKey, chunks } = sealing.seal(context, bytes);
    expect(chunks).toHaveLength(3);
    expect(Buffer.from(sealing.open(context, fileKey, chunks)).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });

  it('refuses a file cut short, reordered, altered or moved to another record', () => {
    const { fileKey, chunks } = sealing.seal(context, bytes);
    const [first, second, third] = chunks as [Uint8Array, Uint8Array, Uint8Array];
    const altered = new Uint8Array(second);
    altered[10] = (altered[10] ?? 0) ^ 1;
    for (const broken of [
      [first, second],
      [first, third, second],
      [first, altered, third],
    ]) {
      expect(() => sealing.open(context, fileKey, broken)).toThrow(SealedDataError);
    }
    expect(() => sealing.open({ ...context, recordId: 'e2' }, fileKey, chunks)).toThrow(
      SealedDataError,
    );
    const other = sealing.seal(context, bytes);
    expect(() => sealing.open(context, other.fileKey, chunks)).toThrow(SealedDataError);
  });
});
