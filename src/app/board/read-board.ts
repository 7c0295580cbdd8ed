import { can } from '../../domain/access/can.ts';
import type { Alert } from '../../domain/alerts/alert.ts';
import { type BoardPlace, boardOf } from '../../domain/board/board.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import { custodyOf } from '../../domain/timeline/custody.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import type { Ports } from '../ports/ports.ts';

export type BoardAlert = Alert & {
  paged: { userId: string; displayName: string; pagedAt: Date }[];
  /** Whether the reader was paged: then the board offers him to take it. */
  pagedToReader: boolean;
  /** Deliveries that failed for good: someone was not reached on a channel. */
  failedDeliveries: number;
};

export type Board = {
  places: (Omit<BoardPlace, 'cases'> & {
    cases: (BoardPlace['cases'][number] & {
      /** Whether the reader may open the case; the board itself never shows a name. */
      readerMayOpen: boolean;
      assignees: { userId: string; displayName: string }[];
    })[];
  })[];
  openAlerts: BoardAlert[];
  readAt: Date;
};

/** Cases opened by staff have no report and so no code: the end of the id stands in. */
export function caseCodeOf(caseFile: Pick<CaseFile, 'id'>, reportCode: string | null): string {
  return reportCode ?? caseFile.id.replace(/-/g, '').slice(-8);
}

/** Held cases beyond this are a mass detention: the board shows the most recent. */
const boardCaseLimit = 1_000;

/**
 * The live board: who is held where right now, how long, in what state, who is on it and how
 * stale the line is; and the alerts nobody has taken yet. Case codes and place ids only: the
 * board hangs on walls and is read over shoulders, so names stay in the case, one audited
 * opening at a time.
 */
export async function readBoard(
  deps: Pick<Ports, 'unitOfWork' | 'clock'>,
  current: Pick<AuthenticatedSession, 'actor'>,
): Promise<Board> {
  const { actor } = current;
  authorise(actor, 'board.read', { type: 'organisation', orgId: actor.orgId });
  const readAt = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const frames = await repositories.caseFiles.listFrames(actor.orgId, {
      status: 'open',
      detainedOnly: true,
      limit: boardCaseLimit,
    });
    const events = await repositories.caseTimelines.listEventFramesOf(
      actor.orgId,
      frames.map((frame) => frame.caseFile.id),
    );
    const staff = await repositories.staffUsers.listByOrganisation(actor.orgId);
    const nameOf = (userId: string) =>
      staff.find((member) => member.id === userId)?.displayName ?? '';
    const places = boardOf(
      frames.map(({ caseFile, report }) => ({
        caseId: caseFile.id,
        caseCode: caseCodeOf(caseFile, report?.caseCode ?? null),
        custody: custodyOf(events.get(caseFile.id) ?? []),
        assigneeIds: caseFile.assigneeIds,
      })),
    ).map((place) => ({
      ...place,
      cases: place.cases.map((entry) => ({
        ...entry,
        readerMayOpen: can(actor, 'case.read', {
          type: 'case',
          orgId: actor.orgId,
          assigneeIds: entry.assigneeIds,
        }),
        assignees: entry.assigneeIds.map((userId) => ({ userId, displayName: nameOf(userId) })),
      })),
    }));
    const alerts = await repositories.alerts.listOpen(actor.orgId);
    const alertIds = alerts.map((alert) => alert.id);
    const pages = await repositories.alerts.listPages(actor.orgId, alertIds);
    const deliveries = await repositories.alerts.listDeliveries(actor.orgId, alertIds);
    return {
      places,
      openAlerts: alerts.map((alert) => {
        const paged = pages.filter((page) => page.alertId === alert.id);
        return {
          ...alert,
          paged: paged.map((page) => ({
            userId: page.userId,
            displayName: nameOf(page.userId),
            pagedAt: page.pagedAt,
          })),
          pagedToReader: paged.some((page) => page.userId === actor.userId),
          failedDeliveries: deliveries.filter(
            (delivery) => delivery.alertId === alert.id && delivery.status === 'failed',
          ).length,
        };
      }),
      readAt,
    };
  });
}
