import type { CaseFile } from '../cases/case-file.ts';

/**
 * The organisation's consent to count a case in public statistics. A case without one is not
 * publishable: nothing is counted until a coordinator decides it may be.
 */
export type CasePublication = {
  orgId: string;
  caseId: string;
  publishable: boolean;
  changedBy: string | null;
  changedAt: Date;
};

/**
 * Why a case's consent cannot be changed, or null when it can. A closed case keeps counting as
 * decided (its detention still happened); a case merged into another has handed its events to
 * that case, whose consent then counts them; a deleted case has no events left to count.
 */
export function publicationRefusal(
  caseFile: Pick<CaseFile, 'status' | 'mergedInto'>,
): 'merged' | 'deleted' | null {
  if (caseFile.status === 'deleted') return 'deleted';
  if (caseFile.mergedInto !== null) return 'merged';
  return null;
}
