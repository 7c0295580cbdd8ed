import type { FollowUpStatus } from '../../domain/intake/report.ts';
import type { Ports } from '../ports/ports.ts';

export type FollowUp = { caseCode: string; status: FollowUpStatus; receivedAt: Date };

/**
 * What the holder of a follow-up link may see: the case code and how far the case has come.
 * Nothing personal: whoever holds the link (a relative, or someone who took the phone) sees
 * only this.
 */
export async function followUpReport(
  deps: Pick<Ports, 'unitOfWork' | 'tokens'>,
  followUpToken: string,
): Promise<FollowUp | null> {
  const found = await deps.unitOfWork.run((repositories) =>
    repositories.caseFiles.findReportByFollowUpHash(deps.tokens.hash(followUpToken)),
  );
  if (found === null || found.caseFile.status === 'deleted') return null;
  const { caseFile, report } = found;
  const status: FollowUpStatus =
    caseFile.status === 'closed'
      ? 'closed'
      : caseFile.assigneeIds.length > 0
        ? 'lawyer-assigned'
        : 'received';
  return { caseCode: report.caseCode, status, receivedAt: report.receivedAt };
}
