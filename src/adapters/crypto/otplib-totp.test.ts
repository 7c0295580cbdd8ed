import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { otplibTotp } from './otplib-totp.ts';

const totp = otplibTotp();
const now = new Date('2026-11-29T10:00:00Z');
const epoch = Math.floor(now.getTime() / 1000);

describe('otplibTotp', () => {
  it('accepts the current code and reports its time step', async () => {
    const secret = totp.newSecret();
    const code = await generate({ secret, epoch });
    expect(await totp.check({ secret, code, now, afterStep: null })).toEqual({
      valid: true,
      step: Math.floor(epoch / 30),
    });
  });

  it('refuses a wrong code', async () => {
    const secret = totp.newSecret();
    const code = await generate({ secret, epoch });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await totp.check({ secret, code: wrong, now, afterStep: null })).toEqual({
      valid: false,
    });
  });

  it('refuses a code from a step already used', async () => {
    const secret = totp.newSecret();
    const code = await generate({ secret, epoch });
    expect(await totp.check({ secret, code, now, afterStep: Math.floor(epoch / 30) })).toEqual({
      valid: false,
    });
  });

  it('refuses a code from five minutes ago', async () => {
    const secret = totp.newSecret();
    const code = await generate({ secret, epoch: epoch - 300 });
    expect(await totp.check({ secret, code, now, afterStep: null })).toEqual({ valid: false });
  });

  it('draws the enrolment address as a QR code', async () => {
    const { uri, qrCodeDataUrl } = await totp.enrolment({
      secret: totp.newSecret(),
      issuer: 'Habeas',
      label: 'lawyer@example.org',
    });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Habeas:lawyer%40example\.org\?/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});
