import {
  nameTakenProblems,
  newPlace,
  type Place,
  type PlaceDetails,
  type PlaceKind,
  type PlaceProblem,
} from '../../domain/places/place.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

export type PlaceOutcome = { ok: true; place: Place } | { ok: false; problems: PlaceProblem[] };

/** Places of the same kind whose names may clash with this one, for `nameTakenProblems`. */
export function placesNamedLike(
  repositories: Repositories,
  place: Pick<Place, 'orgId' | 'kind' | 'nameRu'>,
): Promise<Place[]> {
  return repositories.places.search(place.orgId, {
    kinds: [place.kind],
    query: place.nameRu,
    limit: 100,
  });
}

/**
 * Adds a place the list lacks, unverified until someone with place.manage confirms it. Without
 * an English name it gets a transliteration of the Russian one.
 */
export async function addPlace(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { kind: PlaceKind } & Omit<PlaceDetails, 'nameEn'> & { nameEn?: string | undefined },
): Promise<PlaceOutcome> {
  const { actor } = current;
  authorise(actor, 'place.edit', { type: 'organisation', orgId: actor.orgId });
  const { kind, ...details } = input;
  const now = deps.clock.now();
  const decision = newPlace({ id: deps.ids.newId(), orgId: actor.orgId, kind, details, now });
  if (!decision.ok) return decision;
  const { place } = decision;
  return deps.unitOfWork.run(async (repositories): Promise<PlaceOutcome> => {
    const problems = nameTakenProblems(place, await placesNamedLike(repositories, place));
    if (problems.length > 0) return { ok: false, problems };
    await repositories.places.insert(place);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'place.added',
      subjectType: 'place',
      subjectId: place.id,
      details: { kind: place.kind },
    });
    return { ok: true, place };
  });
}
