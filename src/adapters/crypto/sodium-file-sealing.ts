import sodium from 'libsodium-wrappers-sumo';
import { type FileSealing, type SealContext, SealedDataError } from '../../app/ports/key-crypto.ts';

await sodium.ready;

/** Plaintext bytes per chunk: a chunk is opened whole, so this bounds the memory of one step. */
export const fileChunkBytes = 1024 * 1024;

const headerBytes = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
const tagMessage = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
const tagFinal = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

function associatedData(context: SealContext): string {
  return `habeas:f1:${context.table}:${context.recordId}:${context.field}`;
}

/**
 * libsodium's secretstream (XChaCha20-Poly1305): each chunk authenticated in order, the last one
 * marked final, so a chunk altered, swapped, dropped or cut off at the end is refused. The
 * stream's header rides in front of the first chunk.
 */
export function sodiumFileSealing(): FileSealing {
  return {
    seal(context, bytes) {
      const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
      const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const ad = associatedData(context);
      const chunks: Uint8Array[] = [];
      const count = Math.max(1, Math.ceil(bytes.length / fileChunkBytes));
      for (let index = 0; index < count; index++) {
        const part = bytes.subarray(index * fileChunkBytes, (index + 1) * fileChunkBytes);
        const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          part,
          ad,
          index === count - 1 ? tagFinal : tagMessage,
        );
        if (index === 0) {
          const first = new Uint8Array(header.length + sealed.length);
          first.set(header);
          first.set(sealed, header.length);
          chunks.push(first);
        } else chunks.push(sealed);
      }
      return {
        fileKey: sodium.to_base64(key, sodium.base64_variants.URLSAFE_NO_PADDING),
        chunks,
      };
    },

    open(context, fileKey, chunks) {
      const first = chunks[0];
      if (first === undefined || first.length < headerBytes)
        throw new SealedDataError(context, 'no chunks');
      let state: ReturnType<typeof sodium.crypto_secretstream_xchacha20poly1305_init_pull>;
      try {
        const key = sodium.from_base64(fileKey, sodium.base64_variants.URLSAFE_NO_PADDING);
        state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
          first.subarray(0, headerBytes),
          key,
        );
      } catch {
        throw new SealedDataError(context, 'unusable file key');
      }
      const ad = associatedData(context);
      const parts: Uint8Array[] = [];
      let total = 0;
      for (const [index, chunk] of chunks.entries()) {
        const body = index === 0 ? chunk.subarray(headerBytes) : chunk;
        let opened: { message: Uint8Array; tag: number } | false;
        try {
          opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, body, ad, 'uint8array');
        } catch {
          opened = false;
        }
        if (opened === false) throw new SealedDataError(context, 'altered, reordered or moved');
        const last = index === chunks.length - 1;
        if ((opened.tag === tagFinal) !== last)
          throw new SealedDataError(context, last ? 'cut short' : 'data after the end');
        parts.push(opened.message);
        total += opened.message.length;
      }
      const whole = new Uint8Array(total);
      let offset = 0;
      for (const part of parts) {
        whole.set(part, offset);
        offset += part.length;
      }
      return whole;
    },
  };
}
