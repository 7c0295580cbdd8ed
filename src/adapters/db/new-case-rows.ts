import type { Insertable, Kysely } from 'kysely';
import type { DataKey, RecordSealing } from '../../app/ports/key-crypto.ts';
import type {
  NewCaseRecord,
  NewCaseSealing,
  SealedNewCases,
} from '../../app/ports/repositories.ts';
import type { Person } from '../../domain/persons/person.ts';
import { recordSealer } from './case-keys.ts';
import { draftMatterRow, timelineEventRow } from './case-timeline.repository.ts';
import { toIso } from './columns.ts';
import type {
  CaseAssignmentsTable,
  CaseFilesTable,
  CaseKeyWrapsTable,
  Database,
  DraftMattersTable,
  PersonsTable,
  ReportsTable,
  TimelineEventsTable,
} from './database.ts';
import { sealContext } from './sealed-columns.ts';

export const reportContext = (reportId: string) =>
  sealContext('reports', reportId, 'personal_answers');

/** Every row of some new cases, each case's personal fields sealed under its own new key. */
export type NewCaseRows = {
  cases: Insertable<CaseFilesTable>[];
  assignments: Insertable<CaseAssignmentsTable>[];
  wraps: Insertable<CaseKeyWrapsTable>[];
  persons: Insertable<PersonsTable>[];
  reports: Insertable<ReportsTable>[];
  events: Insertable<TimelineEventsTable>[];
  matters: Insertable<DraftMattersTable>[];
};

function sealPerson(sealing: RecordSealing, person: Person, key: DataKey) {
  const sealer = recordSealer(sealing, key, 'persons', person.id);
  return {
    full_name: sealer.seal('full_name', person.fullName) ?? '',
    birth_date: sealer.seal('birth_date', person.birthDate),
    phone: sealer.seal('phone', person.phone),
    notes: sealer.seal('notes', person.notes),
  };
}

/**
 * The rows of new cases, sealed: a fresh data key per case, wrapped to each of its recipients,
 * and every personal field under it. Needs no database, so an import does this costly part
 * before its transaction and holds the database only for the inserts.
 */
export function sealNewCaseRows(
  sealing: RecordSealing,
  newCases: readonly NewCaseRecord[],
): NewCaseRows {
  const rows: NewCaseRows = {
    cases: [],
    assignments: [],
    wraps: [],
    persons: [],
    reports: [],
    events: [],
    matters: [],
  };
  for (const newCase of newCases) {
    const { caseFile, persons, recipients, matchIndexes, report, timeline, draftMatter } = newCase;
    const key = sealing.newDataKey();
    const createdAt = toIso(caseFile.createdAt);
    rows.cases.push({
      id: caseFile.id,
      org_id: caseFile.orgId,
      status: caseFile.status,
      data_key_id: key.keyId,
      created_by: caseFile.createdBy,
      created_at: createdAt,
      updated_at: toIso(caseFile.updatedAt),
    });
    for (const userId of caseFile.assigneeIds) {
      rows.assignments.push({
        org_id: caseFile.orgId,
        case_id: caseFile.id,
        user_id: userId,
        assigned_at: createdAt,
      });
    }
    for (const recipient of recipients) {
      rows.wraps.push({
        org_id: caseFile.orgId,
        case_id: caseFile.id,
        key_id: key.keyId,
        recipient_kind: recipient.kind,
        recipient_id: recipient.id,
        recipient_public_key: recipient.publicKey,
        sealed_key: sealing.sealDataKey(key, recipient.publicKey),
        created_at: createdAt,
      });
    }
    for (const person of persons) {
      rows.persons.push({
        id: person.id,
        org_id: person.orgId,
        case_id: caseFile.id,
        ...sealPerson(sealing, person, key),
        match_index: matchIndexes.get(person.id) ?? null,
        created_at: toIso(person.createdAt),
      });
    }
    if (report !== undefined) {
      const { report: received, followUpHash } = report;
      rows.reports.push({
        id: received.id,
        org_id: received.orgId,
        case_id: caseFile.id,
        channel: received.channel,
        case_code: received.caseCode,
        follow_up_hash: followUpHash,
        questionnaire_id: received.questionnaireId,
        questionnaire_version: received.questionnaireVersion,
        operational_answers: JSON.stringify(received.operationalAnswers),
        personal_answers: sealing.seal(
          key,
          reportContext(received.id),
          JSON.stringify(received.personalAnswers),
        ),
        received_at: toIso(received.receivedAt),
      });
    }
    for (const event of timeline ?? []) rows.events.push(timelineEventRow(sealing, key, event));
    if (draftMatter !== undefined) {
      rows.matters.push(
        draftMatterRow(sealing, key, {
          id: draftMatter.id,
          orgId: caseFile.orgId,
          caseId: caseFile.id,
          matter: draftMatter.matter,
          by: draftMatter.updatedBy,
          at: draftMatter.updatedAt,
        }),
      );
    }
  }
  return rows;
}

/** Rows per insert statement: far below either database's limit on bound parameters. */
const insertBatch = 500;

async function inBatches<Row>(
  rows: readonly Row[],
  insert: (batch: Row[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += insertBatch)
    await insert(rows.slice(start, start + insertBatch));
}

/** Inserts sealed new cases with a few multi-row statements per table, parents first. */
export async function insertNewCases(db: Kysely<Database>, rows: NewCaseRows): Promise<void> {
  await inBatches(rows.cases, (batch) => db.insertInto('case_files').values(batch).execute());
  await inBatches(rows.assignments, (batch) =>
    db.insertInto('case_assignments').values(batch).execute(),
  );
  await inBatches(rows.wraps, (batch) => db.insertInto('case_key_wraps').values(batch).execute());
  await inBatches(rows.persons, (batch) => db.insertInto('persons').values(batch).execute());
  await inBatches(rows.reports, (batch) => db.insertInto('reports').values(batch).execute());
  await inBatches(rows.events, (batch) => db.insertInto('timeline_events').values(batch).execute());
  await inBatches(rows.matters, (batch) => db.insertInto('draft_matters').values(batch).execute());
}

/** The rows behind each sealed batch handed out: nothing outside this adapter can read them. */
const sealedRows = new WeakMap<SealedNewCases, NewCaseRows>();

export function sealedRowsOf(sealed: SealedNewCases): NewCaseRows {
  const rows = sealedRows.get(sealed);
  if (rows === undefined) throw new Error('sealed cases not made by this storage adapter');
  return rows;
}

/** Seals new cases ahead of the transaction that stores them (see `sealNewCaseRows`). */
export function newCaseSealing(sealing: RecordSealing): NewCaseSealing {
  return {
    seal(newCases) {
      const handle: SealedNewCases = Object.freeze({
        caseIds: newCases.map((newCase) => newCase.caseFile.id),
      });
      sealedRows.set(handle, sealNewCaseRows(sealing, newCases));
      return handle;
    },
  };
}
