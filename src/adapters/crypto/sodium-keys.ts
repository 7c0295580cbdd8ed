import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import {
  type DataKey,
  type RecordSealing,
  type SealContext,
  SealedDataError,
  type StaffKeys,
  type UnlockedIdentity,
} from '../../app/ports/key-crypto.ts';

await sodium.ready;

const b64 = (bytes: Uint8Array) =>
  sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
const fromB64 = (text: string) =>
  sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);

// Secrets live only in these maps, keyed by the opaque handles the rest of the code passes
// around; a handle that is dropped takes its secret with it.
const identitySecrets = new WeakMap<UnlockedIdentity, Uint8Array>();
const dataKeySecrets = new WeakMap<DataKey, Uint8Array>();

function identity(userId: string, publicKey: string, secretKey: Uint8Array): UnlockedIdentity {
  const handle: UnlockedIdentity = Object.freeze({ userId, publicKey });
  identitySecrets.set(handle, secretKey);
  return handle;
}

function dataKey(keyId: string, key: Uint8Array): DataKey {
  const handle: DataKey = Object.freeze({ keyId });
  dataKeySecrets.set(handle, key);
  return handle;
}

function secretOf<T extends object>(map: WeakMap<T, Uint8Array>, handle: T): Uint8Array {
  const secret = map.get(handle);
  if (secret === undefined) throw new Error('key handle was not made by this adapter');
  return secret;
}

const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

/**
 * Nonces and data keys come from Node's CSPRNG in one call each: the WebAssembly build of
 * libsodium asks JavaScript for randomness four bytes at a time, which made random bytes the
 * largest single cost of taking a report.
 */
function random(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}

/** XChaCha20-Poly1305 with a random nonce, stored in front of the ciphertext. */
export function aeadSeal(
  key: Uint8Array,
  additionalData: string,
  plaintext: Uint8Array | string,
): Uint8Array {
  const nonce = random(nonceBytes);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    additionalData,
    null,
    nonce,
    key,
  );
  const sealed = new Uint8Array(nonce.length + ciphertext.length);
  sealed.set(nonce);
  sealed.set(ciphertext, nonce.length);
  return sealed;
}

/** Null for anything that is not exactly what was sealed, under this key and associated data. */
export function aeadOpen(
  key: Uint8Array,
  additionalData: string,
  sealed: Uint8Array,
): Uint8Array | null {
  if (sealed.length < nonceBytes + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) return null;
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(nonceBytes),
      additionalData,
      sealed.subarray(0, nonceBytes),
      key,
    );
  } catch {
    return null;
  }
}

/** Argon2id cost for unlocking a staff key at login: libsodium's interactive level (64 MiB). */
const unlockCost = {
  opsLimit: sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
  memLimit: sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
};

