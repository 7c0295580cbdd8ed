export const passwordMinLength = 12;
/** Argon2 hashes whatever it is given; a cap keeps a megabyte "password" from costing CPU. */
export const passwordMaxLength = 256;

export type PasswordVerdict =
  | { ok: true }
  | { ok: false; reason: 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON' };

/**
 * Length first (NIST SP 800-63B), then a list of passwords known from breaches. No composition
 * rules: they push people to predictable patterns.
 */
export function judgePassword(
  password: string,
  isCommon: (candidate: string) => boolean,
): PasswordVerdict {
  const length = [...password].length;
  if (length < passwordMinLength) return { ok: false, reason: 'TOO_SHORT' };
  if (length > passwordMaxLength) return { ok: false, reason: 'TOO_LONG' };
  if (isCommon(password.toLowerCase())) return { ok: false, reason: 'TOO_COMMON' };
  return { ok: true };
}
