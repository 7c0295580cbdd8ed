import type { CasePublication } from '../../domain/stats/case-publication.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * Whether a case is counted in public statistics, for whoever may read the case. Nothing sealed
 * is opened, so this is not a read of the case file and is not audited as one.
 */
export async function readCasePublication(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<CasePublication> {
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
    return (
      (await repositories.casePublications.find(caseFile.orgId, caseFile.id)) ?? {
        orgId: caseFile.orgId,
        caseId: caseFile.id,
        publishable: false,
        changedBy: null,
        changedAt: caseFile.createdAt,
      }
    );
  });
}
