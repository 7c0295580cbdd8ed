import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Totp } from '../../app/ports/totp.ts';

/** One period either side: clocks on phones drift, and people type slowly under stress. */
const toleranceSeconds = 30;

export function otplibTotp(): Totp {
  return {
    newSecret: () => generateSecret({ length: 20 }),

    async enrolment({ secret, issuer, label }) {
      const uri = generateURI({ issuer, label, secret });
      const qrCodeDataUrl = await QRCode.toDataURL(uri, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 240,
      });
      return { uri, qrCodeDataUrl };
    },

    async check({ secret, code, now, afterStep }) {
      const token = code.replace(/\s/g, '');
      if (!/^\d{6}$/.test(token)) return { valid: false };
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
