import { confirmPlace as confirmed, type Place } from '../../domain/places/place.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadPlace } from './find-place.ts';

/** The organisation vouches for a place as it now reads (admins and coordinators). */
export async function confirmPlace(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  placeId: string,
): Promise<Place> {
  const { actor } = current;
  authorise(actor, 'place.manage', { type: 'organisation', orgId: actor.orgId });
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const place = confirmed(await loadPlace(repositories, actor.orgId, placeId), actor.userId, now);
    await repositories.places.update(place);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'place.confirmed',
      subjectType: 'place',
      subjectId: place.id,
      details: { kind: place.kind },
    });
    return place;
  });
}
