import type { Actor } from '../../domain/access/can.ts';
import type { AuditEvent } from '../../domain/audit/audit-entry.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import { type DraftMatter, emptyDraftMatter } from '../../domain/cases/draft-matter.ts';
import type { Report } from '../../domain/intake/report.ts';
import type { Person } from '../../domain/persons/person.ts';
import type { TimelineEvent } from '../../domain/timeline/timeline-event.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';
import { refuseSealedFailure } from './refuse-sealed-failure.ts';

export type OpenedCaseFile = {
  caseFile: CaseFile;
  persons: Person[];
  /** The report that opened the case. */
  report: Report | null;
  /** Reports that came with duplicates merged into this case, oldest first. */
  laterReports: Report[];
  timeline: TimelineEvent[];
  draftMatter: DraftMatter;
  /** Other live cases with a person in the same blind-index bucket: to check, then merge. */
  likelyDuplicates: string[];
};

/** The frame of a live case the actor may act on, or NOT_FOUND / FORBIDDEN. */
export async function loadCaseFrame(
  repositories: Repositories,
  current: AuthenticatedSession,
  caseId: string,
  action: 'case.read' | 'case.update' | 'case.delete',
): Promise<CaseFile> {
  const caseFile = await repositories.caseFiles.findFrame(current.actor.orgId, caseId);
  if (caseFile === null || caseFile.status === 'deleted')
    throw new AppError('NOT_FOUND', 'no such case');
  authorise(current.actor, action, {
    type: 'case',
    orgId: caseFile.orgId,
    assigneeIds: caseFile.assigneeIds,
  });
  return caseFile;
}

/** Every opening of a case file is audited, whatever it was opened for. */
export async function recordCaseRead(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  now: Date,
  actor: Actor,
  caseId: string,
  details: AuditEvent['details'],
): Promise<void> {
  await recordAudit(repositories, deps, now, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action: 'case.read',
    subjectType: 'case',
    subjectId: caseId,
    details,
  });
}

/**
 * Opens a case with the reader's own key and records the read in the audit log in the same
 * transaction. A sealed value that fails its check is never shown; the failure is audited.
 */
export async function readCaseFile(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<OpenedCaseFile> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
      if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key pair');
      const persons = await repositories.caseFiles.openPersons(caseFile, identity);
      if (persons === null)
        throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
      const [report = null, ...laterReports] =
        (await repositories.caseFiles.openReports(caseFile, identity)) ?? [];
      const timeline = (await repositories.caseTimelines.openEvents(caseFile, identity)) ?? [];
      const draftMatter =
        (await repositories.caseTimelines.openDraftMatter(caseFile, identity)) ?? emptyDraftMatter;
      const duplicates = await repositories.caseFiles.findLikelyDuplicates(caseFile.orgId, [
        caseFile.id,
      ]);
      await recordCaseRead(repositories, deps, now, actor, caseId, { persons: persons.length });
      return {
        caseFile,
        persons,
        report,
        laterReports,
        timeline,
        draftMatter,
        likelyDuplicates: duplicates.get(caseFile.id) ?? [],
      };
    });
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return refuseSealedFailure(deps, now, actor, caseId, error);
  }
}
