import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditLogRepository } from '../../app/ports/repositories.ts';
import {
  type AuditAction,
  type AuditEntry,
  type AuditEvent,
  auditChainInput,
  auditGenesisHash,
} from '../../domain/audit/audit-entry.ts';
import { fromIso, toIso } from './columns.ts';
import type { AuditLogTable, Database, DialectName } from './database.ts';

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    orgId: row.org_id,
    seq: row.seq,
    id: row.id,
    at: fromIso(row.at),
    actorUserId: row.actor_user_id,
    action: row.action as AuditAction,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: JSON.parse(row.details) as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const readBatch = 1000;

/** Rows per insert statement: far below either database's limit on bound parameters. */
const insertBatch = 500;

/** Must run inside a transaction: the chain head read and the append are one step. */
export function auditLogRepository(db: Kysely<Database>, dialect: DialectName): AuditLogRepository {
  /** Appends entries in the given order after the organisation's chain head, each hashed on. */
  async function appendChained(
    orgId: string,
    events: readonly { event: AuditEvent; id: string }[],
    at: Date,
  ): Promise<AuditEntry[]> {
    if (events.some(({ event }) => event.orgId !== orgId))
      throw new Error('audit entries of one append belong to one organisation');
    if (dialect === 'postgres') {
      // Serialises appends per organisation across app instances; SQLite's write lock
      // (BEGIN IMMEDIATE) already does.
      await sql`select pg_advisory_xact_lock(hashtextextended(${orgId}, 0))`.execute(db);
    }
    const head = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('org_id', '=', orgId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? auditGenesisHash;
    const entries: AuditEntry[] = events.map(({ event, id }) => {
      seq += 1;
      const unhashed = { ...event, seq, id, at, prevHash };
      const entry = {
        ...unhashed,
        hash: createHash('sha256').update(auditChainInput(unhashed)).digest('hex'),
      };
      prevHash = entry.hash;
      return entry;
    });
    for (let start = 0; start < entries.length; start += insertBatch) {
      await db
        .insertInto('audit_log')
        .values(
          entries.slice(start, start + insertBatch).map((entry) => ({
            org_id: entry.orgId,
            seq: entry.seq,
            id: entry.id,
            at: toIso(entry.at),
            actor_user_id: entry.actorUserId,
            action: entry.action,
            subject_type: entry.subjectType,
            subject_id: entry.subjectId,
            details: JSON.stringify(entry.details),
            prev_hash: entry.prevHash,
            hash: entry.hash,
          })),
        )
        .execute();
    }
    return entries;
  }

  return {
    async append(event, id, at) {
      const [entry] = await appendChained(event.orgId, [{ event, id }], at);
      if (entry === undefined) throw new Error('audit entry not appended');
      return entry;
    },

    async appendMany(orgId, events, at) {
      return appendChained(orgId, events, at);
    },

    async *readChain(orgId) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(readBatch)
          .execute();
        for (const row of rows) yield toAuditEntry(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < readBatch) return;
        after = last.seq;
      }
    },

    async listOrganisationIds() {
      const rows = await db
        .selectFrom('audit_log')
        .select('org_id')
        .distinct()
        .orderBy('org_id')
        .execute();
      return rows.map((row) => row.org_id);
    },
  };
}
