import type { Role } from '../../domain/access/roles.ts';
import type { StaffSession } from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { AuditEntry, AuditEvent } from '../../domain/audit/audit-entry.ts';

export type Organisation = {
  id: string;
  name: string;
  createdAt: Date;
  /** Every case is also sealed to this key; its private half is kept offline. */
  escrowPublicKey: string | null;
};

export interface OrganisationRepository {
  insert(organisation: Organisation): Promise<void>;
  findById(id: string): Promise<Organisation | null>;
  count(): Promise<number>;
  list(): Promise<Organisation[]>;
  setEscrowPublicKey(id: string, publicKey: string): Promise<void>;
}

export interface StaffUserRepository {
  insert(user: StaffUser, now: Date): Promise<void>;
  findById(orgId: string, id: string): Promise<StaffUser | null>;
  findByEmail(email: string): Promise<StaffUser | null>;
  listByOrganisation(orgId: string): Promise<StaffUser[]>;
  /** Writes the account fields a login or enrolment changes. */
  update(user: StaffUser, now: Date): Promise<void>;
  setRoles(orgId: string, userId: string, roles: Role[]): Promise<void>;
}

export interface StaffSessionRepository {
  insert(session: StaffSession, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<StaffSession | null>;
  update(session: StaffSession): Promise<void>;
  /** Revokes every live session of a user, optionally sparing one; returns how many. */
  revokeAllOfUser(orgId: string, userId: string, now: Date, except?: string): Promise<number>;
}

export interface RecoveryCodeRepository {
  replaceAll(orgId: string, userId: string, codeHashes: string[], ids: string[]): Promise<void>;
  /** Marks an unused code as used; false when no such unused code exists. */
  consume(orgId: string, userId: string, codeHash: string, now: Date): Promise<boolean>;
  countUnused(orgId: string, userId: string): Promise<number>;
}

export type EnrolmentPurpose = 'invitation' | 'password-reset';

export type EnrolmentToken = {
  id: string;
  orgId: string;
  userId: string;
  purpose: EnrolmentPurpose;
  expiresAt: Date;
  usedAt: Date | null;
};

export interface EnrolmentTokenRepository {
  insert(token: EnrolmentToken, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<EnrolmentToken | null>;
  markUsed(id: string, now: Date): Promise<void>;
}

export interface AuditLogRepository {
  /** Appends to the organisation's hash chain, in the caller's transaction. */
  append(event: AuditEvent, id: string, at: Date): Promise<AuditEntry>;
  /** The organisation's entries in chain order. */
  readChain(orgId: string): AsyncIterable<AuditEntry>;
  listOrganisationIds(): Promise<string[]>;
}

/** Everything a use case may touch inside one transaction. */
export type Repositories = {
  organisations: OrganisationRepository;
  staffUsers: StaffUserRepository;
  staffSessions: StaffSessionRepository;
  recoveryCodes: RecoveryCodeRepository;
  enrolmentTokens: EnrolmentTokenRepository;
  auditLog: AuditLogRepository;
};

/**
 * Runs work in one database transaction: all of it commits, or none. The audit entry of a
 * change is written through the same `Repositories`, so it commits with the change.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
