import type { Role } from '../../domain/access/roles.ts';
import type { StaffSession } from '../../domain/accounts/staff-session.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type {
  Alert,
  AlertDelivery,
  AlertDeliveryStatus,
  AlertPage,
  AlertStep,
} from '../../domain/alerts/alert.ts';
import type { AuditEntry, AuditEvent } from '../../domain/audit/audit-entry.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { DraftMatter } from '../../domain/cases/draft-matter.ts';
import type { CaseDocument, CaseDocumentContent } from '../../domain/documents/case-document.ts';
import type { EvidenceItem, PublicationReview } from '../../domain/evidence/evidence-item.ts';
import type { Report } from '../../domain/intake/report.ts';
import type { Person } from '../../domain/persons/person.ts';
import type { Place, PlaceKind } from '../../domain/places/place.ts';
import type { Shift } from '../../domain/roster/shift.ts';
import type { LegalDecision } from '../../domain/rules/legal-decision.ts';
import type { RuleChoice, RuleDispute } from '../../domain/rules/rule-settings.ts';
import type { CasePublication } from '../../domain/stats/case-publication.ts';
import type { CountingPeriod, DayCount, PlaceCount } from '../../domain/stats/public-stats.ts';
import type { CaseTask, CaseTaskFrame } from '../../domain/tasks/case-task.ts';
import type { TimelineEvent } from '../../domain/timeline/timeline-event.ts';
import type { JobRepository } from './job-queue.ts';
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
  /** Appends several entries of one organisation in order, in one step (a bulk import). */
  appendMany(
    orgId: string,
    events: readonly { event: AuditEvent; id: string }[],
    at: Date,
  ): Promise<AuditEntry[]>;
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
  /** Events the case starts with (an imported detention), sealed under the same new key. */
  timeline?: TimelineEvent[];
  /** The draft matter it starts with (an imported list), sealed under the same new key. */
  draftMatter?: { id: string; matter: DraftMatter; updatedBy: string | null; updatedAt: Date };
};

/** New cases already sealed, each under its own fresh key; opaque outside the storage adapter. */
export interface SealedNewCases {
  readonly caseIds: readonly string[];
}

/**
 * Seals new cases without touching the database: sealing a key to each recipient is the costly
 * part of storing a case, so an import does it before its transaction, which then only inserts.
 */
export interface NewCaseSealing {
  seal(newCases: readonly NewCaseRecord[]): SealedNewCases;
}

/** Someone a case's data key is sealed to: a staff member, or the organisation's escrow. */
export type KeyRecipient = { kind: 'staff' | 'escrow'; id: string; publicKey: string };

/**
 * Case files with their persons. Personal fields are sealed and opened here and nowhere else:
 * callers hand in and get back plaintext domain objects, and an unlocked identity to open with.
 */
export type CaseListFilter = {
  status: 'open' | 'closed';
  /** Only cases assigned to this staff member. */
  assigneeId?: string;
  /** Only cases with a timeline event at this place (where he was detained or taken). */
  placeId?: string;
  /** Only cases with an open task due at or before this moment (overdue ones included). */
  taskDueBy?: Date;
  /** Only cases with a detention on their timeline (the live board). */
  detainedOnly?: boolean;
  /** Only these cases. */
  caseIds?: readonly string[];
  /** Only cases opened in this period (a campaign), both ends included. */
  createdFrom?: Date;
  createdTo?: Date;
  limit: number;
};

