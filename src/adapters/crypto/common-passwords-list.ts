import { readFileSync } from 'node:fs';
import type { CommonPasswords } from '../../app/ports/common-passwords.ts';

const listUrl = new URL('../../../content/security/common-passwords.txt', import.meta.url);

/** The breached-password list shipped in content/security, loaded once. */
export function commonPasswordsList(): CommonPasswords {
  let list: Set<string> | undefined;
  return {
    isCommon(candidate) {
      list ??= new Set(
        readFileSync(listUrl, 'utf8')
          .split('\n')
          .map((line) => line.trim().toLowerCase())
          .filter((line) => line.length > 0),
      );
      return list.has(candidate);
    },
  };
}
