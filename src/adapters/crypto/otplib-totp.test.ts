import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { otplibTotp } from './otplib-totp.ts';

const totp = otplibTotp({ secretKey: randomBytes(32) });
const now = new Date('2026-11-29T10:00:00Z');
const epoch = Math.floor(now.getTime() / 1000);
const userId = '01930000-0000-7000-8000-000000000001';

describe('otplibTotp', () => {
  it('accepts the current code and reports its time step', async () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch });
    expect(await totp.check({ userId, sealedSecret, code, now, afterStep: null })).toEqual({
      valid: true,
      step: Math.floor(epoch / 30),
    });
  });

  it('refuses a wrong code', async () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await totp.check({ userId, sealedSecret, code: wrong, now, afterStep: null })).toEqual({
      valid: false,
    });
  });

  it('refuses a code from a step already used', async () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch });
    const afterStep = Math.floor(epoch / 30);
    expect(await totp.check({ userId, sealedSecret, code, now, afterStep })).toEqual({
      valid: false,
    });
  });

  it('refuses a code from five minutes ago', async () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch: epoch - 300 });
    expect(await totp.check({ userId, sealedSecret, code, now, afterStep: null })).toEqual({
      valid: false,
    });
  });

  it('stores the secret only sealed', () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    expect(sealedSecret).not.toContain(secret);
    expect(sealedSecret).toMatch(/^totp1\./);
  });

  it('refuses every code for a secret moved to another account', async () => {
    const { secret, sealedSecret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch });
    const otherUserId = '01930000-0000-7000-8000-000000000002';
    expect(
      await totp.check({ userId: otherUserId, sealedSecret, code, now, afterStep: null }),
    ).toEqual({ valid: false });
  });

  it('refuses every code for a secret sealed under another server key', async () => {
    const elsewhere = otplibTotp({ secretKey: randomBytes(32) });
    const { secret, sealedSecret } = elsewhere.newSecret(userId);
    const code = await generate({ secret, epoch });
    expect(await totp.check({ userId, sealedSecret, code, now, afterStep: null })).toEqual({
      valid: false,
    });
  });

  it('refuses every code for a secret written into the database in clear', async () => {
    const { secret } = totp.newSecret(userId);
    const code = await generate({ secret, epoch });
    expect(await totp.check({ userId, sealedSecret: secret, code, now, afterStep: null })).toEqual({
      valid: false,
    });
  });

  it('draws the enrolment address as a QR code', async () => {
    const { uri, qrCodeDataUrl } = await totp.enrolment({
      secret: totp.newSecret(userId).secret,
      issuer: 'Habeas',
      label: 'lawyer@example.org',
    });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Habeas:lawyer%40example\.org\?/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
