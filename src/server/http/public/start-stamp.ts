import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** When a reporter opened the form, signed so that a client cannot claim an earlier start. */
export type StartStamps = {
  issue(now: Date): string;
  /** The signed start in milliseconds, or null for a stamp this process did not sign. */
  startedAt(stamp: string): number | null;
};

const stampPattern = /^(\d{1,15})\.([\w-]{43})$/;

/**
 * Stamps for the minimum fill time of the web form. The key is random per process: a stamp
 * issued before a restart, or by another instance behind the same address, does not verify,
 * and the form then asks once more for the final submit (with a fresh stamp) instead of
 * storing. Instances that must agree need one shared key passed in here.
 */
export function startStamps(key: Buffer = randomBytes(32)): StartStamps {
  const sign = (ms: string) =>
    createHmac('sha256', key).update(`report-started:${ms}`).digest('base64url');
  return {
    issue(now) {
      const ms = String(now.getTime());
      return `${ms}.${sign(ms)}`;
    },
    startedAt(stamp) {
      const match = stampPattern.exec(stamp);
      if (match === null) return null;
      const [, ms = '', signature = ''] = match;
      const expected = Buffer.from(sign(ms));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given)
        ? Number(ms)
        : null;
    },
  };
}
