import type { CasePublication } from '../../domain/stats/case-publication.ts';
import { publicationRefusal } from '../../domain/stats/case-publication.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * Marks a case publishable in public statistics, or withdraws that; audited with the change.
 * Only coordinators decide. A merged case's events now belong to the case it was merged into,
 * whose consent counts them, so its own consent cannot be set.
 */
export async function setCasePublication(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { caseId: string; publishable: boolean },
): Promise<CasePublication> {
  const { actor } = current;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.read');
    authorise(actor, 'case.publish', {
      type: 'case',
      orgId: caseFile.orgId,
      assigneeIds: caseFile.assigneeIds,
    });
    if (publicationRefusal(caseFile) === 'merged')
      throw new AppError('CASE_MERGED', 'a merged case is counted through the case it went into');
    const publication: CasePublication = {
      orgId: caseFile.orgId,
      caseId: caseFile.id,
      publishable: input.publishable,
      changedBy: actor.userId,
      changedAt: now,
    };
    const before = await repositories.casePublications.find(caseFile.orgId, caseFile.id);
    if (before?.publishable === input.publishable) return before;
    await repositories.casePublications.save(publication);
    await recordAudit(repositories, deps, now, {
      orgId: caseFile.orgId,
      actorUserId: actor.userId,
      action: 'case.publication-changed',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { publishable: input.publishable },
    });
    return publication;
  });
}
