import type { Answers, AnswerValue } from './answers.ts';

/** What a detention report says about where and when, in clear: the live board starts here. */
export type ReportedDetention = {
  occurredAt: Date;
  /** Where he was picked up: a metro station from the organisation's list. */
  detainedAtPlaceId: string | null;
  /** Where he was taken: a conscription centre or police station from the list. */
  heldAtPlaceId: string | null;
};

/** A place chosen from the list; a place typed by hand is personal and stays sealed. */
function listedPlaceId(answer: AnswerValue | undefined): string | null {
  return typeof answer === 'object' && 'placeId' in answer ? answer.placeId : null;
}

/**
 * The detention a report describes, or null for a report of something else. The time is the
 * reporter's, unless it is missing or later than the report itself, when the report's time is
 * the best there is.
 */
export function reportedDetention(answers: Answers, receivedAt: Date): ReportedDetention | null {
  if (answers.situation !== 'detained') return null;
  const typed = answers['detained-at'];
  const typedAt = typeof typed === 'string' ? new Date(typed) : null;
  const occurredAt =
    typedAt === null || Number.isNaN(typedAt.getTime()) || typedAt.getTime() > receivedAt.getTime()
      ? receivedAt
      : typedAt;
  return {
    occurredAt,
    detainedAtPlaceId: listedPlaceId(answers['taken-from-station']),
    heldAtPlaceId:
      listedPlaceId(answers['taken-to-centre']) ?? listedPlaceId(answers['taken-to-police']),
  };
}

/** The place an alert about the report names: where he is held, or where the lawyer was refused. */
export function reportedPlaceId(answers: Answers): string | null {
  return (
    listedPlaceId(answers['taken-to-centre']) ??
    listedPlaceId(answers['taken-to-police']) ??
    listedPlaceId(answers['taken-from-station']) ??
    listedPlaceId(answers['lawyer-place'])
  );
}
