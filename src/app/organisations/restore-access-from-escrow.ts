import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { openEscrow } from './escrow.ts';

/**
 * After a password reset a staff member has a new key pair, and the cases sealed to the old one
 * are closed to him. With the escrow key an admin re-seals to the new key every case he is
 * entitled to: those assigned to him, or all of them for a coordinator.
 */
export async function restoreAccessFromEscrow(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'staffKeys'>,
  input: { orgId: string; userId: string; escrowPrivateKey: string },
): Promise<{ restoredCases: number }> {
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const escrow = await openEscrow(repositories, deps, input.orgId, input.escrowPrivateKey);
    const user = await repositories.staffUsers.findById(input.orgId, input.userId);
    if (user === null || user.status !== 'active')
      throw new AppError('NOT_FOUND', 'no such active user');
    if (user.keys === null)
      throw new AppError('KEY_UNAVAILABLE', 'the user has not set a password yet');
    const recipient = { kind: 'staff' as const, id: user.id, publicKey: user.keys.publicKey };
    let restoredCases = 0;
    for (const caseId of await repositories.caseFiles.listEscrowedCaseIds(input.orgId)) {
      const caseFile = await repositories.caseFiles.findFrame(input.orgId, caseId);
      if (caseFile === null || caseFile.status === 'deleted') continue;
      if (!caseFile.assigneeIds.includes(user.id) && !user.roles.includes('coordinator')) continue;
      if (!(await repositories.caseFiles.replaceWrap(caseFile, escrow, recipient, now))) continue;
      restoredCases += 1;
      await recordAudit(repositories, deps, now, {
        orgId: input.orgId,
        actorUserId: null,
        action: 'case.access-restored',
        subjectType: 'case',
        subjectId: caseId,
        details: { via: 'escrow', to: user.id },
      });
    }
    return { restoredCases };
  });
}
