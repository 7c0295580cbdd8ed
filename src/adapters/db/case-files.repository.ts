import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { DataKey, RecordSealing, UnlockedIdentity } from '../../app/ports/key-crypto.ts';
import type { CaseFileRepository, KeyRecipient } from '../../app/ports/repositories.ts';
import type { CaseFile, CaseStatus } from '../../domain/cases/case-file.ts';
import type { Answers } from '../../domain/intake/answers.ts';
import type { IntakeChannel, Report } from '../../domain/intake/report.ts';
import type { Person } from '../../domain/persons/person.ts';
import type { LegalDecision } from '../../domain/rules/legal-decision.ts';
import { isSameDetention, sameDetentionWindowMs } from '../../domain/timeline/same-detention.ts';
import { openCaseDataKey, recordSealer } from './case-keys.ts';
import { fromIso, fromIsoOrNull, toIso } from './columns.ts';
import type {
  CaseFilesTable,
  Database,
  LegalDecisionsTable,
  PersonsTable,
  ReportsTable,
} from './database.ts';
import { insertNewCases, reportContext, sealedRowsOf, sealNewCaseRows } from './new-case-rows.ts';
import { type SealedTable, sealContext, sealedColumnsByTable } from './sealed-columns.ts';

function toCaseFile(row: Selectable<CaseFilesTable>, assigneeIds: string[]): CaseFile {
  return {
    id: row.id,
    orgId: row.org_id,
    status: row.status as CaseStatus,
    assigneeIds,
    createdBy: row.created_by,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
    closedAt: fromIsoOrNull(row.closed_at),
    mergedInto: row.merged_into,
  };
}

/** The operational columns of a report: what a list shows without opening the case. */
const reportFrameColumns = [
  'id',
  'org_id',
  'case_id',
  'channel',
  'case_code',
  'questionnaire_id',
  'questionnaire_version',
  'operational_answers',
  'received_at',
] as const;

function reportFrame(
  row: Pick<Selectable<ReportsTable>, (typeof reportFrameColumns)[number]>,
): Omit<Report, 'personalAnswers'> {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    channel: row.channel as IntakeChannel,
    caseCode: row.case_code,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    operationalAnswers: JSON.parse(row.operational_answers) as Answers,
    receivedAt: fromIso(row.received_at),
  };
}

/** Ids in code-unit order: the same on both databases, whatever the collation. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Up to this many cases seen at a place, the case list reads them through the place and sorts
 * them; a busier place is checked case by case while walking the newest cases, which fills a
 * page sooner. Planners cannot tell a quiet station from the busiest centre, so this decides.
 */
export const placeCasesReadThroughPlace = 5_000;

