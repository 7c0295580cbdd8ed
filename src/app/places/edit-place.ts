import { changePlace, nameTakenProblems, type PlaceDetails } from '../../domain/places/place.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { type PlaceOutcome, placesNamedLike } from './add-place.ts';
import { loadPlace } from './find-place.ts';

/**
 * Replaces a place's names, address, coordinates and metro lines. A real change makes it
 * unverified until confirmed again, a shipped place included (its source key stays, so the
 * shipped original is never added back beside it). An edit that changes nothing is not recorded.
 */
export async function editPlace(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { placeId: string } & PlaceDetails,
): Promise<PlaceOutcome> {
  const { actor } = current;
  authorise(actor, 'place.edit', { type: 'organisation', orgId: actor.orgId });
  const { placeId, ...details } = input;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories): Promise<PlaceOutcome> => {
    const before = await loadPlace(repositories, actor.orgId, placeId);
    const change = changePlace(before, details, now);
    if (!change.ok) return change;
    if (change.changed.length === 0) return { ok: true, place: before };
    const { place } = change;
    if (change.changed.includes('nameRu')) {
      const problems = nameTakenProblems(place, await placesNamedLike(repositories, place));
      if (problems.length > 0) return { ok: false, problems };
    }
    await repositories.places.update(place);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'place.edited',
      subjectType: 'place',
      subjectId: place.id,
      details: { changed: change.changed.join(','), wasVerified: before.verified },
    });
    return { ok: true, place };
  });
}
