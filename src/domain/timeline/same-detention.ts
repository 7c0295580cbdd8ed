/**
 * Two reports of a detention at the same place within this long of each other are likely one
 * detention told twice (a relative and a witness, say): a coordinator checks and merges. Wider
 * windows would pair every man of a group detention with every other.
 */
export const sameDetentionWindowMs = 60 * 60_000;

export type DetentionSighting = { caseId: string; placeId: string; occurredAt: Date };

/** Whether two detentions on different cases are likely the same one. */
export function isSameDetention(one: DetentionSighting, other: DetentionSighting): boolean {
  return (
    one.caseId !== other.caseId &&
    one.placeId === other.placeId &&
    Math.abs(one.occurredAt.getTime() - other.occurredAt.getTime()) <= sameDetentionWindowMs
  );
}
