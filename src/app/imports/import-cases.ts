import type { AuditEvent } from '../../domain/audit/audit-entry.ts';
import {
  type ColumnMapping,
  mappingProblems,
  suggestMapping,
} from '../../domain/imports/import-fields.ts';
import type { ImportedCase, RowProblem } from '../../domain/imports/import-row.ts';
import type { TimelineEvent } from '../../domain/timeline/timeline-event.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { caseRecipients, newCaseRecord, staffCaseReaders } from '../cases/create-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import type { KeyRecipient, NewCaseRecord, SealedNewCases } from '../ports/repositories.ts';
import type { SpreadsheetFormat } from '../ports/spreadsheets.ts';
import { type CaseImporter, type ResolvedImporter, resolveImporter } from './case-importer.ts';
import { checkImportRows, ImportRefusedError } from './check-import-rows.ts';
import { openSheet } from './open-sheet.ts';
import type { CaseImportRequest } from './preview-case-import.ts';

/**
 * How far an import has got: reading and checking rows, sealing the new cases (before the
 * transaction: the costly part), then writing them (in it).
 */
export type ImportProgress =
  | { phase: 'checking'; rowsRead: number }
  | { phase: 'sealing' | 'writing'; done: number; total: number };

export type CaseImportOutcome = {
  importId: string;
  format: SpreadsheetFormat;
  headers: string[];
  /** The mapping used: the one asked for, else the one the headers suggest. */
  columns: ColumnMapping;
  created: number;
  /** Rows with problems, left out because the person chose to skip them. */
  skipped: number;
  blank: number;
  problems: RowProblem[];
  problemsLeftOut: number;
};

/** The same staff and keys: a revoked coordinator must not get the keys of imported cases. */
function sameRecipients(a: readonly KeyRecipient[], b: readonly KeyRecipient[]): boolean {
  const key = (recipient: KeyRecipient) =>
    `${recipient.kind}:${recipient.id}:${recipient.publicKey}`;
  const keys = new Set(a.map(key));
  return a.length === b.length && b.every((recipient) => keys.has(key(recipient)));
}

/** Cases sealed and stored per step: a few statements per table, and a progress report. */
const writeBatch = 100;

/** The new case a row opens, and its audit entry. */
function caseOfRow(
  deps: Pick<Ports, 'ids' | 'blindIndex'>,
  importer: ResolvedImporter,
  recipients: KeyRecipient[],
  imported: ImportedCase,
  context: { now: Date; importId: string },
): { record: NewCaseRecord; audit: { event: AuditEvent; id: string } } {
  const { orgId, user } = importer;
  const { now, importId } = context;
  const caseId = deps.ids.newId();
  const detention: TimelineEvent[] =
    imported.detention === null
      ? []
      : [
          {
            id: deps.ids.newId(),
            orgId,
            caseId,
            kind: 'detained',
            occurredAt: imported.detention.occurredAt,
            placeId: null,
            powerOfAttorney: null,
            note: imported.detention.note,
            recordedBy: user.id,
            recordedAt: now,
          },
        ];
  const record = newCaseRecord(deps, {
    caseId,
    orgId,
    creator: user,
    persons: [imported.person],
    recipients,
    now,
    timeline: detention,
    ...(imported.draftMatter === null
      ? {}
      : {
          draftMatter: {
            id: deps.ids.newId(),
            matter: imported.draftMatter,
            updatedBy: user.id,
            updatedAt: now,
          },
        }),
  });
  return {
    record,
    audit: {
      id: deps.ids.newId(),
      event: {
        orgId,
        actorUserId: importer.actorUserId,
        action: 'case.created',
        subjectType: 'case',
        subjectId: caseId,
        details: {
          sealedTo: recipients.length,
          import: importId,
          ...(importer.via === null ? {} : { via: importer.via, onBehalfOf: user.id }),
        },
      },
    },
  };
}

