export type TotpCheck = { valid: true; step: number } | { valid: false };

/**
 * Time-based one-time passwords (RFC 6238) for the second factor. Secrets are stored only
 * sealed under a server key kept outside the database and bound to their account, so that a
 * copy of the database does not hand out working second factors.
 */
export interface Totp {
  /** A new secret: in clear to show once for scanning, and sealed for storage. */
  newSecret(userId: string): { secret: string; sealedSecret: string };
  /** The otpauth:// address an authenticator app reads, and it drawn as a QR code (data URL). */
  enrolment(input: { secret: string; issuer: string; label: string }): Promise<{
    uri: string;
    qrCodeDataUrl: string;
  }>;
  /**
   * Accepts only codes from a time step after `afterStep`, so that a code works once. A secret
   * that does not open (altered, moved to another account, or in clear) accepts no code.
   */
  check(input: {
    userId: string;
    sealedSecret: string;
    code: string;
    now: Date;
    afterStep: number | null;
  }): Promise<TotpCheck>;
}
