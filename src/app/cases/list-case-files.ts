import { can } from '../../domain/access/can.ts';
import { campaignOn } from '../../domain/campaigns/campaign.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { Report } from '../../domain/intake/report.ts';
import { moscowDateOf } from '../../domain/rules/calendar-date.ts';
import { type Custody, custodyOf } from '../../domain/timeline/custody.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { CaseListFilter } from '../ports/repositories.ts';

export type CaseListEntry = {
  caseFile: CaseFile;
  report: Omit<Report, 'personalAnswers'> | null;
  /** Other cases with a person in the same blind-index bucket: to check, not proof. */
  likelyDuplicates: string[];
  /** Where his latest detention stands, from the timeline's kinds, times and places. */
  custody: Custody | null;
  /** The campaign the case was opened in. */
  campaignId: string | null;
};

export type CaseListQuery = {
  status: 'open' | 'closed';
  /** Only the cases assigned to the reader, even where the reader may see all. */
  mine?: boolean;
  placeId?: string;
  campaignId?: string;
  /** Only cases with an open task overdue or due within the coming week. */
  dueSoon?: boolean;
};

/** How far ahead "due soon" looks: a week, as "my day" shows what comes within a week. */
const dueSoonMs = 7 * 86_400_000;

const pageSize = 200;

/** Moscow midnight at the start of a day, and the last moment of another. */
function moscowDayBounds(from: string, to: string): { createdFrom: Date; createdTo: Date } {
  return {
    createdFrom: new Date(`${from}T00:00:00+03:00`),
    createdTo: new Date(new Date(`${to}T00:00:00+03:00`).getTime() + 86_400_000 - 1),
  };
}

/**
 * The cases a staff member may see, newest first: every case for coordinators and operators,
 * only assigned ones for others, narrowed by place, campaign and tasks coming due. Operational data only, so
 * listing opens nothing and needs no key; a case's personal data is read one case at a time,
 * audited.
 */
export async function listCaseFiles(
  deps: Pick<Ports, 'unitOfWork' | 'campaigns' | 'clock'>,
  current: AuthenticatedSession,
  input: CaseListQuery,
): Promise<CaseListEntry[]> {
  const { actor } = current;
  authorise(actor, 'case.list', { type: 'organisation', orgId: actor.orgId });
  // A grant that covers an unassigned case covers every case.
  const seesEveryCase = can(actor, 'case.list', {
    type: 'case',
    orgId: actor.orgId,
    assigneeIds: [],
  });
  const campaigns = deps.campaigns.all();
  const campaign =
    input.campaignId === undefined
      ? undefined
      : campaigns.find((candidate) => candidate.id === input.campaignId);
  if (input.campaignId !== undefined && campaign === undefined)
    throw new AppError('NOT_FOUND', 'no such campaign');
  const filter: CaseListFilter = {
    status: input.status,
    limit: pageSize,
    ...(seesEveryCase && !input.mine ? {} : { assigneeId: actor.userId }),
    ...(input.placeId === undefined ? {} : { placeId: input.placeId }),
    ...(input.dueSoon ? { taskDueBy: new Date(deps.clock.now().getTime() + dueSoonMs) } : {}),
    ...(campaign === undefined ? {} : moscowDayBounds(campaign.startsOn, campaign.endsOn)),
  };
  return deps.unitOfWork.run(async (repositories) => {
    const entries = await repositories.caseFiles.listFrames(actor.orgId, filter);
    const caseIds = entries.map((entry) => entry.caseFile.id);
    const duplicates = await repositories.caseFiles.findLikelyDuplicates(actor.orgId, caseIds);
    const events = await repositories.caseTimelines.listEventFramesOf(actor.orgId, caseIds);
    return entries.map((entry) => ({
      ...entry,
      likelyDuplicates: duplicates.get(entry.caseFile.id) ?? [],
      custody: custodyOf(events.get(entry.caseFile.id) ?? []),
      campaignId: campaignOn(moscowDateOf(entry.caseFile.createdAt), campaigns)?.id ?? null,
    }));
  });
}
