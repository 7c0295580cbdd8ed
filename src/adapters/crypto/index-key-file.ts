import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const indexKeyFileName = 'index.key';

/**
 * The blind-index key: from configuration when given (several app instances must share it),
 * otherwise from a file in the data dir, created on first use. It is kept apart from the data
 * keys and never stored in the database.
 */
export function loadIndexKey(options: {
  configured: string | undefined;
  dataDir: string;
}): Uint8Array {
  if (options.configured !== undefined) return decodeKey(options.configured, 'HABEAS_INDEX_KEY');
  const file = path.join(options.dataDir, indexKeyFileName);
  try {
    return decodeKey(readFileSync(file, 'utf8').trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Uint8Array {
  const key = Buffer.from(text, 'base64url');
  if (key.length !== 32) throw new Error(`${source} must hold 32 bytes in base64url`);
  return key;
}
