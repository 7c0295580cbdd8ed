import type { Alert } from '../../domain/alerts/alert.ts';
import { custodyOf } from '../../domain/timeline/custody.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { caseCodeOf } from '../board/read-board.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { raiseAlert } from './raise-alert.ts';

/**
 * Staff mark a case urgent (a call came in, a transfer is imminent): the on-duty lawyer is
 * paged exactly as for a new detention report. One open alert per case at a time.
 */
export async function markCaseUrgent(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'liveUpdates'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<Alert> {
  const { actor } = current;
  const now = deps.clock.now();
  const alert = await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    const existing = await repositories.alerts.listOfCase(caseFile.orgId, caseFile.id);
    if (existing.some((alert) => alert.status === 'open'))
      throw new AppError('CONFLICT', 'the case has an open alert already');
    const [frame] = await repositories.caseFiles.listFrames(caseFile.orgId, {
      status: 'open',
      limit: 1,
      caseIds: [caseFile.id],
    });
    const custody = custodyOf(await repositories.caseTimelines.listEventFrames(caseFile));
    return raiseAlert(repositories, deps, {
      orgId: caseFile.orgId,
      caseId: caseFile.id,
      caseCode: caseCodeOf(caseFile, frame?.report?.caseCode ?? null),
      placeId: custody?.heldAtPlaceId ?? custody?.detainedAtPlaceId ?? null,
      reason: 'marked-urgent',
      raisedBy: actor.userId,
      now,
    });
  });
  await deps.liveUpdates.publish(actor.orgId);
  return alert;
}
