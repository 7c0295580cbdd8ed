import type { Role } from '../access/roles.ts';
import type { DataClasses } from '../sealing/data-class.ts';

export type StaffUserStatus = 'invited' | 'active' | 'revoked';

/** A member of an organisation's staff, as the account rules see it. */
export type StaffUser = {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  status: StaffUserStatus;
  roles: Role[];
  passwordHash: string | null;
  /** The second factor: its secret sealed under a server key, and the last step used. */
  totp: { sealedSecret: string; lastStep: number | null } | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
  /** The X25519 key pair for sealed data; the private half locked under the password. */
  keys: { publicKey: string; lockedPrivateKey: string } | null;
};

/**
 * Staff accounts hold no client's data. Their e-mail and name stay in clear because logging in
 * looks the account up by e-mail before any key is unlocked; secrets are stored only as hashes
 * or locked under the password.
 */
export const staffUserDataClasses: DataClasses<StaffUser> = {
  id: 'operational',
  orgId: 'operational',
  email: 'operational',
  displayName: 'operational',
  status: 'operational',
  roles: 'operational',
  passwordHash: 'operational',
  totp: 'operational',
  failedLoginCount: 'operational',
  lockedUntil: 'operational',
  keys: 'operational',
};

/** Staff sign in by e-mail; comparisons ignore case and surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
