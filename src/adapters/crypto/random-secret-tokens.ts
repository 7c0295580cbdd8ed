import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../app/ports/secret-tokens.ts';

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

export function randomSecretTokens(): SecretTokens {
  return {
    newToken: () => randomBytes(32).toString('base64url'),
    newRecoveryCode() {
      // 10 characters of a 31-letter alphabet: ~49 bits, single use, stored hashed.
      const bytes = randomBytes(10);
      const letters = [...bytes].map((byte) => recoveryAlphabet[byte % recoveryAlphabet.length]);
      return `${letters.slice(0, 5).join('')}-${letters.slice(5).join('')}`;
    },
    newCaseCode() {
      const letters = [...randomBytes(8)].map(
        (byte) => recoveryAlphabet[byte % recoveryAlphabet.length],
      );
      return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`.toUpperCase();
    },
    hash: (token) => createHash('sha256').update(token).digest('hex'),
  };
}
