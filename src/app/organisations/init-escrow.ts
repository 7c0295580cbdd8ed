import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { openEscrow } from './escrow.ts';

/**
 * Creates the organisation's escrow key pair, or replaces it (rotation: every case's escrow wrap
 * is re-sealed to the new key, which needs the old private key). Returns the new private key
 * once, for the operator to store offline; the server keeps only the public half.
 */
export async function setEscrowKey(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'staffKeys'>,
  input: { orgId: string; previousPrivateKey?: string },
): Promise<{ privateKey: string; publicKey: string; resealedCases: number }> {
  const now = deps.clock.now();
  const pair = deps.staffKeys.createEscrowKeyPair();
  return deps.unitOfWork.run(async (repositories) => {
    const organisation = await repositories.organisations.findById(input.orgId);
    if (organisation === null) throw new AppError('NOT_FOUND', 'no such organisation');
    let resealedCases = 0;
    if (organisation.escrowPublicKey !== null) {
      if (input.previousPrivateKey === undefined) {
        throw new AppError(
          'CONFLICT',
          'an escrow key exists: rotating it needs the current private key',
        );
      }
      const previous = await openEscrow(repositories, deps, input.orgId, input.previousPrivateKey);
      for (const caseId of await repositories.caseFiles.listEscrowedCaseIds(input.orgId)) {
        const caseFile = await repositories.caseFiles.findFrame(input.orgId, caseId);
        if (caseFile === null) continue;
        const recipient = { kind: 'escrow' as const, id: input.orgId, publicKey: pair.publicKey };
        if (await repositories.caseFiles.replaceWrap(caseFile, previous, recipient, now))
          resealedCases += 1;
      }
    }
    await repositories.organisations.setEscrowPublicKey(input.orgId, pair.publicKey);
    await recordAudit(repositories, deps, now, {
      orgId: input.orgId,
      actorUserId: null,
      action: 'organisation.escrow-set',
      subjectType: 'organisation',
      subjectId: input.orgId,
      details: { via: 'cli', rotated: organisation.escrowPublicKey !== null, resealedCases },
    });
    return { ...pair, resealedCases };
  });
}
