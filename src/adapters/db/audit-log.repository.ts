import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditLogRepository } from '../../app/ports/repositories.ts';
import {
  type AuditAction,
  type AuditEntry,
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

/** Must run inside a transaction: the chain head read and the append are one step. */
export function auditLogRepository(db: Kysely<Database>, dialect: DialectName): AuditLogRepository {
  return {
    async append(event, id, at) {
      if (dialect === 'postgres') {
        // Serialises appends per organisation across app instances; SQLite's write lock
        // (BEGIN IMMEDIATE) already does.
        await sql`select pg_advisory_xact_lock(hashtextextended(${event.orgId}, 0))`.execute(db);
      }
      const head = await db
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .where('org_id', '=', event.orgId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const unhashed = {
        ...event,
        seq: (head?.seq ?? 0) + 1,
        id,
        at,
        prevHash: head?.hash ?? auditGenesisHash,
      };
      const entry = {
        ...unhashed,
        hash: createHash('sha256').update(auditChainInput(unhashed)).digest('hex'),
      };
      await db
        .insertInto('audit_log')
        .values({
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
        })
        .execute();
      return entry;
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
