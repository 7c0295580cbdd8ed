import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A key the server holds apart from the database: where it is configured, where it is kept. */
export type ServerKeyFile = {
  variable: 'HABEAS_INDEX_KEY' | 'HABEAS_TOTP_KEY';
  fileName: string;
};

export const indexKeyFile: ServerKeyFile = { variable: 'HABEAS_INDEX_KEY', fileName: 'index.key' };
export const totpKeyFile: ServerKeyFile = { variable: 'HABEAS_TOTP_KEY', fileName: 'totp.key' };

/**
 * A server key: from configuration when given (several app instances must share it),
 * otherwise from a file in the data dir, created on first use. It is never stored in the
 * database, so that a copy of the database alone does not carry it.
 */
export function loadServerKey(
  keyFile: ServerKeyFile,
  options: { configured: string | undefined; dataDir: string },
): Uint8Array {
  if (options.configured !== undefined) return decodeKey(options.configured, keyFile.variable);
  const file = path.join(options.dataDir, keyFile.fileName);
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
