import type { Custody, CustodyStatus } from '../timeline/custody.ts';

/** A person is on the board while he is held: until he is released or sent to a unit. */
export const heldStatuses: readonly CustodyStatus[] = [
  'detained',
  'at-medical-board',
  'lawyer-inside',
  'lawyer-refused-entry',
];

export type BoardCase = {
  caseId: string;
  caseCode: string;
  custody: Custody;
  assigneeIds: readonly string[];
};

export type BoardPlace = {
  /** Where he is held now: the last place he was taken to, else where he was picked up. */
  placeId: string | null;
  cases: BoardCase[];
};

/**
 * Who is held where now: the cases whose latest detention is still running, grouped by the place
 * where each is held, the longest held first within a place, places with the most people first.
 */
export function boardOf(
  cases: readonly {
    caseId: string;
    caseCode: string;
    custody: Custody | null;
    assigneeIds: readonly string[];
  }[],
): BoardPlace[] {
  const byPlace = new Map<string | null, BoardCase[]>();
  for (const entry of cases) {
    const { custody } = entry;
    if (custody === null || !heldStatuses.includes(custody.status)) continue;
    const placeId = custody.heldAtPlaceId ?? custody.detainedAtPlaceId;
    byPlace.set(placeId, [...(byPlace.get(placeId) ?? []), { ...entry, custody }]);
  }
  return [...byPlace]
    .map(([placeId, held]) => ({
      placeId,
      cases: held.sort(
        (a, b) =>
          a.custody.since.getTime() - b.custody.since.getTime() || a.caseId.localeCompare(b.caseId),
      ),
    }))
    .sort(
      (a, b) =>
        b.cases.length - a.cases.length ||
        (a.placeId ?? '\uffff').localeCompare(b.placeId ?? '\uffff'),
    );
}
