import {
  documentValuesOfCase,
  valuesForTemplate,
} from '../../domain/documents/case-document-values.ts';
import { documentValueProblems } from '../../domain/documents/compose-document.ts';
import type { DocumentValues, FieldProblem } from '../../domain/documents/document-field.ts';
import type { DocumentKind, DocumentTemplate } from '../../domain/documents/document-template.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import { documentDay, openCaseForDocument } from './case-for-document.ts';

export type PreparedDocument = {
  template: DocumentTemplate;
  /** What the case gives for the template's fields, for the lawyer to review and complete. */
  values: DocumentValues;
  /** Every field still missing or malformed: generating refuses until this is empty. */
  problems: FieldProblem[];
};

/**
 * The values a template would take from a case, before anything is generated: the lawyer reviews
 * and edits them, seeing every missing field named. Opening the case is an audited read.
 */
export async function prepareCaseDocument(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks' | 'documents'>,
  current: AuthenticatedSession,
  input: { caseId: string; kind: DocumentKind },
): Promise<PreparedDocument> {
  const now = deps.clock.now();
  const template = deps.documents.templates.current(input.kind);
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.read');
      const opened = await openCaseForDocument(
        repositories,
        deps,
        caseFile,
        current.identity,
        documentDay(now),
      );
      const values = valuesForTemplate(template, documentValuesOfCase(template, opened));
      await recordCaseRead(repositories, deps, now, current.actor, caseFile.id, {
        purpose: 'document',
        kind: template.kind,
      });
      return { template, values, problems: documentValueProblems(template, values) };
    });
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return refuseSealedFailure(deps, now, current.actor, input.caseId, error);
  }
}
