export type TotpCheck = { valid: true; step: number } | { valid: false };

/** Time-based one-time passwords (RFC 6238) for the second factor. */
export interface Totp {
  newSecret(): string;
  /** The otpauth:// address an authenticator app reads, and it drawn as a QR code (data URL). */
  enrolment(input: { secret: string; issuer: string; label: string }): Promise<{
    uri: string;
    qrCodeDataUrl: string;
  }>;
  /** Accepts only codes from a time step after `afterStep`, so that a code works once. */
  check(input: {
    secret: string;
    code: string;
    now: Date;
    afterStep: number | null;
  }): Promise<TotpCheck>;
}