export function caseFilesRepository(
  db: Kysely<Database>,
  sealing: RecordSealing,
  options: { placeCasesReadThroughPlace?: number } = {},
): CaseFileRepository {
  const placeThreshold = options.placeCasesReadThroughPlace ?? placeCasesReadThroughPlace;
  const openDataKey = (caseFile: CaseFile, identity: UnlockedIdentity) =>
    openCaseDataKey(db, sealing, caseFile, identity);

  async function findFrame(orgId: string, caseId: string): Promise<CaseFile | null> {
    const row = await db
      .selectFrom('case_files')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (row === undefined) return null;
    const assignees = await db
      .selectFrom('case_assignments')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .orderBy('user_id')
      .execute();
    return toCaseFile(
      row,
      assignees.map((assignee) => assignee.user_id),
    );
  }

  async function updateFrame(
    caseFile: CaseFile,
    changes: Updateable<CaseFilesTable>,
  ): Promise<void> {
    await db
      .updateTable('case_files')
      .set(changes)
      .where('org_id', '=', caseFile.orgId)
      .where('id', '=', caseFile.id)
      .execute();
  }

  /** Seals the key to a recipient, replacing any earlier wrap of the same key to him. */
  async function insertWrap(
    caseFile: CaseFile,
    key: DataKey,
    recipient: KeyRecipient,
    now: Date,
  ): Promise<void> {
    await db
      .deleteFrom('case_key_wraps')
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id)
      .where('key_id', '=', key.keyId)
      .where('recipient_kind', '=', recipient.kind)
      .where('recipient_id', '=', recipient.id)
      .execute();
    await db
      .insertInto('case_key_wraps')
      .values({
        org_id: caseFile.orgId,
        case_id: caseFile.id,
        key_id: key.keyId,
        recipient_kind: recipient.kind,
        recipient_id: recipient.id,
        recipient_public_key: recipient.publicKey,
        sealed_key: sealing.sealDataKey(key, recipient.publicKey),
        created_at: toIso(now),
      })
      .execute();
  }

  function openPerson(row: Selectable<PersonsTable>, key: DataKey): Person {
    const sealer = recordSealer(sealing, key, 'persons', row.id);
    return {
      id: row.id,
      orgId: row.org_id,
      caseId: row.case_id,
      fullName: sealer.open('full_name', row.full_name) ?? '',
      birthDate: sealer.open('birth_date', row.birth_date),
      phone: sealer.open('phone', row.phone),
      notes: sealer.open('notes', row.notes),
      createdAt: fromIso(row.created_at),
    };
  }

  const decisionContext = (decisionId: string) =>
    sealContext('legal_decisions', decisionId, 'facts_snapshot');

  async function decisionRows(caseFile: CaseFile) {
    return db
      .selectFrom('legal_decisions')
      .selectAll()
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  function openDecision(row: Selectable<LegalDecisionsTable>, key: DataKey): LegalDecision {
    return {
      id: row.id,
      orgId: row.org_id,
      caseId: row.case_id,
      packId: row.pack_id,
      packVersion: row.pack_version,
      packHash: row.pack_hash,
      asOf: row.as_of,
      choices: JSON.parse(row.choices) as LegalDecision['choices'],
      factsSnapshot: JSON.parse(
        sealing.open(key, decisionContext(row.id), row.facts_snapshot),
      ) as LegalDecision['factsSnapshot'],
      createdBy: row.created_by,
      createdAt: fromIso(row.created_at),
    };
  }

  /** Re-seals every sealed value of the case in one table under the new key. */
  async function resealTable(
    caseFile: CaseFile,
    table: SealedTable,
    oldKey: DataKey,
    newKey: DataKey,
  ) {
    const columns: readonly string[] = sealedColumnsByTable[table];
    const rows = await sql<Record<string, string | null>>`
      select id, ${sql.join(columns.map((column) => sql.ref(column)))} from ${sql.table(table)}
      where org_id = ${caseFile.orgId} and case_id = ${caseFile.id}`.execute(db);
    for (const row of rows.rows) {
      const id = row.id ?? '';
      const resealed = columns.map((column) => {
        const value = row[column] ?? null;
        const context = { table, recordId: id, field: column };
        return value === null
          ? null
          : sealing.seal(newKey, context, sealing.open(oldKey, context, value));
      });
      await sql`update ${sql.table(table)} set ${sql.join(
        columns.map((column, index) => sql`${sql.ref(column)} = ${resealed[index] ?? null}`),
      )} where id = ${id}`.execute(db);
    }
  }

  async function personRows(caseFile: CaseFile) {
    return db
      .selectFrom('persons')
      .selectAll()
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async function recipientsOf(caseFile: CaseFile, keyId: string): Promise<KeyRecipient[]> {
    const rows = await db
      .selectFrom('case_key_wraps')
      .select(['recipient_kind', 'recipient_id', 'recipient_public_key'])
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id)
      .where('key_id', '=', keyId)
      .execute();
    return rows.map((row) => ({
      kind: row.recipient_kind as KeyRecipient['kind'],
      id: row.recipient_id,
      publicKey: row.recipient_public_key,
    }));
  }

  /** Pairs of a given case and another live case detained at the same place within the window. */
  async function sameDetentions(orgId: string, caseIds: string[]): Promise<[string, string][]> {
    const sighting = (row: { case_id: string; place_id: string | null; occurred_at: string }) => ({
      caseId: row.case_id,
      placeId: row.place_id ?? '',
      occurredAt: fromIso(row.occurred_at),
    });
    const mine = (
      await db
        .selectFrom('timeline_events')
        .select(['case_id', 'place_id', 'occurred_at'])
        .where('org_id', '=', orgId)
        .where('kind', '=', 'detained')
        .where('place_id', 'is not', null)
        .where('case_id', 'in', caseIds)
        .execute()
    ).map(sighting);
    if (mine.length === 0) return [];
    const times = mine.map((event) => event.occurredAt.getTime());
    const candidates = (
      await db
        .selectFrom('timeline_events')
        .innerJoin('case_files', (join) =>
          join
            .onRef('case_files.org_id', '=', 'timeline_events.org_id')
            .onRef('case_files.id', '=', 'timeline_events.case_id'),
        )
        .select([
          'timeline_events.case_id',
          'timeline_events.place_id',
          'timeline_events.occurred_at',
        ])
        .where('timeline_events.org_id', '=', orgId)
        .where('timeline_events.kind', '=', 'detained')
        .where('timeline_events.place_id', 'in', [...new Set(mine.map((event) => event.placeId))])
        .where(
          'timeline_events.occurred_at',
          '>=',
          toIso(new Date(Math.min(...times) - sameDetentionWindowMs)),
        )
        .where(
          'timeline_events.occurred_at',
          '<=',
          toIso(new Date(Math.max(...times) + sameDetentionWindowMs)),
        )
        .where('case_files.status', '!=', 'deleted')
        .where('case_files.merged_into', 'is', null)
        .execute()
    ).map(sighting);
    return mine.flatMap((event) =>
      candidates
        .filter((candidate) => isSameDetention(event, candidate))
        .map((candidate): [string, string] => [event.caseId, candidate.caseId]),
    );
  }

  return {
    async create(newCase) {
      await insertNewCases(db, sealNewCaseRows(sealing, [newCase]));
    },

    async insertSealed(sealed) {
      await insertNewCases(db, sealedRowsOf(sealed));
    },

    async findReportByFollowUpHash(followUpHash) {
      const row = await db
        .selectFrom('reports')
        .selectAll()
        .where('follow_up_hash', '=', followUpHash)
        .executeTakeFirst();
      if (row === undefined) return null;
      const caseFile = await findFrame(row.org_id, row.case_id);
      if (caseFile === null) return null;
      return { caseFile, report: reportFrame(row) };
    },

    async listFrames(orgId, filter) {
      let query = db
        .selectFrom('case_files')
        .selectAll('case_files')
        .where('case_files.org_id', '=', orgId)
        .where('case_files.status', '=', filter.status);
      if (filter.placeId !== undefined) {
        const placeId = filter.placeId;
        const atPlace = await db
          .selectFrom('timeline_events')
          .select('case_id')
          .distinct()
          .where('org_id', '=', orgId)
          .where('place_id', '=', placeId)
          .limit(placeThreshold + 1)
          .execute();
        if (atPlace.length === 0) return [];
        query =
          atPlace.length <= placeThreshold
            ? query.where(
                'case_files.id',
                'in',
                atPlace.map((row) => row.case_id),
              )
            : query.where((eb) =>
                eb.exists(
                  eb
                    .selectFrom('timeline_events')
                    .select('timeline_events.case_id')
                    .where('timeline_events.org_id', '=', orgId)
                    .where('timeline_events.place_id', '=', placeId)
                    .whereRef('timeline_events.case_id', '=', 'case_files.id'),
                ),
              );
      }
      if (filter.caseIds !== undefined) {
        if (filter.caseIds.length === 0) return [];
        query = query.where('case_files.id', 'in', [...filter.caseIds]);
      }
      if (filter.detainedOnly === true) {
        query = query.where('case_files.id', 'in', (eb) =>
          eb
            .selectFrom('timeline_events')
            .select('timeline_events.case_id')
            .where('timeline_events.org_id', '=', orgId)
            .where('timeline_events.kind', '=', 'detained'),
        );
      }
      if (filter.taskDueBy !== undefined) {
        const dueBy = toIso(filter.taskDueBy);
        query = query.where('case_files.id', 'in', (eb) =>
          eb
            .selectFrom('case_tasks')
            .select('case_tasks.case_id')
            .where('case_tasks.org_id', '=', orgId)
            .where('case_tasks.status', '=', 'open')
            .where('case_tasks.due_at', '<=', dueBy),
        );
      }
      if (filter.createdFrom !== undefined)
        query = query.where('case_files.created_at', '>=', toIso(filter.createdFrom));
      if (filter.createdTo !== undefined)
        query = query.where('case_files.created_at', '<=', toIso(filter.createdTo));
      if (filter.assigneeId !== undefined) {
        const assigneeId = filter.assigneeId;
        query = query.where('case_files.id', 'in', (eb) =>
          eb
            .selectFrom('case_assignments')
            .select('case_assignments.case_id')
            .where('case_assignments.org_id', '=', orgId)
            .where('case_assignments.user_id', '=', assigneeId),
        );
      }
      const rows = await query
        .orderBy('case_files.created_at', 'desc')
        .orderBy('case_files.id', 'desc')
        .limit(filter.limit)
        .execute();
      if (rows.length === 0) return [];
      const ids = rows.map((row) => row.id);
      const assignments = await db
        .selectFrom('case_assignments')
        .select(['case_id', 'user_id'])
        .where('org_id', '=', orgId)
        .where('case_id', 'in', ids)
        .orderBy('user_id')
        .execute();
      const reports = await db
        .selectFrom('reports')
        .select(reportFrameColumns)
        .where('org_id', '=', orgId)
        .where('case_id', 'in', ids)
        .execute();
      return rows.map((row) => {
        const report = reports.find((candidate) => candidate.case_id === row.id);
        return {
          caseFile: toCaseFile(
            row,
            assignments
              .filter((assignment) => assignment.case_id === row.id)
              .map((assignment) => assignment.user_id),
          ),
          report: report === undefined ? null : reportFrame(report),
        };
      });
    },

    async findLikelyDuplicates(orgId, caseIds) {
      if (caseIds.length === 0) return new Map();
      // Only live cases have persons: `shred` deletes a case's persons as it marks it deleted,
      // so the bucket's index answers alone, without looking up each candidate's case. A bucket
      // holds ten or more people by design: a page of 200 cases yields thousands of pairs, which
      // are deduplicated and sorted here rather than through temporary tables in the database.
      const rows = await db
        .selectFrom('persons as mine')
        .innerJoin('persons as other', (join) =>
          join
            .onRef('other.org_id', '=', 'mine.org_id')
            .onRef('other.match_index', '=', 'mine.match_index')
            .onRef('other.case_id', '!=', 'mine.case_id'),
        )
        .select(['mine.case_id as caseId', 'other.case_id as otherId'])
        .where('mine.org_id', '=', orgId)
        .where('mine.case_id', 'in', caseIds)
        .execute();
      const byCase = new Map<string, Set<string>>();
      const pair = (caseId: string, otherId: string) => {
        const others = byCase.get(caseId) ?? new Set<string>();
        others.add(otherId);
        byCase.set(caseId, others);
      };
      for (const row of rows) pair(row.caseId, row.otherId);
      for (const [caseId, otherId] of await sameDetentions(orgId, caseIds)) pair(caseId, otherId);
      return new Map(
        [...byCase].map(([caseId, others]) => [caseId, [...others].sort(compareCodeUnits)]),
      );
    },

    async openReports(caseFile, opener) {
      const key = await openDataKey(caseFile, opener);
      if (key === null) return null;
      const rows = await db
        .selectFrom('reports')
        .selectAll()
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        ...reportFrame(row),
        personalAnswers: JSON.parse(
          sealing.open(key, reportContext(row.id), row.personal_answers),
        ) as Answers,
      }));
    },

    findFrame,

    async pageFrames(orgId, page) {
      let query = db
        .selectFrom('case_files')
        .selectAll('case_files')
        .where('case_files.org_id', '=', orgId)
        .where('case_files.status', 'in', ['open', 'closed']);
      if (page.afterId !== null) query = query.where('case_files.id', '>', page.afterId);
      if (page.assigneeId !== undefined) {
        const assigneeId = page.assigneeId;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('case_assignments')
              .select('case_assignments.case_id')
              .whereRef('case_assignments.case_id', '=', 'case_files.id')
              .where('case_assignments.user_id', '=', assigneeId),
          ),
        );
      }
      const rows = await query.orderBy('case_files.id').limit(page.limit).execute();
      if (rows.length === 0) return [];
      const assignments = await db
        .selectFrom('case_assignments')
        .select(['case_id', 'user_id'])
        .where('org_id', '=', orgId)
        .where(
          'case_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('user_id')
        .execute();
      return rows.map((row) =>
        toCaseFile(
          row,
          assignments
            .filter((assignment) => assignment.case_id === row.id)
            .map((assignment) => assignment.user_id),
        ),
      );
    },

    async openPersons(caseFile, identity) {
      const key = await openDataKey(caseFile, identity);
      if (key === null) return null;
      return (await personRows(caseFile)).map((row) => openPerson(row, key));
    },

    async grant(caseFile, opener, recipient, now) {
      const key = await openDataKey(caseFile, opener);
      if (key === null) return false;
      await insertWrap(caseFile, key, recipient, now);
      return true;
    },

    async assign(caseFile, userId, now) {
      if (caseFile.assigneeIds.includes(userId)) return;
      await db
        .insertInto('case_assignments')
        .values({
          org_id: caseFile.orgId,
          case_id: caseFile.id,
          user_id: userId,
          assigned_at: toIso(now),
        })
        .execute();
    },

    async close(caseFile, now) {
      await updateFrame(caseFile, {
        status: 'closed',
        closed_at: toIso(now),
        updated_at: toIso(now),
      });
    },

    async addDecision(caseFile, opener, decision) {
      const key = await openDataKey(caseFile, opener);
      if (key === null) return false;
      await db
        .insertInto('legal_decisions')
        .values({
          id: decision.id,
          org_id: decision.orgId,
          case_id: caseFile.id,
          pack_id: decision.packId,
          pack_version: decision.packVersion,
          pack_hash: decision.packHash,
          as_of: decision.asOf,
          choices: JSON.stringify(decision.choices),
          facts_snapshot: sealing.seal(
            key,
            decisionContext(decision.id),
            JSON.stringify(decision.factsSnapshot),
          ),
          created_by: decision.createdBy,
          created_at: toIso(decision.createdAt),
        })
        .execute();
      return true;
    },

    async listDecisions(caseFile, opener) {
      const key = await openDataKey(caseFile, opener);
      if (key === null) return null;
      return (await decisionRows(caseFile)).map((row) => openDecision(row, key));
    },

    async listClosedBefore(orgId, cutoff) {
      const rows = await db
        .selectFrom('case_files')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', '=', 'closed')
        .where('closed_at', '<=', toIso(cutoff))
        .orderBy('closed_at')
        .execute();
      return rows.map((row) => row.id);
    },

    async shred(caseFile, now) {
      // Chunks hang off their item, and items may point at timeline events: both go first.
      await db
        .deleteFrom('evidence_chunks')
        .where('org_id', '=', caseFile.orgId)
        .where('evidence_id', 'in', (eb) =>
          eb
            .selectFrom('evidence_items')
            .select('id')
            .where('org_id', '=', caseFile.orgId)
            .where('case_id', '=', caseFile.id),
        )
        .execute();
      await db
        .deleteFrom('evidence_items')
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .execute();
      const tables = [
        'case_key_wraps',
        ...(Object.keys(sealedColumnsByTable) as SealedTable[]),
        'case_assignments',
      ] as const;
      for (const table of tables) {
        await db
          .deleteFrom(table)
          .where('org_id', '=', caseFile.orgId)
          .where('case_id', '=', caseFile.id)
          .execute();
      }
      await updateFrame(caseFile, { status: 'deleted', data_key_id: null, updated_at: toIso(now) });
    },

    async findCaseIdsByMatchIndex(orgId, matchIndex) {
      const rows = await db
        .selectFrom('persons')
        .innerJoin('case_files', 'case_files.id', 'persons.case_id')
        .select('persons.case_id')
        .distinct()
        .where('persons.org_id', '=', orgId)
        .where('persons.match_index', '=', matchIndex)
        .where('case_files.status', '!=', 'deleted')
        .orderBy('persons.case_id')
        .execute();
      return rows.map((row) => row.case_id);
    },

    async listEscrowedCaseIds(orgId) {
      const rows = await db
        .selectFrom('case_key_wraps')
        .select('case_id')
        .distinct()
        .where('org_id', '=', orgId)
        .where('recipient_kind', '=', 'escrow')
        .orderBy('case_id')
        .execute();
      return rows.map((row) => row.case_id);
    },

    async replaceWrap(caseFile, opener, recipient, now) {
      const key = await openDataKey(caseFile, opener);
      if (key === null) return false;
      await db
        .deleteFrom('case_key_wraps')
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .where('recipient_kind', '=', recipient.kind)
        .where('recipient_id', '=', recipient.id)
        .execute();
      await insertWrap(caseFile, key, recipient, now);
      return true;
    },

    async mergeInto(duplicate, kept, opener, now) {
      const duplicateKey = await openDataKey(duplicate, opener);
      const keptKey = await openDataKey(kept, opener);
      if (duplicateKey === null || keptKey === null) return false;
      // One draft matter per case: the use case merges the two documents itself.
      const moved = (Object.keys(sealedColumnsByTable) as SealedTable[]).filter(
        (table) => table !== 'draft_matters',
      );
      for (const table of moved) {
        await resealTable(duplicate, table, duplicateKey, keptKey);
        await sql`update ${sql.table(table)} set case_id = ${kept.id}
          where org_id = ${duplicate.orgId} and case_id = ${duplicate.id}`.execute(db);
      }
      const keptRecipients = await recipientsOf(kept, keptKey.keyId);
      for (const recipient of await recipientsOf(duplicate, duplicateKey.keyId)) {
        const known = keptRecipients.some(
          (other) => other.kind === recipient.kind && other.id === recipient.id,
        );
        if (!known) await insertWrap(kept, keptKey, recipient, now);
      }
      for (const userId of duplicate.assigneeIds) {
        if (!kept.assigneeIds.includes(userId)) {
          await db
            .insertInto('case_assignments')
            .values({
              org_id: kept.orgId,
              case_id: kept.id,
              user_id: userId,
              assigned_at: toIso(now),
            })
            .execute();
        }
      }
      await db
        .deleteFrom('case_key_wraps')
        .where('org_id', '=', duplicate.orgId)
        .where('case_id', '=', duplicate.id)
        .execute();
      await db
        .deleteFrom('draft_matters')
        .where('org_id', '=', duplicate.orgId)
        .where('case_id', '=', duplicate.id)
        .execute();
      await updateFrame(duplicate, {
        status: 'closed',
        closed_at: toIso(now),
        merged_into: kept.id,
        data_key_id: null,
        updated_at: toIso(now),
      });
      await updateFrame(kept, { updated_at: toIso(now) });
      return true;
    },

    async rotateDataKey(caseFile, opener, now) {
      const oldKey = await openDataKey(caseFile, opener);
      if (oldKey === null) return false;
      const newKey = sealing.newDataKey();
      for (const table of Object.keys(sealedColumnsByTable) as SealedTable[]) {
        await resealTable(caseFile, table, oldKey, newKey);
      }
      for (const recipient of await recipientsOf(caseFile, oldKey.keyId)) {
        await insertWrap(caseFile, newKey, recipient, now);
      }
      await db
        .deleteFrom('case_key_wraps')
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .where('key_id', '=', oldKey.keyId)
        .execute();
      await updateFrame(caseFile, { data_key_id: newKey.keyId, updated_at: toIso(now) });
      return true;
    },
  };
}
