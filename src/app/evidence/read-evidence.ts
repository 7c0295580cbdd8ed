import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { EvidenceItem } from '../../domain/evidence/evidence-item.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError, type UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/** What one read of an item was for: it is written into the audit entry. */
export type EvidenceReadPurpose =
  | 'evidence-original'
  | 'evidence-publication-preview'
  | 'evidence-publication-copy'
  | 'evidence-custody-sheet'
  | 'evidence-review';

export type OpenedEvidence = {
  repositories: Repositories;
  caseFile: CaseFile;
  identity: UnlockedIdentity;
  item: EvidenceItem;
};

/**
 * Opens one item of a case with the reader's key, records the read (and what it was for) in the
 * same transaction, and hands it to `work`. A sealed value that fails its check is refused and
 * the failure audited.
 */
export async function withEvidence<T>(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  target: { caseId: string; evidenceId: string },
  access: { action: 'case.read' | 'case.update'; purpose: EvidenceReadPurpose },
  work: (opened: OpenedEvidence) => Promise<T>,
): Promise<T> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, target.caseId, access.action);
      if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key pair');
      const item = await repositories.evidence.findOpened(caseFile, identity, target.evidenceId);
      if (item === 'no-key')
        throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
      if (item === null) throw new AppError('NOT_FOUND', 'no such evidence on the case');
      await recordCaseRead(repositories, deps, now, actor, caseFile.id, {
        purpose: access.purpose,
        evidenceId: item.id,
      });
      return work({ repositories, caseFile, identity, item });
    });
  } catch (error) {
    if (error instanceof SealedDataError)
      return refuseSealedFailure(deps, now, actor, target.caseId, error);
    throw error;
  }
}

/** The original bytes, exactly as they arrived, with the item that describes them: audited. */
export async function readEvidenceOriginal(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  target: { caseId: string; evidenceId: string },
): Promise<{ item: EvidenceItem; bytes: Uint8Array }> {
  return withEvidence(
    deps,
    current,
    target,
    { action: 'case.read', purpose: 'evidence-original' },
    async ({ repositories, caseFile, identity, item }) => {
      const bytes = await repositories.evidence.openOriginal(caseFile, identity, item.id);
      if (bytes === null) throw new AppError('NOT_FOUND', 'no such evidence on the case');
      return { item, bytes };
    },
  );
}
