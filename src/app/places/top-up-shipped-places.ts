import { placeFromShipped } from '../../domain/places/shipped-place.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/**
 * Inside the caller's transaction, gives the organisation its own copy of every shipped place it
 * lacks (matched by source key). Places it has are left exactly as they are, edited or not.
 * Returns how many were added, for the caller to audit with the change it is part of.
 */
export async function addShippedPlaces(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'shippedPlaces'>,
  orgId: string,
  now: Date,
): Promise<number> {
  const held = await repositories.places.listSourceKeys(orgId);
  const missing = deps.shippedPlaces
    .list()
    .filter((shipped) => !held.has(shipped.sourceKey))
    .map((shipped) => placeFromShipped(shipped, { id: deps.ids.newId(), orgId, now }));
  return missing.length === 0 ? 0 : repositories.places.insertMissingShipped(missing);
}

/**
 * At start-up: every organisation gets the shipped places added since it was created (a new
 * release may ship more), one transaction per organisation.
 */
export async function topUpShippedPlaces(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'shippedPlaces'>,
): Promise<{ organisations: number; added: number }> {
  const organisations = await deps.unitOfWork.run((repositories) =>
    repositories.organisations.list(),
  );
  let added = 0;
  for (const organisation of organisations) {
    added += await deps.unitOfWork.run(async (repositories) => {
      const now = deps.clock.now();
      const count = await addShippedPlaces(repositories, deps, organisation.id, now);
      if (count > 0) {
        await recordAudit(repositories, deps, now, {
          orgId: organisation.id,
          actorUserId: null,
          action: 'place.shipped-added',
          subjectType: 'organisation',
          subjectId: organisation.id,
          details: { count },
        });
      }
      return count;
    });
  }
  return { organisations: organisations.length, added };
}
