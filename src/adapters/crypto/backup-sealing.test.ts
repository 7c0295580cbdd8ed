import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BackupSealError,
  backupRecipient,
  checkBackupPublicKey,
  newBackupKeyPair,
  openBackup,
  sealBackup,
} from './backup-sealing.ts';

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
  }
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const pair = newBackupKeyPair();

async function sealed(plaintext: Uint8Array, publicKey = pair.publicKey): Promise<Buffer> {
  return collect(sealBackup(publicKey, pieces(plaintext, 10_000)));
}

function opened(file: Uint8Array, privateKey = pair.privateKey): Promise<Buffer> {
  return collect(openBackup(privateKey, pieces(file, 7_777)));
}

describe('backup sealing', () => {
  it.each([0, 1, 65_536, 65_537, 300_000])(
    'opens what it sealed, %i bytes, fed in pieces of any size',
    async (size) => {
      const plaintext = randomBytes(size);
      const file = await sealed(plaintext);
      expect((await opened(file)).equals(plaintext)).toBe(true);
    },
  );

  it('holds no plaintext and names its recipient in the clear', async () => {
    const plaintext = Buffer.from('Канарейкин CANARY-BACKUP-77aa '.repeat(100));
    const file = await sealed(plaintext);
    expect(file.includes(Buffer.from('CANARY-BACKUP-77aa'))).toBe(false);
    expect(backupRecipient(file)).toBe(pair.publicKey);
  });

  it('refuses another private key, naming the key it was sealed to', async () => {
    const file = await sealed(randomBytes(100));
    const other = newBackupKeyPair();
    await expect(opened(file, other.privateKey)).rejects.toThrow(
      `the backup was sealed to another key (${pair.publicKey})`,
    );
  });

  it('refuses a key of the wrong kind', async () => {
    const file = await sealed(randomBytes(100));
    await expect(opened(file, pair.publicKey)).rejects.toThrow('not a backup private key');
    expect(() => checkBackupPublicKey(pair.privateKey)).toThrow('not a backup public key');
    expect(() => checkBackupPublicKey(`${pair.publicKey.slice(0, -2)}`)).toThrow('damaged');
  });

  it('refuses a file altered anywhere: header, sealed key, any chunk', async () => {
    const file = await sealed(randomBytes(200_000));
    for (const position of [3, 20, 60, 140, 160, 100_000, file.length - 1]) {
      const altered = Buffer.from(file);
      altered[position] = (altered[position] ?? 0) ^ 0x01;
      await expect(opened(altered), `byte ${position}`).rejects.toBeInstanceOf(BackupSealError);
    }
  });

  it('refuses a file cut short, even at a chunk boundary, and one with bytes appended', async () => {
    const file = await sealed(randomBytes(200_000));
    const chunkOnDisk = 4 + 65_536 + 17;
    const header = 16 + 32 + 80 + 24;
    for (const length of [
      header,
      header + chunkOnDisk,
      header + 3 * chunkOnDisk,
      file.length - 1,
    ]) {
      await expect(opened(file.subarray(0, length)), `cut at ${length}`).rejects.toThrow(
        'cut short',
      );
    }
    await expect(opened(Buffer.concat([file, Buffer.from([0])]))).rejects.toThrow('after its end');
  });

  it('refuses what is not a backup', async () => {
    await expect(opened(randomBytes(500))).rejects.toThrow('not a Habeas backup');
    await expect(opened(new Uint8Array(0))).rejects.toThrow('not a Habeas backup');
  });
});
