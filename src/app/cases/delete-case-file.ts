import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadCaseFrame } from './read-case-file.ts';

/**
 * Deletes a case by destroying its key (crypto-shredding) along with its sealed values: copies
 * left in the WAL, in dead tuples or in backups can no longer be opened by anyone, escrow
 * included. The operational frame stays as a tombstone for statistics.
 */
export async function deleteCaseFile(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.delete');
    await repositories.caseFiles.shred(caseFile, now);
    await recordAudit(repositories, deps, now, {
      orgId: caseFile.orgId,
      actorUserId: current.actor.userId,
      action: 'case.deleted',
      subjectType: 'case',
      subjectId: caseId,
    });
  });
}
