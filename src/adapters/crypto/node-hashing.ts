import { createHash } from 'node:crypto';
import type { Hashing } from '../../app/ports/hashing.ts';

export function nodeHashing(): Hashing {
  return {
    sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    sha256HexOfBytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  };
}
