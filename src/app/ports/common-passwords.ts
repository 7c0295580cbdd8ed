export interface CommonPasswords {
  /** Whether the lower-cased candidate appears in the list of breached passwords. */
  isCommon(candidate: string): boolean;
}
