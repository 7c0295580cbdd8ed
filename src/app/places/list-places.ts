import type { Place, PlaceKind } from '../../domain/places/place.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * The organisation's places of the given kinds (every kind when none), in alphabetical order,
 * narrowed to those whose Russian or English name contains the query, typed in either script.
 * Not audited: places are operational data, and listing them says nothing about any case.
 */
export async function listPlaces(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
  input: { kinds: readonly PlaceKind[]; query: string; limit: number },
): Promise<Place[]> {
  const { actor } = current;
  authorise(actor, 'place.list', { type: 'organisation', orgId: actor.orgId });
  return deps.unitOfWork.run((repositories) => repositories.places.search(actor.orgId, input));
}
