import type { CaseFile } from './case-file.ts';

const dayMs = 24 * 60 * 60_000;

/**
 * Whether a closed case has been kept as long as its organisation keeps closed cases. Collect
 * the minimum, keep it no longer than needed: the default is to keep (null), and an organisation
 * sets its period on purpose.
 */
export function isDueForDestruction(
  caseFile: Pick<CaseFile, 'status' | 'closedAt'>,
  retentionDays: number | null,
  now: Date,
): boolean {
  if (retentionDays === null || caseFile.status !== 'closed' || caseFile.closedAt === null)
    return false;
  return now.getTime() - caseFile.closedAt.getTime() >= retentionDays * dayMs;
}

/** The moment before which a case must have been closed to be due. */
export function retentionCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - retentionDays * dayMs);
}
