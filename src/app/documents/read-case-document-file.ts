import type { CaseDocument } from '../../domain/documents/case-document.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import type { DocumentFormat } from '../ports/documents.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';

/** One file of a case's document, opened with the reader's key; every download is audited. */
export async function readCaseDocumentFile(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { caseId: string; documentId: string; format: DocumentFormat },
): Promise<{ document: CaseDocument; bytes: Uint8Array }> {
  const now = deps.clock.now();
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.read');
      const document = await repositories.caseDocuments.find(caseFile, input.documentId);
      if (document === null) throw new AppError('NOT_FOUND', 'no such document');
      const bytes =
        current.identity === null
          ? null
          : await repositories.caseDocuments.openFile(
              caseFile,
              current.identity,
              document.id,
              input.format,
            );
      if (bytes === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
      await recordCaseRead(repositories, deps, now, current.actor, caseFile.id, {
        purpose: 'document-file',
        documentId: document.id,
        format: input.format,
      });
      return { document, bytes };
    });
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return refuseSealedFailure(deps, now, current.actor, input.caseId, error);
  }
}
