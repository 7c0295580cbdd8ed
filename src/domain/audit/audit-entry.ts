/**
 * What the audit log records. It answers "who did or read what, when" for the organisation's
 * own oversight; it holds ids and kinds, never personal data.
 */
export type AuditAction =
  | 'organisation.created'
  | 'user.invited'
  | 'user.password-set'
  | 'user.revoked'
  | 'user.role-changed'
  | 'user.telegram-linked'
  | 'user.telegram-unlinked'
  | 'auth.login'
  | 'auth.login-failed'
  | 'auth.logout'
  | 'auth.logout-everywhere'
  | 'auth.second-factor-verified'
  | 'auth.second-factor-failed'
  | 'auth.recovery-code-used'
  | 'auth.totp-enrolled'
  | 'auth.password-reset-requested'
  | 'session.revoked'
  | 'organisation.escrow-set'
  | 'organisation.retention-set'
  | 'rules.choice-set'
  | 'rules.disputed'
  | 'case.created'
  | 'case.read'
  | 'case.access-granted'
  | 'case.access-restored'
  | 'case.key-rotated'
  | 'case.closed'
  | 'case.legal-position-recorded'
  | 'case.event-recorded'
  | 'case.draft-matter-saved'
  | 'case.merged'
  | 'case.task-added'
  | 'case.task-changed'
  | 'case.document-generated'
  | 'case.document-tracked'
  | 'case.evidence-added'
  | 'case.evidence-reviewed'
  | 'case.deleted'
  | 'case.publication-changed'
  | 'case.decryption-failed'
  | 'place.added'
  | 'place.edited'
  | 'place.confirmed'
  | 'place.shipped-added'
  | 'roster.shift-added'
  | 'roster.shift-changed'
  | 'roster.shift-removed'
  | 'roster.escalation-set'
  | 'alert.raised'
  | 'alert.acknowledged'
  | 'cases.imported'
  | 'cases.exported';

export type AuditEvent = {
  orgId: string;
  actorUserId: string | null;
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  /** Operational facts only (ids, counts, kinds). */
  details: Record<string, string | number | boolean | null>;
};

export type AuditEntry = AuditEvent & {
  seq: number;
  id: string;
  at: Date;
  prevHash: string;
  hash: string;
};

/** The hash of the entry before the first one of an organisation. */
export const auditGenesisHash = '0'.repeat(64);

/**
 * The exact text that is hashed for an entry. Fields are listed in a fixed order and details
 * keys sorted, so that the same entry always gives the same text on every database.
 */
export function auditChainInput(entry: Omit<AuditEntry, 'hash'>): string {
  const details = Object.fromEntries(
    Object.keys(entry.details)
      .sort()
      .map((key) => [key, entry.details[key]]),
  );
  return JSON.stringify([
    entry.prevHash,
    entry.orgId,
    entry.seq,
    entry.id,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    details,
  ]);
}

export type AuditChainBreak = {
  seq: number;
  reason: 'hash-mismatch' | 'broken-link' | 'gap';
};

/**
 * Walks one organisation's entries in order and returns the first place where the chain does
 * not hold: an entry whose content no longer matches its hash, one that does not point to its
 * predecessor, or a missing sequence number.
 */
export function findAuditChainBreak(
  entries: Iterable<AuditEntry>,
  hash: (text: string) => string,
): AuditChainBreak | null {
  let expectedPrev = auditGenesisHash;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
    if (entry.prevHash !== expectedPrev) return { seq: entry.seq, reason: 'broken-link' };
    if (hash(auditChainInput(entry)) !== entry.hash)
      return { seq: entry.seq, reason: 'hash-mismatch' };
    expectedPrev = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
