import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SealedDataError } from '../../app/ports/key-crypto.ts';
import { sodiumRecordSealing, sodiumStaffKeys } from './sodium-keys.ts';

const keys = sodiumStaffKeys();
const sealing = sodiumRecordSealing();
const context = { table: 'persons', recordId: 'p-1', field: 'full_name' };

/** Flips one character of the encoded body to another valid base64url character. */
function alter(ciphertext: string, position: number): string {
  const prefixEnd = ciphertext.lastIndexOf('.') + 1;
  const index = prefixEnd + (position % (ciphertext.length - prefixEnd));
  const original = ciphertext.charAt(index);
  const replacement = original === 'A' ? 'B' : 'A';
  return ciphertext.slice(0, index) + replacement + ciphertext.slice(index + 1);
}

describe('record sealing', () => {
  it('opens what it sealed, for any text', () => {
    const key = sealing.newDataKey();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sealing.open(key, context, sealing.seal(key, context, text))).toBe(text);
      }),
    );
  });

  it('never shows the plaintext in the ciphertext', () => {
    const key = sealing.newDataKey();
    const sealed = sealing.seal(key, context, 'Иванов Иван Иванович CANARY-7f3a');
    expect(sealed).not.toContain('CANARY');
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('CANARY');
  });

  it('refuses every altered ciphertext', () => {
    const key = sealing.newDataKey();
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.nat(), (text, position) => {
        const tampered = alter(sealing.seal(key, context, text), position);
        expect(() => sealing.open(key, context, tampered)).toThrow(SealedDataError);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every truncated ciphertext', () => {
    const key = sealing.newDataKey();
    const sealed = sealing.seal(key, context, 'Петров Пётр');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length - 1 }), (length) => {
        expect(() => sealing.open(key, context, sealed.slice(0, length))).toThrow(SealedDataError);
      }),
    );
  });

  it('refuses a ciphertext moved to another record or field, naming where it failed', () => {
    const key = sealing.newDataKey();
    const sealed = sealing.seal(key, context, '+7 900 000-00-00');
    const elsewhere = [
      { ...context, recordId: 'p-2' },
      { ...context, field: 'phone' },
      { ...context, table: 'cases' },
    ];
    for (const target of elsewhere) {
      expect(() => sealing.open(key, target, sealed)).toThrow(
        `sealed ${target.table}.${target.field} of ${target.recordId} refused`,
      );
    }
  });

  it('refuses a ciphertext of another record’s key', () => {
    const mine = sealing.newDataKey();
    const theirs = sealing.newDataKey();
    const sealed = sealing.seal(theirs, context, 'secret');
    expect(() => sealing.open(mine, context, sealed)).toThrow(SealedDataError);
  });

  it('lets only the recipient open a sealed data key', async () => {
    const recipient = await keys.createIdentity('u-1', 'password of the recipient');
    const stranger = await keys.createIdentity('u-2', 'password of the stranger');
    const key = sealing.newDataKey();
    const wrap = sealing.sealDataKey(key, recipient.identity.publicKey);
    const opened = sealing.openDataKey(key.keyId, wrap, recipient.identity);
    expect(opened).not.toBeNull();
    expect(sealing.open(opened ?? key, context, sealing.seal(key, context, 'text'))).toBe('text');
    expect(sealing.openDataKey(key.keyId, wrap, stranger.identity)).toBeNull();
    expect(
      sealing.openDataKey(key.keyId, alter(`x.${wrap}`, 3).slice(2), recipient.identity),
    ).toBeNull();
  });
});

describe('staff keys', () => {
  it('unlocks a staff key with the right password only', async () => {
    const created = await keys.createIdentity('u-1', 'correct horse battery staple');
    const locked = created.lockedPrivateKey;
    expect(
      await keys.unlockIdentity(
        'u-1',
        created.identity.publicKey,
        locked,
        'correct horse battery staple',
      ),
    ).not.toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (guess) => {
        fc.pre(guess !== 'correct horse battery staple');
        expect(
          await keys.unlockIdentity('u-1', created.identity.publicKey, locked, guess),
        ).toBeNull();
      }),
      { numRuns: 5 },
    );
    expect(
      await keys.unlockIdentity(
        'u-2',
        created.identity.publicKey,
        locked,
        'correct horse battery staple',
      ),
    ).toBeNull();
  });

  it('carries a key in a session only for the holder of that session’s token', async () => {
    const { identity } = await keys.createIdentity('u-1', 'correct horse battery staple');
    const wrapped = keys.wrapForSession(identity, 's-1', 'token-of-the-cookie');
    const back = keys.unwrapFromSession(
      'u-1',
      identity.publicKey,
      wrapped,
      's-1',
      'token-of-the-cookie',
    );
    expect(back?.publicKey).toBe(identity.publicKey);
    expect(
      keys.unwrapFromSession('u-1', identity.publicKey, wrapped, 's-1', 'another-token'),
    ).toBeNull();
    expect(
      keys.unwrapFromSession('u-1', identity.publicKey, wrapped, 's-2', 'token-of-the-cookie'),
    ).toBeNull();
    expect(
      keys.unwrapFromSession(
        'u-1',
        identity.publicKey,
        alter(wrapped, 7),
        's-1',
        'token-of-the-cookie',
      ),
    ).toBeNull();
  });

  it('opens escrow only with the matching private key', () => {
    const escrow = keys.createEscrowKeyPair();
    const other = keys.createEscrowKeyPair();
    expect(keys.escrowIdentity('org-1', escrow.publicKey, `${escrow.privateKey}\n`)).not.toBeNull();
    expect(keys.escrowIdentity('org-1', escrow.publicKey, other.privateKey)).toBeNull();
    expect(keys.escrowIdentity('org-1', escrow.publicKey, 'not a key')).toBeNull();
  });
});
