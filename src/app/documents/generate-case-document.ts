import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { CaseDocument } from '../../domain/documents/case-document.ts';
import {
  documentValuesOfCase,
  valuesForTemplate,
} from '../../domain/documents/case-document-values.ts';
import { composeDocument } from '../../domain/documents/compose-document.ts';
import type { DocumentValues, FieldProblem } from '../../domain/documents/document-field.ts';
import type { DocumentKind, DocumentTemplate } from '../../domain/documents/document-template.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError, DocumentFieldsError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';
import { documentDay, openCaseForDocument } from './case-for-document.ts';

type Deps = Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'hashing' | 'rulePacks' | 'documents'>;

type Rendered = {
  caseId: string;
  values: DocumentValues;
  docx: Uint8Array;
  pdf: Uint8Array;
};

/** Composes and renders both files, or refuses naming every missing field (prefixed for a batch). */
async function render(
  deps: Deps,
  template: DocumentTemplate,
  caseId: string,
  values: DocumentValues,
): Promise<Rendered | FieldProblem[]> {
  const kept = valuesForTemplate(template, values);
  const composed = composeDocument(template, kept, deps.documents.declineName);
  if (!composed.ok) return composed.problems;
  const [docx, pdf] = await Promise.all([
    deps.documents.renderer.render(composed.document, 'docx'),
    deps.documents.renderer.render(composed.document, 'pdf'),
  ]);
  return { caseId, values: kept, docx, pdf };
}

async function openCase(
  repositories: Repositories,
  current: AuthenticatedSession,
  caseId: string,
): Promise<CaseFile> {
  const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.update');
  if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
  return caseFile;
}

/** Stores rendered documents, sealed, each with its hashes, and audits each; one transaction. */
async function store(
  deps: Deps,
  current: AuthenticatedSession,
  template: DocumentTemplate,
  rendered: readonly Rendered[],
): Promise<CaseDocument[]> {
  const now = deps.clock.now();
  const { actor, identity } = current;
  return deps.unitOfWork.run(async (repositories) => {
    const stored: CaseDocument[] = [];
    for (const item of rendered) {
      const caseFile = await openCase(repositories, current, item.caseId);
      const document: CaseDocument = {
        id: deps.ids.newId(),
        orgId: caseFile.orgId,
        caseId: caseFile.id,
        kind: template.kind,
        templateVersion: template.version,
        docxSha256: deps.hashing.sha256HexOfBytes(item.docx),
        pdfSha256: deps.hashing.sha256HexOfBytes(item.pdf),
        status: 'drafted',
        sentOn: null,
        sentVia: null,
        receivedOn: null,
        registeredOn: null,
        extended: false,
        answerDue: null,
        answeredOn: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const added =
        identity !== null &&
        (await repositories.caseDocuments.add(caseFile, identity, document, {
          values: item.values,
          docx: item.docx,
          pdf: item.pdf,
        }));
      if (!added) throw new AppError('KEY_UNAVAILABLE', 'author holds no key to the case');
      await recordAudit(repositories, deps, now, {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: 'case.document-generated',
        subjectType: 'case',
        subjectId: caseFile.id,
        details: {
          documentId: document.id,
          kind: document.kind,
          templateVersion: document.templateVersion,
          batch: rendered.length > 1,
        },
      });
      stored.push(document);
    }
    return stored;
  });
}

/**
 * Generates a document on a case from the values the lawyer reviewed: both files are rendered,
 * sealed with the case's key and listed with their template version and SHA-256. Refuses with
 * every missing field named before anything is rendered or stored.
 */
export async function generateCaseDocument(
  deps: Deps,
  current: AuthenticatedSession,
  input: { caseId: string; kind: DocumentKind; values: DocumentValues },
): Promise<CaseDocument> {
  const template = deps.documents.templates.current(input.kind);
  // Refused before any rendering work for someone who may not update the case.
  await deps.unitOfWork.run((repositories) => openCase(repositories, current, input.caseId));
  const rendered = await render(deps, template, input.caseId, input.values);
  if (Array.isArray(rendered)) throw new DocumentFieldsError(rendered);
  const [document] = await store(deps, current, template, [rendered]);
  if (document === undefined) throw new AppError('NOT_FOUND', 'nothing was stored');
  return document;
}

/**
 * The same document for several cases at once (a group detention): each filled from its own
 * case, with the values given overriding (the representative, a date). All or nothing: if any
 * case lacks a field, nothing is generated and every missing field is named with its case.
 * Opening each case is an audited read.
 */
export async function generateCaseDocumentsInBatch(
  deps: Deps,
  current: AuthenticatedSession,
  input: { caseIds: readonly string[]; kind: DocumentKind; values: DocumentValues },
): Promise<CaseDocument[]> {
  const template = deps.documents.templates.current(input.kind);
  const now = deps.clock.now();
  const opening = { caseId: input.caseIds[0] ?? '' };
  let filled: { caseId: string; values: DocumentValues }[];
  try {
    filled = await deps.unitOfWork.run(async (repositories) => {
      const result: { caseId: string; values: DocumentValues }[] = [];
      for (const caseId of new Set(input.caseIds)) {
        opening.caseId = caseId;
        const caseFile = await openCase(repositories, current, caseId);
        const opened = await openCaseForDocument(
          repositories,
          deps,
          caseFile,
          current.identity,
          documentDay(now),
        );
        await recordCaseRead(repositories, deps, now, current.actor, caseId, {
          purpose: 'document-batch',
          kind: template.kind,
        });
        result.push({
          caseId,
          values: { ...documentValuesOfCase(template, opened), ...input.values },
        });
      }
      return result;
    });
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return refuseSealedFailure(deps, now, current.actor, opening.caseId, error);
  }
  const rendered: Rendered[] = [];
  const problems: FieldProblem[] = [];
  for (const item of filled) {
    const result = await render(deps, template, item.caseId, item.values);
    if (Array.isArray(result)) {
      problems.push(
        ...result.map((problem) => ({ ...problem, field: `${item.caseId}/${problem.field}` })),
      );
    } else {
      rendered.push(result);
    }
  }
  if (problems.length > 0) throw new DocumentFieldsError(problems);
  return store(deps, current, template, rendered);
}
