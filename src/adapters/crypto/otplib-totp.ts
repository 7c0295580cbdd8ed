import sodium from 'libsodium-wrappers-sumo';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Totp } from '../../app/ports/totp.ts';
import { aeadOpen, aeadSeal } from './sodium-keys.ts';

await sodium.ready;

/** One period either side: clocks on phones drift, and people type slowly under stress. */
const toleranceSeconds = 30;
const sealedPrefix = 'totp1.';

const associated = (userId: string) => `habeas:totp-secret:${userId}`;

/** TOTP with secrets sealed under `secretKey`, a server key that never enters the database. */
export function otplibTotp(options: { secretKey: Uint8Array }): Totp {
  const seal = (userId: string, secret: string) =>
    `${sealedPrefix}${sodium.to_base64(
      aeadSeal(options.secretKey, associated(userId), secret),
      sodium.base64_variants.URLSAFE_NO_PADDING,
    )}`;

  const open = (userId: string, sealedSecret: string): string | null => {
    // A secret in clear is refused too: writing one into the database must not pass a login.
    if (!sealedSecret.startsWith(sealedPrefix)) return null;
    let bytes: Uint8Array;
    try {
      bytes = sodium.from_base64(
        sealedSecret.slice(sealedPrefix.length),
        sodium.base64_variants.URLSAFE_NO_PADDING,
      );
    } catch {
      return null;
    }
    const opened = aeadOpen(options.secretKey, associated(userId), bytes);
    return opened === null ? null : sodium.to_string(opened);
  };

  return {
    newSecret(userId) {
      const secret = generateSecret({ length: 20 });
      return { secret, sealedSecret: seal(userId, secret) };
    },

    async enrolment({ secret, issuer, label }) {
      const uri = generateURI({ issuer, label, secret });
      const qrCodeDataUrl = await QRCode.toDataURL(uri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 240,
      });
      return { uri, qrCodeDataUrl };
    },

    async check({ userId, sealedSecret, code, now, afterStep }) {
      const token = code.replace(/\s/g, '');
      if (!/^\d{6}$/.test(token)) return { valid: false };
      const secret = open(userId, sealedSecret);
      if (secret === null) return { valid: false };
      // otplib 13 returns a result object: test `.valid`, never the object itself.
      const result = await verify({
        secret,
        token,
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: toleranceSeconds,
        ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
      });
      return result.valid && 'timeStep' in result
        ? { valid: true, step: result.timeStep }
        : { valid: false };
    },
  };
}
