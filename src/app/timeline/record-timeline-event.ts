import { timelineEventProblems } from '../../domain/timeline/event-problems.ts';
import type { TimelineEvent } from '../../domain/timeline/timeline-event.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError, FactsRefusedError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';

export type NewTimelineEvent = Pick<
  TimelineEvent,
  'kind' | 'occurredAt' | 'placeId' | 'powerOfAttorney' | 'note'
>;

/**
 * Adds an event to a case's timeline after the domain has checked it against the events before
 * it and the case's appeals. The audit entry names the kind only: the note is the case's.
 */
export async function recordTimelineEvent(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'liveUpdates'>,
  current: AuthenticatedSession,
  caseId: string,
  input: NewTimelineEvent,
): Promise<TimelineEvent> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  const recorded = await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'writer holds no key pair');
    const matter = await repositories.caseTimelines.openDraftMatter(caseFile, identity);
    if (matter === null) throw new AppError('KEY_UNAVAILABLE', 'writer holds no key to the case');
    const earlier = await repositories.caseTimelines.listEventFrames(caseFile);
    const appealsFiledAt = matter.appeals.map(
      (appeal) => new Date(`${appeal.filedDate}T00:00:00+03:00`),
    );
    const problems = timelineEventProblems(input, { earlier, now, appealsFiledAt });
    if (problems.length > 0) throw new FactsRefusedError(problems);
    const event: TimelineEvent = {
      ...input,
      id: deps.ids.newId(),
      orgId: caseFile.orgId,
      caseId: caseFile.id,
      recordedBy: actor.userId,
      recordedAt: now,
    };
    await repositories.caseTimelines.addEvent(caseFile, identity, event);
    await recordAudit(repositories, deps, now, {
      orgId: caseFile.orgId,
      actorUserId: actor.userId,
      action: 'case.event-recorded',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { kind: event.kind },
    });
    return event;
  });
  // Where he is held, and how stale the board's line is, may just have changed.
  await deps.liveUpdates.publish(recorded.orgId);
  return recorded;
}
