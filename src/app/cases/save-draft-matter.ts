import { type DraftMatter, draftMatterProblems } from '../../domain/cases/draft-matter.ts';
import { moscowDateOf } from '../../domain/rules/calendar-date.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError, FactsRefusedError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadCaseFrame } from './read-case-file.ts';

/**
 * Replaces a case's draft matter (decision, notice, medical category, appeals, power of
 * attorney) once the domain finds its dates possible as of today in Moscow.
 */
export async function saveDraftMatter(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
  matter: DraftMatter,
): Promise<void> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  const problems = draftMatterProblems(matter, moscowDateOf(now));
  if (problems.length > 0) throw new FactsRefusedError(problems);
  await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'writer holds no key pair');
    const saved = await repositories.caseTimelines.saveDraftMatter(caseFile, identity, matter, {
      newId: deps.ids.newId(),
      by: actor.userId,
      at: now,
    });
    if (!saved) throw new AppError('KEY_UNAVAILABLE', 'writer holds no key to the case');
    await recordAudit(repositories, deps, now, {
      orgId: caseFile.orgId,
      actorUserId: actor.userId,
      action: 'case.draft-matter-saved',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { appeals: matter.appeals.length },
    });
  });
}
