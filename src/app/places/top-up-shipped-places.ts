import { placeFromShipped } from '../../domain/places/shipped-place.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/**
 * Inside the caller's transaction, gives the organisation its own copy of every shipped place it
 * lacks (matched by source key) and audits how many. Places it has are left exactly as they are,
 * edited or not. Returns how many were added.
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
  if (missing.length === 0) return 0;
  const added = await repositories.places.insertMissingShipped(missing);
  if (added > 0) {
    await recordAudit(repositories, deps, now, {
      orgId,
      actorUserId: null,
      action: 'place.shipped-added',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { count: added },
    });
  }
  return added;
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
    added += await deps.unitOfWork.run((repositories) =>
      addShippedPlaces(repositories, deps, organisation.id, deps.clock.now()),
    );
  }
  return { organisations: organisations.length, added };
}
