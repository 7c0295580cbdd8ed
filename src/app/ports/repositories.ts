import type { Role } from '../../domain/access/roles.ts';
import type { StaffSession } from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { AuditEntry, AuditEvent } from '../../domain/audit/audit-entry.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { Report } from '../../domain/intake/report.ts';
import type { Person } from '../../domain/persons/person.ts';
import type { Place, PlaceKind } from '../../domain/places/place.ts';
import type { LegalDecision } from '../../domain/rules/legal-decision.ts';
import type { RuleChoice, RuleDispute } from '../../domain/rules/rule-settings.ts';
import type { UnlockedIdentity } from './key-crypto.ts';

export type Organisation = {
  id: string;
  name: string;
  createdAt: Date;
  /** Every case is also sealed to this key; its private half is kept offline. */
  escrowPublicKey: string | null;
  /** Days a closed case is kept before it is destroyed; null keeps it until deleted by hand. */
  closedCaseRetentionDays: number | null;
};

export interface OrganisationRepository {
  insert(organisation: Organisation): Promise<void>;
  findById(id: string): Promise<Organisation | null>;
  count(): Promise<number>;
  list(): Promise<Organisation[]>;
  setEscrowPublicKey(id: string, publicKey: string): Promise<void>;
  setClosedCaseRetention(id: string, days: number | null): Promise<void>;
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

export type NewCaseRecord = {
  caseFile: CaseFile;
  persons: Person[];
  recipients: KeyRecipient[];
  /** Blind index per person id, where one could be computed. */
  matchIndexes: ReadonlyMap<string, string>;
  /** The hotline report that opened the case, with the hash of its follow-up token. */
  report?: { report: Report; followUpHash: string };
};

/** Someone a case's data key is sealed to: a staff member, or the organisation's escrow. */
export type KeyRecipient = { kind: 'staff' | 'escrow'; id: string; publicKey: string };

/**
 * Case files with their persons. Personal fields are sealed and opened here and nowhere else:
 * callers hand in and get back plaintext domain objects, and an unlocked identity to open with.
 */
export interface CaseFileRepository {
  /** Stores a new case under a fresh data key sealed to each recipient. */
  create(newCase: NewCaseRecord): Promise<void>;
  /**
   * Case frames of an organisation with the operational part of the report that opened each,
   * newest first; only cases assigned to `assigneeId` when given.
   */
  listFrames(
    orgId: string,
    filter: { status: 'open' | 'closed'; assigneeId?: string; limit: number },
  ): Promise<{ caseFile: CaseFile; report: Omit<Report, 'personalAnswers'> | null }[]>;
  /**
   * For each given case, the other live cases with a person in the same blind-index bucket:
   * likely the same person, for a coordinator to check and merge.
   */
  findLikelyDuplicates(orgId: string, caseIds: string[]): Promise<Map<string, string[]>>;
  /** The report that opened the case with its personal answers; null without a key or report. */
  openReport(caseFile: CaseFile, opener: UnlockedIdentity): Promise<Report | null>;
  /** The report behind a follow-up token's hash, without its personal answers. */
  findReportByFollowUpHash(
    followUpHash: string,
  ): Promise<{ report: Omit<Report, 'personalAnswers'>; caseFile: CaseFile } | null>;
  /** Cases with a person in this blind-index bucket: candidates, to be confirmed once opened. */
  findCaseIdsByMatchIndex(orgId: string, matchIndex: string): Promise<string[]>;
  /** The operational frame only: enough to decide who may open the case. */
  findFrame(orgId: string, caseId: string): Promise<CaseFile | null>;
  /** The case's persons; null when the identity holds no key to this case. */
  openPersons(caseFile: CaseFile, identity: UnlockedIdentity): Promise<Person[] | null>;
  /** Seals the case's key to one more recipient, opening it with the opener's identity. */
  grant(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    recipient: KeyRecipient,
    now: Date,
  ): Promise<boolean>;
  assign(caseFile: CaseFile, userId: string, now: Date): Promise<void>;
  close(caseFile: CaseFile, now: Date): Promise<void>;
  /** Records a legal position on the case, its facts sealed; false without a key to the case. */
  addDecision(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    decision: LegalDecision,
  ): Promise<boolean>;
  /** The case's recorded legal positions, oldest first; null without a key to the case. */
  listDecisions(caseFile: CaseFile, opener: UnlockedIdentity): Promise<LegalDecision[] | null>;
  /** Closed cases of the organisation closed at or before the cutoff. */
  listClosedBefore(orgId: string, cutoff: Date): Promise<string[]>;
  /** Crypto-shredding: every wrap of the case's key and every sealed value are destroyed. */
  shred(caseFile: CaseFile, now: Date): Promise<void>;
  /** Cases whose key is sealed to this escrow key, for recovery and rotation. */
  listEscrowedCaseIds(orgId: string): Promise<string[]>;
  /** Replaces one recipient's wraps of the case's current key (re-sealing after a key change). */
  replaceWrap(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    recipient: KeyRecipient,
    now: Date,
  ): Promise<boolean>;
  /** Re-seals every personal field under a new data key, wrapped to the same recipients. */
  rotateDataKey(caseFile: CaseFile, opener: UnlockedIdentity, now: Date): Promise<boolean>;
}

/** An organisation's choices among disputed rule versions, and its lawyers' disputes. */
export interface RuleSettingsRepository {
  listChoices(orgId: string): Promise<RuleChoice[]>;
  setChoice(choice: RuleChoice): Promise<void>;
  clearChoice(orgId: string, ruleId: string): Promise<void>;
  listDisputes(orgId: string): Promise<RuleDispute[]>;
  addDispute(dispute: RuleDispute): Promise<void>;
}

export type PlaceFilter = {
  /** Any of these kinds; every kind when empty. */
  kinds: readonly PlaceKind[];
  /** Typed by staff, in either script; matched as `place-search.ts` says. Empty: no filter. */
  query: string;
  limit: number;
};

/** An organisation's list of places: operational data, in clear. */
export interface PlaceRepository {
  insert(place: Place): Promise<void>;
  /**
   * Adds shipped places the organisation does not have yet (by source key), leaving every place
   * it has, edited or not, as it is. Returns how many were added.
   */
  insertMissingShipped(places: readonly Place[]): Promise<number>;
  update(place: Place): Promise<void>;
  findById(orgId: string, id: string): Promise<Place | null>;
  /** In alphabetical order of the Russian name. */
  search(orgId: string, filter: PlaceFilter): Promise<Place[]>;
  /** The source keys of the shipped places the organisation holds. */
  listSourceKeys(orgId: string): Promise<Set<string>>;
}

/** Everything a use case may touch inside one transaction. */
export type Repositories = {
  organisations: OrganisationRepository;
  staffUsers: StaffUserRepository;
  staffSessions: StaffSessionRepository;
  recoveryCodes: RecoveryCodeRepository;
  enrolmentTokens: EnrolmentTokenRepository;
  auditLog: AuditLogRepository;
  caseFiles: CaseFileRepository;
  ruleSettings: RuleSettingsRepository;
  places: PlaceRepository;
};

/**
 * Runs work in one database transaction: all of it commits, or none. The audit entry of a
 * change is written through the same `Repositories`, so it commits with the change.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
