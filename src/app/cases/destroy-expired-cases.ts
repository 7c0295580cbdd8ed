import { isDueForDestruction, retentionCutoff } from '../../domain/cases/retention.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * Destroys (crypto-shreds) every closed case kept longer than its organisation's retention
 * period, one case per transaction. Idempotent: several app instances may run it at once.
 */
export async function destroyExpiredCases(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
): Promise<{ destroyedCases: number }> {
  const now = deps.clock.now();
  const due = await deps.unitOfWork.run(async (repositories) => {
    const found: { orgId: string; caseId: string; retentionDays: number }[] = [];
    for (const organisation of await repositories.organisations.list()) {
      const days = organisation.closedCaseRetentionDays;
      if (days === null) continue;
      for (const caseId of await repositories.caseFiles.listClosedBefore(
        organisation.id,
        retentionCutoff(days, now),
      )) {
        found.push({ orgId: organisation.id, caseId, retentionDays: days });
      }
    }
    return found;
  });
  let destroyedCases = 0;
  for (const { orgId, caseId, retentionDays } of due) {
    const destroyed = await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await repositories.caseFiles.findFrame(orgId, caseId);
      if (caseFile === null || !isDueForDestruction(caseFile, retentionDays, now)) return false;
      await repositories.caseFiles.shred(caseFile, now);
      await recordAudit(repositories, deps, now, {
        orgId,
        actorUserId: null,
        action: 'case.deleted',
        subjectType: 'case',
        subjectId: caseId,
        details: { via: 'retention', retentionDays },
      });
      return true;
    });
    if (destroyed) destroyedCases += 1;
  }
  return { destroyedCases };
}
