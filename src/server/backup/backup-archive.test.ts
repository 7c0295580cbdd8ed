import { describe, expect, it } from 'vitest';
import {
  type BackupManifest,
  isSafeArchiveName,
  readArchive,
  writeArchive,
} from './backup-archive.ts';

const manifest: BackupManifest = {
  format: 'habeas-backup',
  version: 1,
  createdAt: '2026-11-29T04:00:00.000Z',
  database: 'sqlite-file',
  migrations: ['2026-11-29T0130-create-foundation'],
};

async function* bytesOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function readBack(archive: Uint8Array) {
  const files = new Map<string, string>();
  let opened: BackupManifest | null = null;
  await readArchive(
    (async function* () {
      // Pieces of awkward sizes, as a decrypted stream delivers them.
      for (let offset = 0; offset < archive.length; offset += 3) {
        yield archive.subarray(offset, offset + 3);
      }
    })(),
    {
      onManifest(given) {
        opened = given;
      },
      async onFile(name, content) {
        files.set(name, (await collect(content)).toString());
      },
    },
  );
  return { manifest: opened, files };
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** An archive written by hand, to say what the writer never would. */
function handWritten(name: string): Buffer {
  const header = Buffer.from(JSON.stringify(manifest));
  const nameBytes = Buffer.from(name);
  return Buffer.concat([
    u32(header.length),
    header,
    u32(nameBytes.length),
    nameBytes,
    u32(4),
    Buffer.from('evil'),
    u32(0),
    u32(0),
  ]);
}

describe('backup archive', () => {
  it('gives back the manifest and every file, empty ones included', async () => {
    const archive = await collect(
      writeArchive(manifest, [
        { name: 'habeas.sqlite', content: () => bytesOf('SQLite format 3', '…rest') },
        { name: 'index.key', content: () => bytesOf('key\n') },
        { name: 'uploads/empty.bin', content: () => bytesOf() },
      ]),
    );
    const { manifest: opened, files } = await readBack(archive);
    expect(opened).toEqual(manifest);
    expect(Object.fromEntries(files)).toEqual({
      'habeas.sqlite': 'SQLite format 3…rest',
      'index.key': 'key\n',
      'uploads/empty.bin': '',
    });
  });

  it.each(['../outside', '/etc/passwd', 'a/../../b', '.', 'a//b', 'a\\b', ''])(
    'refuses to write or read a file named %j',
    async (name) => {
      expect(isSafeArchiveName(name)).toBe(false);
      await expect(
        collect(writeArchive(manifest, [{ name, content: () => bytesOf() }])),
      ).rejects.toThrow('unsafe');
      await expect(readBack(handWritten(name))).rejects.toThrow();
    },
  );

  it('takes ordinary names, dot-files included', () => {
    for (const name of ['index.key', '.hidden', 'uploads/2026/scan-1.jpg']) {
      expect(isSafeArchiveName(name)).toBe(true);
    }
  });

  it('refuses an archive cut short and one from another format version', async () => {
    const archive = handWritten('index.key');
    expect((await readBack(archive)).files.get('index.key')).toBe('evil');
    await expect(readBack(archive.subarray(0, archive.length - 2))).rejects.toThrow(
      'ends in the middle',
    );
    const future = Buffer.from(JSON.stringify({ ...manifest, version: 2 }));
    await expect(readBack(Buffer.concat([u32(future.length), future, u32(0)]))).rejects.toThrow(
      'not one this version reads',
    );
  });
});
