import { recordAudit } from '../audit/record-audit.ts';
import { addShippedPlaces } from '../places/top-up-shipped-places.ts';
import type { Ports } from '../ports/ports.ts';
import type { Organisation } from '../ports/repositories.ts';

/**
 * Creates an organisation with its own copy of the shipped places; run by the server's operator,
 * before it has any staff.
 */
export async function createOrganisation(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'shippedPlaces'>,
  input: { name: string },
): Promise<Organisation> {
  const now = deps.clock.now();
  const organisation = {
    id: deps.ids.newId(),
    name: input.name.trim(),
    createdAt: now,
    escrowPublicKey: null,
    closedCaseRetentionDays: null,
  };
  await deps.unitOfWork.run(async (repositories) => {
    await repositories.organisations.insert(organisation);
    const shippedPlaces = await addShippedPlaces(repositories, deps, organisation.id, now);
    await recordAudit(repositories, deps, now, {
      orgId: organisation.id,
      actorUserId: null,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { via: 'cli', shippedPlaces },
    });
  });
  return organisation;
}
