/**
 * Keyed, truncated hashes that find a sealed record without revealing it (the CipherSweet
 * design). Truncation is the point: every value is shared by many people, so the database and
 * the key together narrow to a bucket and never confirm one person.
 */
export interface BlindIndex {
  /** Truncated keyed hash; equal inputs give equal values. */
  personIndex(orgId: string, matchKey: string): string;
  /** How many bits of the hash are kept; the value is `ceil(bits / 4)` hex digits. */
  readonly bits: number;
}
