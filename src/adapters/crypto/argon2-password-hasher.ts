import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/ports/password-hasher.ts';

/** Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const argon2idOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function argon2PasswordHasher(): PasswordHasher {
  let dummyHash: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, argon2idOptions),
    async verify(storedHash, password) {
      if (storedHash === null) {
        dummyHash ??= hash('habeas-dummy-password', argon2idOptions);
        await verify(await dummyHash, password);
        return false;
      }
      try {
        return await verify(storedHash, password);
      } catch {
        return false;
      }
    },
  };
}
