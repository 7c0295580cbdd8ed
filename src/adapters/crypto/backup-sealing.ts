import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';

await sodium.ready;

/**
 * Backups are sealed to a public key, as age does: a random file key, sealed to the recipient
 * with an X25519 sealed box, encrypts the archive as a libsodium secretstream
 * (XChaCha20-Poly1305 in chunks, the last one tagged final). The server that takes a backup
 * needs only the public key; only the holder of the private key can read one, and a reordered,
 * altered or cut-short file fails to open.
 */

const magic = new TextEncoder().encode('HABEAS-BACKUP-1\n');
const keyBytes = sodium.crypto_box_PUBLICKEYBYTES;
const sealedKeyBytes =
  sodium.crypto_box_SEALBYTES + sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES;
const streamHeaderBytes = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const headerBytes = magic.length + keyBytes + sealedKeyBytes + streamHeaderBytes;
const chunkBytes = 64 * 1024;
const tagMessage = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const tagFinal = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

const publicPrefix = 'habeas-backup-public-key:';
const privatePrefix = 'habeas-backup-private-key:';

const b64 = (bytes: Uint8Array) =>
  sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);

/** A backup that cannot be opened: wrong key, not a backup, altered or cut short. */
export class BackupSealError extends Error {
  override readonly name = 'BackupSealError';
}

function decodeKey(text: string, prefix: string, what: string): Uint8Array {
  const trimmed = text.trim();
  if (!trimmed.startsWith(prefix)) throw new BackupSealError(`that is not a ${what}`);
  let key: Uint8Array;
  try {
    key = sodium.from_base64(
      trimmed.slice(prefix.length),
      sodium.base64_variants.URLSAFE_NO_PADDING,
    );
  } catch {
    throw new BackupSealError(`that ${what} is damaged`);
  }
  if (key.length !== keyBytes) throw new BackupSealError(`that ${what} is damaged`);
  return key;
}

/** A new key pair for backups; both halves as one-line text, each saying what it is. */
export function newBackupKeyPair(): { publicKey: string; privateKey: string } {
  const secret = new Uint8Array(randomBytes(keyBytes));
  const publicKey = sodium.crypto_scalarmult_base(secret);
  return { publicKey: publicPrefix + b64(publicKey), privateKey: privatePrefix + b64(secret) };
}

/** Checks a public key given by the operator, before any work is done with it. */
export function checkBackupPublicKey(text: string): void {
  decodeKey(text, publicPrefix, 'backup public key');
}

/** Cuts a byte stream into chunks of exactly `size` bytes, and a last, shorter one. */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number) {
  let pieces: Uint8Array[] = [];
  let pending = 0;
  for await (const piece of source) {
    pieces.push(piece);
    pending += piece.length;
    if (pending < size) continue;
    const joined = Buffer.concat(pieces, pending);
    let offset = 0;
    while (pending - offset >= size) {
      yield joined.subarray(offset, offset + size);
      offset += size;
    }
    pieces = [joined.subarray(offset)];
    pending -= offset;
  }
  yield Buffer.concat(pieces, pending);
}

function lengthPrefix(length: number): Uint8Array {
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, length);
  return prefix;
}

/** Encrypts a byte stream to the backup public key. */
export async function* sealBackup(
  recipientPublicKey: string,
  plaintext: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const recipient = decodeKey(recipientPublicKey, publicPrefix, 'backup public key');
  const fileKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const sealedKey = sodium.crypto_box_seal(fileKey, recipient);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(fileKey);
  sodium.memzero(fileKey);
  const fileHeader = new Uint8Array(headerBytes);
  fileHeader.set(magic);
  fileHeader.set(recipient, magic.length);
  fileHeader.set(sealedKey, magic.length + keyBytes);
  fileHeader.set(header, magic.length + keyBytes + sealedKeyBytes);
  yield fileHeader;

  // One chunk is held back, so that the last one can be tagged final.
  let held: Uint8Array | null = null;
  let first = true;
  const push = (chunk: Uint8Array, tag: number) => {
    // The first chunk authenticates the file header: magic, recipient and sealed key.
    const additional = first ? fileHeader : null;
    first = false;
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, additional, tag);
    const framed = new Uint8Array(4 + sealed.length);
    framed.set(lengthPrefix(sealed.length));
    framed.set(sealed, 4);
    return framed;
  };
  for await (const chunk of rechunk(plaintext, chunkBytes)) {
    if (held !== null) yield push(held, tagMessage);
    held = chunk.slice();
  }
  yield push(held ?? new Uint8Array(0), tagFinal);
}

