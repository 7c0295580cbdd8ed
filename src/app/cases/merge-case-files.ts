import { mergeDraftMatters } from '../../domain/cases/draft-matter.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadCaseFrame } from './read-case-file.ts';

/**
 * Folds a duplicate case (the same person reported twice) into the case that is kept: persons,
 * reports, timeline and legal positions move over re-sealed under the kept case's key, the two
 * draft matters become one, and the duplicate is closed pointing to the kept case. The reporter's
 * follow-up link of the duplicate then shows the kept case. One transaction: all or nothing.
 */
export async function mergeCaseFiles(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { keptCaseId: string; duplicateCaseId: string },
): Promise<void> {
  const { actor, identity } = current;
  authorise(actor, 'case.merge', { type: 'organisation', orgId: actor.orgId });
  if (input.keptCaseId === input.duplicateCaseId)
    throw new AppError('CONFLICT', 'a case cannot be merged into itself');
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const kept = await loadCaseFrame(repositories, current, input.keptCaseId, 'case.update');
    const duplicate = await loadCaseFrame(
      repositories,
      current,
      input.duplicateCaseId,
      'case.update',
    );
    if (kept.status !== 'open' || duplicate.status !== 'open')
      throw new AppError('CASE_NOT_OPEN', 'only open cases are merged');
    if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'merger holds no key pair');
    const keptMatter = await repositories.caseTimelines.openDraftMatter(kept, identity);
    const duplicateMatter = await repositories.caseTimelines.openDraftMatter(duplicate, identity);
    if (keptMatter === null || duplicateMatter === null)
      throw new AppError('KEY_UNAVAILABLE', 'merger holds no key to both cases');
    await repositories.caseTimelines.saveDraftMatter(
      kept,
      identity,
      mergeDraftMatters(keptMatter, duplicateMatter),
      { newId: deps.ids.newId(), by: actor.userId, at: now },
    );
    if (!(await repositories.caseFiles.mergeInto(duplicate, kept, identity, now)))
      throw new AppError('KEY_UNAVAILABLE', 'merger holds no key to both cases');
    for (const [subjectId, other] of [
      [kept.id, duplicate.id],
      [duplicate.id, kept.id],
    ] as const) {
      await recordAudit(repositories, deps, now, {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: 'case.merged',
        subjectType: 'case',
        subjectId,
        details: subjectId === kept.id ? { from: other } : { into: other },
      });
    }
  });
}
