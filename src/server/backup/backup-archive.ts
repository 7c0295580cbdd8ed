import { z } from 'zod';

/**
 * The plain content of a backup, before it is sealed: a manifest, then named files, each as
 * length-prefixed chunks ending with an empty one, so that nothing needs its size in advance
 * and a database dump can be streamed. The whole stream is authenticated by the sealing.
 *
 *   u32 manifest length, manifest (JSON)
 *   per file: u32 name length, name (UTF-8), { u32 chunk length, chunk }*, u32 0
 *   u32 0 (no more files)
 */

export const backupManifest = z.strictObject({
  format: z.literal('habeas-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** How the database travels: SQLite's own file, or every table's rows (from PostgreSQL). */
  database: z.enum(['sqlite-file', 'table-rows']),
  /** The schema the database had: a restore refuses a backup newer than its own code. */
  migrations: z.array(z.string()),
});
export type BackupManifest = z.infer<typeof backupManifest>;

export type ArchiveFile = { name: string; content: () => AsyncIterable<Uint8Array> };

/** A relative path inside the data dir: no absolute path, no `..`, nothing outside. */
const safeSegment = /^(?!\.\.?$)[A-Za-z0-9._-]+$/;

export class BackupArchiveError extends Error {
  override readonly name = 'BackupArchiveError';
}

export function isSafeArchiveName(name: string): boolean {
  return name.length <= 255 && name.split('/').every((segment) => safeSegment.test(segment));
}

const maxChunk = 1024 * 1024;
const maxManifest = 64 * 1024;
const encoder = new TextEncoder();

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function* framed(bytes: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += maxChunk) {
    const piece = bytes.subarray(offset, offset + maxChunk);
    yield u32(piece.length);
    yield piece;
  }
}

export async function* writeArchive(
  manifest: BackupManifest,
  files: Iterable<ArchiveFile>,
): AsyncGenerator<Uint8Array> {
  const manifestBytes = encoder.encode(JSON.stringify(manifest));
  yield u32(manifestBytes.length);
  yield manifestBytes;
  for (const file of files) {
    if (!isSafeArchiveName(file.name)) throw new BackupArchiveError(`unsafe name ${file.name}`);
    const name = encoder.encode(file.name);
    yield u32(name.length);
    yield name;
    for await (const chunk of file.content()) {
      if (chunk.length > 0) yield* framed(chunk);
    }
    yield u32(0);
  }
  yield u32(0);
}

/** Reads exactly the bytes asked for from a stream of pieces of any size. */
class ExactReader {
  #pending: Uint8Array = new Uint8Array(0);
  readonly #source: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  async read(length: number): Promise<Uint8Array> {
    while (this.#pending.length < length) {
      const next = await this.#source.next();
      if (next.done) throw new BackupArchiveError('the archive ends in the middle');
      const joined = new Uint8Array(this.#pending.length + next.value.length);
      joined.set(this.#pending);
      joined.set(next.value, this.#pending.length);
      this.#pending = joined;
    }
    const wanted = this.#pending.slice(0, length);
    this.#pending = this.#pending.slice(length);
    return wanted;
  }

  async u32(): Promise<number> {
    const bytes = await this.read(4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  }

  async atEnd(): Promise<boolean> {
    if (this.#pending.length > 0) return false;
    const next = await this.#source.next();
    if (next.done) return true;
    this.#pending = next.value;
    return next.value.length === 0 ? this.atEnd() : false;
  }
}

/**
 * Reads an archive: the manifest first, then each file in turn; `onFile` must consume the
 * content it is given before the next file is read.
 */
export async function readArchive(
  source: AsyncIterable<Uint8Array>,
  handlers: {
    onManifest(manifest: BackupManifest): Promise<void> | void;
    onFile(name: string, content: AsyncIterable<Uint8Array>): Promise<void>;
  },
): Promise<void> {
  const reader = new ExactReader(source);
  const manifestLength = await reader.u32();
  if (manifestLength > maxManifest) throw new BackupArchiveError('the manifest is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await reader.read(manifestLength)));
  } catch {
    throw new BackupArchiveError('the manifest is not JSON');
  }
  const manifest = backupManifest.safeParse(parsed);
  if (!manifest.success) throw new BackupArchiveError('the manifest is not one this version reads');
  await handlers.onManifest(manifest.data);
  for (;;) {
    const nameLength = await reader.u32();
    if (nameLength === 0) break;
    if (nameLength > 1024) throw new BackupArchiveError('a file name is too long');
    const name = new TextDecoder().decode(await reader.read(nameLength));
    if (!isSafeArchiveName(name)) throw new BackupArchiveError(`unsafe file name ${name}`);
    let finished = false;
    const content = async function* () {
      for (;;) {
        const length = await reader.u32();
        if (length === 0) break;
        if (length > maxChunk) throw new BackupArchiveError('a chunk is too large');
        yield await reader.read(length);
      }
      finished = true;
    };
    await handlers.onFile(name, content());
    if (!finished) throw new BackupArchiveError(`the content of ${name} was not read`);
  }
  if (!(await reader.atEnd())) throw new BackupArchiveError('the archive has bytes after its end');
}
