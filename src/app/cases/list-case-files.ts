import { can } from '../../domain/access/can.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { Report } from '../../domain/intake/report.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import type { Ports } from '../ports/ports.ts';

export type CaseListEntry = {
  caseFile: CaseFile;
  report: Omit<Report, 'personalAnswers'> | null;
  /** Other cases with a person in the same blind-index bucket: to check, not proof. */
  likelyDuplicates: string[];
};

const pageSize = 200;

/**
 * The cases a staff member may see, newest first: every case for coordinators and operators,
 * only assigned ones for others. Operational data only, so listing opens nothing and needs no
 * key; a case's personal data is read one case at a time, audited.
 */
export async function listCaseFiles(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
  input: { status: 'open' | 'closed' },
): Promise<CaseListEntry[]> {
  const { actor } = current;
  authorise(actor, 'case.list', { type: 'organisation', orgId: actor.orgId });
  // A grant that covers an unassigned case covers every case.
  const seesEveryCase = can(actor, 'case.list', {
    type: 'case',
    orgId: actor.orgId,
    assigneeIds: [],
  });
  return deps.unitOfWork.run(async (repositories) => {
    const entries = await repositories.caseFiles.listFrames(actor.orgId, {
      status: input.status,
      limit: pageSize,
      ...(seesEveryCase ? {} : { assigneeId: actor.userId }),
    });
    const duplicates = await repositories.caseFiles.findLikelyDuplicates(
      actor.orgId,
      entries.map((entry) => entry.caseFile.id),
    );
    return entries.map((entry) => ({
      ...entry,
      likelyDuplicates: duplicates.get(entry.caseFile.id) ?? [],
    }));
  });
}
