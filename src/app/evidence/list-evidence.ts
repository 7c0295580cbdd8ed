import type { EvidenceItem } from '../../domain/evidence/evidence-item.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';

/** A case's photos, videos and scans, oldest first, names opened with the reader's key: audited. */
export async function listEvidence(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<EvidenceItem[]> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
      const items =
        identity === null ? null : await repositories.evidence.listOpened(caseFile, identity);
      if (items === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
      await recordCaseRead(repositories, deps, now, actor, caseId, {
        purpose: 'evidence',
        items: items.length,
      });
      return items;
    });
  } catch (error) {
    if (error instanceof SealedDataError)
      return refuseSealedFailure(deps, now, actor, caseId, error);
    throw error;
  }
}