/** Reads exactly the bytes asked for from a stream of pieces; null at a clean end. */
class ExactReader {
  #pending: Uint8Array = new Uint8Array(0);
  readonly #source: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  async read(length: number): Promise<Uint8Array | null> {
    while (this.#pending.length < length) {
      const next = await this.#source.next();
      if (next.done) {
        if (this.#pending.length === 0) return null;
        throw new BackupSealError('the backup is cut short');
      }
      const joined = new Uint8Array(this.#pending.length + next.value.length);
      joined.set(this.#pending);
      joined.set(next.value, this.#pending.length);
      this.#pending = joined;
    }
    const wanted = this.#pending.slice(0, length);
    this.#pending = this.#pending.slice(length);
    return wanted;
  }
}

/** The public key a backup file was sealed to, read from its header without any secret. */
export function backupRecipient(fileHeader: Uint8Array): string {
  return publicPrefix + b64(fileHeader.subarray(magic.length, magic.length + keyBytes));
}

/** Decrypts a sealed backup with the private key; throws on anything but the whole, intact file. */
export async function* openBackup(
  privateKeyText: string,
  sealed: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const secret = decodeKey(privateKeyText, privatePrefix, 'backup private key');
  const ownPublic = sodium.crypto_scalarmult_base(secret);
  const reader = new ExactReader(sealed);
  const fileHeader = await reader.read(headerBytes);
  if (fileHeader === null || !sodium.memcmp(fileHeader.subarray(0, magic.length), magic)) {
    throw new BackupSealError('that is not a Habeas backup');
  }
  const recipient = fileHeader.subarray(magic.length, magic.length + keyBytes);
  if (!sodium.memcmp(recipient, ownPublic)) {
    throw new BackupSealError(
      `the backup was sealed to another key (${backupRecipient(fileHeader)})`,
    );
  }
  let fileKey: Uint8Array;
  try {
    fileKey = sodium.crypto_box_seal_open(
      fileHeader.subarray(magic.length + keyBytes, magic.length + keyBytes + sealedKeyBytes),
      ownPublic,
      secret,
    );
  } catch {
    throw new BackupSealError('the backup’s key does not open: the file was altered');
  }
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
    fileHeader.subarray(magic.length + keyBytes + sealedKeyBytes),
    fileKey,
  );
  sodium.memzero(fileKey);
  let first = true;
  for (;;) {
    const prefix = await reader.read(4);
    if (prefix === null) throw new BackupSealError('the backup is cut short');
    const length = new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0);
    if (length > chunkBytes + sodium.crypto_secretstream_xchacha20poly1305_ABYTES) {
      throw new BackupSealError('the backup was altered');
    }
    const chunk = await reader.read(length);
    if (chunk === null) throw new BackupSealError('the backup is cut short');
    let opened: { message: Uint8Array; tag: number } | false;
    try {
      opened = sodium.crypto_secretstream_xchacha20poly1305_pull(
        state,
        chunk,
        first ? fileHeader : null,
      );
    } catch {
      opened = false;
    }
    first = false;
    if (opened === false) throw new BackupSealError('the backup was altered');
    if (opened.message.length > 0) yield opened.message;
    if (opened.tag === tagFinal) {
      if ((await reader.read(1)) !== null) {
        throw new BackupSealError('the backup has bytes after its end');
      }
      return;
    }
  }
}
