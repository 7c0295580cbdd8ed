export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * With `hash` null the password is checked against a built-in dummy and the answer is false,
   * so that a login for an unknown account costs as much time as one for a known account.
   */
  verify(hash: string | null, password: string): Promise<boolean>;
}
