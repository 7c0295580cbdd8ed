import { AppError } from '../app-error.ts';
import type { UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/**
 * Opens the organisation's escrow identity from the private key the operator supplies (from a
 * file or standard input, never from configuration). Refused when it is not the escrow key.
 */
export async function openEscrow(
  repositories: Repositories,
  deps: Pick<Ports, 'staffKeys'>,
  orgId: string,
  escrowPrivateKey: string,
): Promise<UnlockedIdentity> {
  const organisation = await repositories.organisations.findById(orgId);
  if (organisation === null) throw new AppError('NOT_FOUND', 'no such organisation');
  if (organisation.escrowPublicKey === null)
    throw new AppError('KEY_UNAVAILABLE', 'no escrow key set');
  const escrow = deps.staffKeys.escrowIdentity(
    orgId,
    organisation.escrowPublicKey,
    escrowPrivateKey,
  );
  if (escrow === null)
    throw new AppError('KEY_UNAVAILABLE', 'that is not this organisation’s escrow key');
  return escrow;
}
