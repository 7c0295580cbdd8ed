import { can } from '../../domain/access/can.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { Repositories } from '../ports/repositories.ts';

/**
 * Whether a colleague named as a task's assignee could open the case: an active member of the
 * organisation whose roles allow reading it. No assignee needs no one's access.
 */
export async function assigneeMayOpenCase(
  repositories: Repositories,
  caseFile: CaseFile,
  assigneeId: string | null | undefined,
): Promise<boolean> {
  if (assigneeId === null || assigneeId === undefined) return true;
  const colleague = await repositories.staffUsers.findById(caseFile.orgId, assigneeId);
  if (colleague === null || colleague.status !== 'active') return false;
  return can(
    { userId: colleague.id, orgId: colleague.orgId, roles: colleague.roles },
    'case.read',
    {
      type: 'case',
      orgId: caseFile.orgId,
      assigneeIds: caseFile.assigneeIds,
    },
  );
}
