import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { openEscrow } from './escrow.ts';

/**
 * Gives every case of the organisation a new data key: its sealed values are re-sealed and the
 * new key wrapped to the same recipients (their public keys suffice), one case per transaction,
 * so the server keeps serving while it runs. Opening the old keys takes the escrow key.
 */
export async function rotateCaseKeys(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'staffKeys'>,
  input: { orgId: string; escrowPrivateKey: string },
): Promise<{ rotatedCases: number }> {
  const caseIds = await deps.unitOfWork.run(async (repositories) => {
    await openEscrow(repositories, deps, input.orgId, input.escrowPrivateKey);
    return repositories.caseFiles.listEscrowedCaseIds(input.orgId);
  });
  let rotatedCases = 0;
  for (const caseId of caseIds) {
    const now = deps.clock.now();
    const rotated = await deps.unitOfWork.run(async (repositories) => {
      const escrow = await openEscrow(repositories, deps, input.orgId, input.escrowPrivateKey);
      const caseFile = await repositories.caseFiles.findFrame(input.orgId, caseId);
      if (caseFile === null || caseFile.status === 'deleted') return false;
      if (!(await repositories.caseFiles.rotateDataKey(caseFile, escrow, now))) return false;
      await recordAudit(repositories, deps, now, {
        orgId: input.orgId,
        actorUserId: null,
        action: 'case.key-rotated',
        subjectType: 'case',
        subjectId: caseId,
        details: { via: 'cli' },
      });
      return true;
    });
    if (rotated) rotatedCases += 1;
  }
  return { rotatedCases };
}
