/**
 * Opaque bearer secrets (session tokens, enrolment links, recovery codes). Only their hash is
 * ever stored, so a copy of the database cannot be used to log in.
 */
export interface SecretTokens {
  /** A new token with at least 256 bits of randomness, URL-safe. */
  newToken(): string;
  /** A short code people can type: recovery codes. */
  newRecoveryCode(): string;
  /** A case code people can read out on the phone: not a secret, just unambiguous. */
  newCaseCode(): string;
  hash(token: string): string;
}