/**
 * Opens a case for every valid row of a case list. All or nothing by default: one row with a
 * problem refuses the whole file, with every problem by line and column. When the person chooses
 * to skip bad rows, the others are imported and the skipped ones reported. Either way the cases
 * are written in one transaction, each sealed from the first byte and audited, and one audit
 * entry records the import with its counts. Progress is reported as rows are checked and written.
 */
export async function importCases(
  deps: Pick<
    Ports,
    'unitOfWork' | 'clock' | 'ids' | 'blindIndex' | 'spreadsheets' | 'newCaseSealing'
  >,
  importer: CaseImporter,
  input: CaseImportRequest & {
    invalidRows: 'refuse' | 'skip';
    onProgress?: (progress: ImportProgress) => void | Promise<void>;
  },
): Promise<CaseImportOutcome> {
  const resolved = await resolveImporter(deps, importer);
  const now = deps.clock.now();
  const sheet = await openSheet(deps, input.file, input.declaredFormat);
  const { headers } = sheet;
  const columns = input.columns ?? suggestMapping(headers);
  const unusable = mappingProblems(columns, headers.length);
  if (unusable.length > 0)
    throw new ImportRefusedError({ headers, columns, mappingProblems: unusable });
  const checked = await checkImportRows(
    sheet,
    columns,
    { now, offsetMinutes: input.offsetMinutes, newId: () => deps.ids.newId() },
    (rowsRead) => input.onProgress?.({ phase: 'checking', rowsRead }),
  );
  if (checked.invalidRows > 0 && input.invalidRows === 'refuse') {
    throw new ImportRefusedError({
      headers,
      columns,
      rowProblems: checked.problems,
      invalidRows: checked.invalidRows,
    });
  }
  const importId = deps.ids.newId();
  const total = checked.cases.length;
  const outcome: CaseImportOutcome = {
    importId,
    format: sheet.format,
    headers,
    columns,
    created: total,
    skipped: checked.invalidRows,
    blank: checked.blankRows,
    problems: checked.problems,
    problemsLeftOut: checked.problemsLeftOut,
  };
  if (total === 0) return outcome;
  const entitled = { creatorId: resolved.user.id, roles: staffCaseReaders };
  const recipients = await deps.unitOfWork.run((repositories) =>
    caseRecipients(repositories, resolved.orgId, entitled),
  );
  // Sealed outside the transaction, a batch at a time, so that the database is held only for
  // the inserts and other requests run between batches.
  const batches: { sealed: SealedNewCases; audits: { event: AuditEvent; id: string }[] }[] = [];
  for (let start = 0; start < total; start += writeBatch) {
    const batch = checked.cases
      .slice(start, start + writeBatch)
      .map((imported) => caseOfRow(deps, resolved, recipients, imported, { now, importId }));
    batches.push({
      sealed: deps.newCaseSealing.seal(batch.map((item) => item.record)),
      audits: batch.map((item) => item.audit),
    });
    await input.onProgress?.({ phase: 'sealing', done: start + batch.length, total });
  }
  await deps.unitOfWork.run(async (repositories) => {
    const current = await caseRecipients(repositories, resolved.orgId, entitled);
    if (!sameRecipients(current, recipients)) {
      throw new AppError('CONFLICT', 'who the cases are sealed to changed during the import');
    }
    let written = 0;
    for (const { sealed, audits } of batches) {
      await repositories.caseFiles.insertSealed(sealed);
      await repositories.auditLog.appendMany(resolved.orgId, audits, now);
      written += sealed.caseIds.length;
      await input.onProgress?.({ phase: 'writing', done: written, total });
    }
    await recordAudit(repositories, deps, now, {
      orgId: resolved.orgId,
      actorUserId: resolved.actorUserId,
      action: 'cases.imported',
      subjectType: 'import',
      subjectId: importId,
      details: {
        format: sheet.format,
        rows: checked.rowsRead,
        created: total,
        skipped: checked.invalidRows,
        blank: checked.blankRows,
        ...(resolved.via === null ? {} : { via: resolved.via, onBehalfOf: resolved.user.id }),
      },
    });
  });
  return outcome;
}
