import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadCaseFrame } from './read-case-file.ts';

/** Closes a case; from then on the organisation's retention period runs for it. */
export async function closeCaseFile(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'liveUpdates'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    await repositories.caseFiles.close(caseFile, now);
    await recordAudit(repositories, deps, now, {
      orgId: caseFile.orgId,
      actorUserId: current.actor.userId,
      action: 'case.closed',
      subjectType: 'case',
      subjectId: caseId,
    });
  });
  // A closed case leaves the live board.
  await deps.liveUpdates.publish(current.actor.orgId);
}
