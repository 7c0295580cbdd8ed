import {
  type CaseDocument,
  type DocumentStage,
  stageOf,
} from '../../domain/documents/case-document.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { documentDay } from './case-for-document.ts';

export type ListedCaseDocument = CaseDocument & { stage: DocumentStage };

/** A case's documents, newest first, each with where it stands today. The read is audited. */
export async function listCaseDocuments(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<ListedCaseDocument[]> {
  const now = deps.clock.now();
  const today = documentDay(now);
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
    const documents = await repositories.caseDocuments.listOfCase(caseFile);
    await recordCaseRead(repositories, deps, now, current.actor, caseId, {
      purpose: 'documents',
      documents: documents.length,
    });
    return documents.map((document) => ({ ...document, stage: stageOf(document, today) }));
  });
}