export interface CaseFileRepository {
  /** Stores a new case under a fresh data key sealed to each recipient. */
  create(newCase: NewCaseRecord): Promise<void>;
  /** Stores new cases sealed beforehand (an import), with a few statements per table. */
  insertSealed(sealed: SealedNewCases): Promise<void>;
  /**
   * Case frames of an organisation with the operational part of the report that opened each,
   * newest first; only cases assigned to `assigneeId` when given.
   */
  listFrames(
    orgId: string,
    filter: CaseListFilter,
  ): Promise<{ caseFile: CaseFile; report: Omit<Report, 'personalAnswers'> | null }[]>;
  /**
   * For each given case, the other live cases with a person in the same blind-index bucket
   * (likely the same person) or a detention at the same place within an hour (likely the same
   * detention), for a coordinator to check and merge.
   */
  findLikelyDuplicates(orgId: string, caseIds: string[]): Promise<Map<string, string[]>>;
  /**
   * The case's reports with their personal answers, the one that opened it first (a merged
   * duplicate brings its own); null without a key to the case.
   */
  openReports(caseFile: CaseFile, opener: UnlockedIdentity): Promise<Report[] | null>;
  /** The report behind a follow-up token's hash, without its personal answers. */
  findReportByFollowUpHash(
    followUpHash: string,
  ): Promise<{ report: Omit<Report, 'personalAnswers'>; caseFile: CaseFile } | null>;
  /** Cases with a person in this blind-index bucket: candidates, to be confirmed once opened. */
  findCaseIdsByMatchIndex(orgId: string, matchIndex: string): Promise<string[]>;
  /** The operational frame only: enough to decide who may open the case. */
  findFrame(orgId: string, caseId: string): Promise<CaseFile | null>;
  /**
   * Open and closed case frames in id order after `afterId`, to walk every case a page at a
   * time; only cases assigned to `assigneeId` when given.
   */
  pageFrames(
    orgId: string,
    page: { afterId: string | null; limit: number; assigneeId?: string },
  ): Promise<CaseFile[]>;
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
  /**
   * Moves every sealed record of `duplicate` except its draft matter into `kept`, re-sealed under
   * kept's key; kept's key is wrapped to duplicate's recipients and its assignees join kept.
   * The duplicate is closed, marked as merged, and its key destroyed. False without both keys.
   */
  mergeInto(
    duplicate: CaseFile,
    kept: CaseFile,
    opener: UnlockedIdentity,
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

/** A report being given in a Telegram chat, as stored: found by a keyed hash of the chat id. */
export type StoredTelegramConversation = {
  chatKey: string;
  orgId: string;
  /** The answers so far and where the reporter stands, sealed; opened only with the chat id. */
  sealedState: string;
  /** Counts saves, so that two app instances never overwrite each other's turn. */
  revision: number;
  expiresAt: Date;
};

export interface TelegramConversationRepository {
  find(chatKey: string): Promise<StoredTelegramConversation | null>;
  /**
   * Stores the next revision: inserts when `revision` is 1, otherwise replaces revision - 1.
   * False when another instance saved or removed the conversation first.
   */
  save(conversation: StoredTelegramConversation, now: Date): Promise<boolean>;
  /** Removes the conversation, only at this revision when one is given; false when absent. */
  remove(chatKey: string, revision?: number): Promise<boolean>;
  /** Removes every conversation past its expiry; returns how many. */
  removeExpired(now: Date): Promise<number>;
}

/** An open task due for someone, with the code people quote for its case, when it has one. */
export type DueCaseTask = { task: CaseTaskFrame; caseCode: string | null };

/**
 * Tasks on cases. Titles are sealed with the case's key and opened here only, with an unlocked
 * identity; due times, assignees and statuses are in clear.
 */
export interface CaseTaskRepository {
  /** Stores a new task, its title sealed; false when the opener holds no key to the case. */
  add(caseFile: CaseFile, opener: UnlockedIdentity, task: CaseTask): Promise<boolean>;
  /** The clear part of one of the case's tasks; null when the case has no such task. */
  findFrame(caseFile: CaseFile, taskId: string): Promise<CaseTaskFrame | null>;
  /** Writes the clear part of a task: due time, assignee, status. */
  updateFrame(task: CaseTaskFrame): Promise<void>;
  /** Seals a new title; false when the opener holds no key to the case. */
  retitle(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    taskId: string,
    title: string,
  ): Promise<boolean>;
  /** The case's tasks with their titles, by due time; null without a key to the case. */
  listOpened(caseFile: CaseFile, opener: UnlockedIdentity): Promise<CaseTask[] | null>;
  /** The titles of some of the case's tasks, by task id; null without a key to the case. */
  openTitles(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    taskIds: readonly string[],
  ): Promise<Map<string, string> | null>;
  /**
   * Open tasks on open cases due before `until`, for one user: those assigned to them, and those
   * assigned to no one on cases assigned to them. By due time, at most `limit`.
   */
  listDueFor(orgId: string, userId: string, until: Date, limit: number): Promise<DueCaseTask[]>;
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

/**
 * Documents generated on cases. The field values and files are sealed with the case's key and
 * opened here only; kind, version, hashes and tracking are in clear.
 */
export interface CaseDocumentRepository {
  /** Stores a new document with its content sealed; false without a key to the case. */
  add(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    document: CaseDocument,
    content: CaseDocumentContent,
  ): Promise<boolean>;
  /** The case's documents, newest first, without their content. */
  listOfCase(caseFile: CaseFile): Promise<CaseDocument[]>;
  find(caseFile: CaseFile, documentId: string): Promise<CaseDocument | null>;
  /** One file of a document, opened; null without a key to the case. */
  openFile(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    documentId: string,
    format: 'docx' | 'pdf',
  ): Promise<Uint8Array | null>;
  /** Writes the tracking of a document: status, dates, the answer's due date. */
  updateTracking(document: CaseDocument): Promise<void>;
  /** Sent documents of these cases whose answer is due on or before `until`, by due date. */
  listAnswersDue(orgId: string, caseIds: readonly string[], until: string): Promise<CaseDocument[]>;
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
  caseTimelines: CaseTimelineRepository;
  ruleSettings: RuleSettingsRepository;
  telegramConversations: TelegramConversationRepository;
  staffTelegramChats: StaffTelegramChatRepository;
  caseTasks: CaseTaskRepository;
  caseDocuments: CaseDocumentRepository;
  places: PlaceRepository;
  roster: RosterRepository;
  alerts: AlertRepository;
  jobs: JobRepository;
  evidence: EvidenceRepository;
  casePublications: CasePublicationRepository;
  publicStats: PublicStatsRepository;
};

/**
 * Staff members' Telegram chats for alerts, each sealed (the database never holds a chat id in
 * clear), and the single-use codes that link a chat, stored as hashes.
 */
export interface StaffTelegramChatRepository {
  /** Replaces any code the staff member had: only the newest one links. */
  putLinkCode(code: {
    codeHash: string;
    orgId: string;
    userId: string;
    expiresAt: Date;
  }): Promise<void>;
  /** Deletes the code as it is read, so that it links once; null when unknown or expired. */
  takeLinkCode(codeHash: string, now: Date): Promise<{ orgId: string; userId: string } | null>;
  putChat(chat: {
    orgId: string;
    userId: string;
    sealedChat: string;
    linkedAt: Date;
  }): Promise<void>;
  findChat(orgId: string, userId: string): Promise<{ sealedChat: string; linkedAt: Date } | null>;
  /** Of these staff members, those with a linked chat. */
  linkedUserIds(orgId: string, userIds: readonly string[]): Promise<Set<string>>;
  /** False when there was none. */
  deleteChat(orgId: string, userId: string): Promise<boolean>;
}

/**
 * Photos, videos and scans on cases. The original bytes, the file name and the review are sealed
 * with the case's key and opened here only; kind, size, SHA-256 and who added it are in clear.
 */
export interface EvidenceRepository {
  /** Stores the item and its original bytes, sealed; false without a key to the case. */
  add(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    item: EvidenceItem,
    original: Uint8Array,
  ): Promise<boolean>;
  /** The case's items, oldest first; null without a key to the case. */
  listOpened(caseFile: CaseFile, opener: UnlockedIdentity): Promise<EvidenceItem[] | null>;
  /** One item; 'no-key' without a key to the case, null when the case has no such item. */
  findOpened(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    evidenceId: string,
  ): Promise<EvidenceItem | null | 'no-key'>;
  /** The original bytes, opened chunk by chunk; null without a key or without such an item. */
  openOriginal(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    evidenceId: string,
  ): Promise<Uint8Array | null>;
  /** Replaces a picture's review, sealed; false without a key to the case. */
  saveReview(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    evidenceId: string,
    review: PublicationReview,
  ): Promise<boolean>;
}

/** Consent to count cases in public statistics. */
export interface CasePublicationRepository {
  /** Null when nobody decided yet: the case is not publishable. */
  find(orgId: string, caseId: string): Promise<CasePublication | null>;
  save(publication: CasePublication): Promise<void>;
}

/**
 * What public statistics read: events of publishable cases only, grouped so that no case id
 * and no time of day leaves storage.
 */
export interface PublicStatsRepository {
  /** When the first and the last event of these kinds happened; null when there is none. */
  eventSpan(orgId: string, kinds: readonly string[]): Promise<{ first: Date; last: Date } | null>;
  /** Counts of the given kinds' events of publishable cases in the period, by kind and day. */
  countPublishedByDay(
    orgId: string,
    kinds: readonly string[],
    period: CountingPeriod,
  ): Promise<DayCount[]>;
  /** Counts of the given kinds' events of publishable cases in the period, by kind and place. */
  countPublishedByPlace(
    orgId: string,
    kinds: readonly string[],
    period: CountingPeriod,
  ): Promise<PlaceCount[]>;
  /** Places of publishable cases' detentions at or after `since`, each once. */
  recentDetentionPlaceIds(orgId: string, since: Date): Promise<string[]>;
}

/** The duty roster and how long an alert waits before it escalates. */
export interface RosterRepository {
  insertShift(shift: Shift, change: { by: string | null; at: Date }): Promise<void>;
  /** False when there is no such shift. */
  updateShift(shift: Shift): Promise<boolean>;
  deleteShift(orgId: string, shiftId: string): Promise<boolean>;
  findShift(orgId: string, shiftId: string): Promise<Shift | null>;
  /** Shifts that overlap the period, earliest first. */
  listShifts(orgId: string, period: { from: Date; to: Date }): Promise<Shift[]>;
  /** Null when the organisation never chose: the default applies. */
  findEscalationMinutes(orgId: string): Promise<number | null>;
  setEscalationMinutes(
    orgId: string,
    minutes: number,
    change: { by: string | null; at: Date },
  ): Promise<void>;
}

/** Alerts, whom they paged, their deliveries per channel and their log. */
export interface AlertRepository {
  insert(alert: Alert): Promise<void>;
  findById(orgId: string, alertId: string): Promise<Alert | null>;
  /**
   * Moves an open alert from one escalation step to the next; false when it is no longer open or
   * another runner moved it first. This compare-and-set is what keeps a step from firing twice.
   */
  advance(alert: Alert, fromLevel: number): Promise<boolean>;
  /** Closes an open alert; false when it was acknowledged already. */
  acknowledge(alert: Alert, userId: string, at: Date): Promise<boolean>;
  listOpen(orgId: string): Promise<Alert[]>;
  listOfCase(orgId: string, caseId: string): Promise<Alert[]>;
  addPage(page: AlertPage): Promise<void>;
  listPages(orgId: string, alertIds: string[]): Promise<AlertPage[]>;
  /** Replaces the page's acknowledgement link: only its hash is kept. */
  setAckToken(page: AlertPage, tokenHash: string, expiresAt: Date): Promise<void>;
  findPageByAckToken(tokenHash: string): Promise<{ page: AlertPage; expiresAt: Date } | null>;
  /** Spends the page's link; false when it was spent already. */
  spendAckToken(page: AlertPage): Promise<boolean>;
  addDelivery(delivery: AlertDelivery): Promise<void>;
  findDelivery(orgId: string, deliveryId: string): Promise<AlertDelivery | null>;
  recordDeliveryAttempt(
    delivery: AlertDelivery,
    outcome: { status: AlertDeliveryStatus; at: Date },
  ): Promise<void>;
  listDeliveries(orgId: string, alertIds: string[]): Promise<AlertDelivery[]>;
  addStep(step: AlertStep): Promise<void>;
  listStepsOfCase(orgId: string, caseId: string): Promise<AlertStep[]>;
}

/** A case's timeline and draft matter; the sealed parts open only with a key to the case. */
export interface CaseTimelineRepository {
  /** False when the opener holds no key to the case. */
  addEvent(caseFile: CaseFile, opener: UnlockedIdentity, event: TimelineEvent): Promise<boolean>;
  /** An event with no note needs no key: the intake records the detention it was told of. */
  addEventFrame(event: Omit<TimelineEvent, 'note'>): Promise<void>;
  /**
   * An event with nothing to seal (no note), recorded without a key: what a report says about a
   * detention, before anyone has opened the case.
   */
  addEventFrame(event: TimelineEvent & { note: null }): Promise<void>;
  /** Kinds, times and places only, oldest first: enough to check a new event's order. */
  listEventFrames(caseFile: CaseFile): Promise<Omit<TimelineEvent, 'note'>[]>;
  /** Kinds, times and places of several cases' events, oldest first, by case id. */
  listEventFramesOf(
    orgId: string,
    caseIds: string[],
  ): Promise<Map<string, Omit<TimelineEvent, 'note'>[]>>;
  /** Oldest first, notes opened; null without a key to the case. */
  openEvents(caseFile: CaseFile, opener: UnlockedIdentity): Promise<TimelineEvent[] | null>;
  /** The case's draft matter (empty when none was recorded); null without a key to the case. */
  openDraftMatter(caseFile: CaseFile, opener: UnlockedIdentity): Promise<DraftMatter | null>;
  /** Replaces the draft matter; `newId` names it when it is the first. False without a key. */
  saveDraftMatter(
    caseFile: CaseFile,
    opener: UnlockedIdentity,
    matter: DraftMatter,
    change: { newId: string; by: string; at: Date },
  ): Promise<boolean>;
}

/**
 * Runs work in one database transaction: all of it commits, or none. The audit entry of a
 * change is written through the same `Repositories`, so it commits with the change.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
