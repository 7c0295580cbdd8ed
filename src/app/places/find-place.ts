import type { Place } from '../../domain/places/place.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/** A place of the actor's organisation, or NOT_FOUND (also for another organisation's place). */
export async function loadPlace(
  repositories: Repositories,
  orgId: string,
  placeId: string,
): Promise<Place> {
  const place = await repositories.places.findById(orgId, placeId);
  if (place === null) throw new AppError('NOT_FOUND', 'no such place in the organisation');
  return place;
}

/** One place of the organisation, e.g. to name the place a case's event refers to. */
export async function findPlace(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
  placeId: string,
): Promise<Place> {
  const { actor } = current;
  authorise(actor, 'place.list', { type: 'organisation', orgId: actor.orgId });
  return deps.unitOfWork.run((repositories) => loadPlace(repositories, actor.orgId, placeId));
}
