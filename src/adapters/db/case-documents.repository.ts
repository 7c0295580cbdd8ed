import type { Kysely, Selectable } from 'kysely';
import type { RecordSealing } from '../../app/ports/key-crypto.ts';
import type { CaseDocumentRepository } from '../../app/ports/repositories.ts';
import type {
  CaseDocument,
  DocumentStatus,
  SendingMethod,
} from '../../domain/documents/case-document.ts';
import type { DocumentKind } from '../../domain/documents/document-template.ts';
import { openCaseDataKey, recordSealer } from './case-keys.ts';
import { fromIso, toIso } from './columns.ts';
import type { CaseDocumentsTable, Database } from './database.ts';

/** Everything but the sealed content: listing documents never opens a file. */
const frameColumns = [
  'id',
  'org_id',
  'case_id',
  'kind',
  'template_version',
  'docx_sha256',
  'pdf_sha256',
  'status',
  'sent_on',
  'sent_via',
  'received_on',
  'registered_on',
  'extended',
  'answer_due',
  'answered_on',
  'created_by',
  'created_at',
  'updated_at',
] as const;

type FrameRow = Pick<Selectable<CaseDocumentsTable>, (typeof frameColumns)[number]>;

function toDocument(row: FrameRow): CaseDocument {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    kind: row.kind as DocumentKind,
    templateVersion: Number(row.template_version),
    docxSha256: row.docx_sha256,
    pdfSha256: row.pdf_sha256,
    status: row.status as DocumentStatus,
    sentOn: row.sent_on,
    sentVia: row.sent_via as SendingMethod | null,
    receivedOn: row.received_on,
    registeredOn: row.registered_on,
    extended: Number(row.extended) === 1,
    answerDue: row.answer_due,
    answeredOn: row.answered_on,
    createdBy: row.created_by,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
  };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function caseDocumentsRepository(
  db: Kysely<Database>,
  sealing: RecordSealing,
): CaseDocumentRepository {
  function caseRows(caseFile: { orgId: string; id: string }) {
    return db
      .selectFrom('case_documents')
      .select(frameColumns)
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id);
  }

  return {
    async add(caseFile, opener, document, content) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const sealer = recordSealer(sealing, key, 'case_documents', document.id);
      await db
        .insertInto('case_documents')
        .values({
          id: document.id,
          org_id: caseFile.orgId,
          case_id: caseFile.id,
          kind: document.kind,
          template_version: document.templateVersion,
          field_values: sealer.seal('field_values', JSON.stringify(content.values)) ?? '',
          docx: sealer.seal('docx', base64(content.docx)) ?? '',
          pdf: sealer.seal('pdf', base64(content.pdf)) ?? '',
          docx_sha256: document.docxSha256,
          pdf_sha256: document.pdfSha256,
          status: document.status,
          sent_on: document.sentOn,
          sent_via: document.sentVia,
          received_on: document.receivedOn,
          registered_on: document.registeredOn,
          extended: document.extended ? 1 : 0,
          answer_due: document.answerDue,
          answered_on: document.answeredOn,
          created_by: document.createdBy,
          created_at: toIso(document.createdAt),
          updated_at: toIso(document.updatedAt),
        })
        .execute();
      return true;
    },

    async listOfCase(caseFile) {
      const rows = await caseRows(caseFile).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toDocument);
    },

    async find(caseFile, documentId) {
      const row = await caseRows(caseFile).where('id', '=', documentId).executeTakeFirst();
      return row === undefined ? null : toDocument(row);
    },

    async openFile(caseFile, opener, documentId, format) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const row = await db
        .selectFrom('case_documents')
        .select(format)
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (row === undefined) return null;
      const sealed =
        format === 'docx' ? (row as { docx: string }).docx : (row as { pdf: string }).pdf;
      const opened = recordSealer(sealing, key, 'case_documents', documentId).open(format, sealed);
      return new Uint8Array(Buffer.from(opened ?? '', 'base64'));
    },

    async updateTracking(document) {
      await db
        .updateTable('case_documents')
        .set({
          status: document.status,
          sent_on: document.sentOn,
          sent_via: document.sentVia,
          received_on: document.receivedOn,
          registered_on: document.registeredOn,
          extended: document.extended ? 1 : 0,
          answer_due: document.answerDue,
          answered_on: document.answeredOn,
          updated_at: toIso(document.updatedAt),
        })
        .where('org_id', '=', document.orgId)
        .where('case_id', '=', document.caseId)
        .where('id', '=', document.id)
        .execute();
    },

    async listAnswersDue(orgId, caseIds, until) {
      if (caseIds.length === 0) return [];
      const rows = await db
        .selectFrom('case_documents')
        .select(frameColumns)
        .where('org_id', '=', orgId)
        .where('status', '=', 'sent')
        .where('answer_due', '<=', until)
        .where('case_id', 'in', [...caseIds])
        .orderBy('answer_due')
        .orderBy('id')
        .execute();
      return rows.map(toDocument);
    },
  };
}