function passwordKey(
  password: string,
  salt: Uint8Array,
  opsLimit: number,
  memLimit: number,
): Uint8Array {
  return sodium.crypto_pwhash(
    32,
    password,
    salt,
    opsLimit,
    memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

function sessionKey(sessionToken: string): Uint8Array {
  return sodium.crypto_generichash(32, `habeas:session-wrap:${sessionToken}`, null);
}

function decodeOrNull(text: string): Uint8Array | null {
  try {
    return fromB64(text);
  } catch {
    return null;
  }
}

export function sodiumStaffKeys(): StaffKeys {
  return {
    async createIdentity(userId, password) {
      const pair = sodium.crypto_box_keypair();
      const publicKey = b64(pair.publicKey);
      const salt = random(sodium.crypto_pwhash_SALTBYTES);
      const key = passwordKey(password, salt, unlockCost.opsLimit, unlockCost.memLimit);
      const locked = aeadSeal(key, `habeas:staff-key:${userId}:${publicKey}`, pair.privateKey);
      const lockedPrivateKey = [
        'k1',
        unlockCost.opsLimit,
        unlockCost.memLimit,
        b64(salt),
        b64(locked),
      ].join('.');
      return { identity: identity(userId, publicKey, pair.privateKey), lockedPrivateKey };
    },

    async unlockIdentity(userId, publicKey, lockedPrivateKey, password) {
      const [version, ops, mem, salt, locked] = lockedPrivateKey.split('.');
      if (version !== 'k1' || salt === undefined || locked === undefined) return null;
      const saltBytes = decodeOrNull(salt);
      const lockedBytes = decodeOrNull(locked);
      if (saltBytes === null || lockedBytes === null) return null;
      const key = passwordKey(password, saltBytes, Number(ops), Number(mem));
      const secretKey = aeadOpen(key, `habeas:staff-key:${userId}:${publicKey}`, lockedBytes);
      return secretKey === null ? null : identity(userId, publicKey, secretKey);
    },

    wrapForSession(handle, sessionId, sessionToken) {
      const wrapped = aeadSeal(
        sessionKey(sessionToken),
        `habeas:session:${sessionId}:${handle.userId}`,
        secretOf(identitySecrets, handle),
      );
      return `w1.${b64(wrapped)}`;
    },

    unwrapFromSession(userId, publicKey, wrapped, sessionId, sessionToken) {
      const [version, body] = wrapped.split('.');
      const bytes = version === 'w1' && body !== undefined ? decodeOrNull(body) : null;
      if (bytes === null) return null;
      const secretKey = aeadOpen(
        sessionKey(sessionToken),
        `habeas:session:${sessionId}:${userId}`,
        bytes,
      );
      return secretKey === null ? null : identity(userId, publicKey, secretKey);
    },

    createEscrowKeyPair() {
      const pair = sodium.crypto_box_keypair();
      return { publicKey: b64(pair.publicKey), privateKey: b64(pair.privateKey) };
    },

    escrowIdentity(orgId, publicKey, privateKey) {
      const secretKey = decodeOrNull(privateKey.trim());
      if (secretKey === null || secretKey.length !== sodium.crypto_box_SECRETKEYBYTES) return null;
      if (b64(sodium.crypto_scalarmult_base(secretKey)) !== publicKey) return null;
      return identity(`escrow:${orgId}`, publicKey, secretKey);
    },
  };
}

function associatedData(context: SealContext, keyId: string): string {
  return `habeas:s1:${context.table}:${context.recordId}:${context.field}:${keyId}`;
}

export function sodiumRecordSealing(): RecordSealing {
  return {
    newDataKey() {
      const keyId = b64(random(12));
      return dataKey(keyId, random(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES));
    },

    sealDataKey(handle, recipientPublicKey) {
      return b64(
        sodium.crypto_box_seal(secretOf(dataKeySecrets, handle), fromB64(recipientPublicKey)),
      );
    },

    openDataKey(keyId, sealedDataKey, recipient) {
      const sealed = decodeOrNull(sealedDataKey);
      if (sealed === null) return null;
      try {
        const key = sodium.crypto_box_seal_open(
          sealed,
          fromB64(recipient.publicKey),
          secretOf(identitySecrets, recipient),
        );
        return dataKey(keyId, key);
      } catch {
        return null;
      }
    },

    seal(handle, context, plaintext) {
      const sealed = aeadSeal(
        secretOf(dataKeySecrets, handle),
        associatedData(context, handle.keyId),
        plaintext,
      );
      return `s1.${handle.keyId}.${b64(sealed)}`;
    },

    open(handle, context, ciphertext) {
      const [version, keyId, body] = ciphertext.split('.');
      if (version !== 's1' || body === undefined)
        throw new SealedDataError(context, 'not a sealed value');
      if (keyId !== handle.keyId) throw new SealedDataError(context, 'sealed under another key');
      const bytes = decodeOrNull(body);
      const plaintext =
        bytes === null
          ? null
          : aeadOpen(secretOf(dataKeySecrets, handle), associatedData(context, keyId), bytes);
      if (plaintext === null) throw new SealedDataError(context, 'altered, truncated or moved');
      return sodium.to_string(plaintext);
    },
  };
}
