import { can } from '../../domain/access/can.ts';
import type { Alert, AlertChannelName } from '../../domain/alerts/alert.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';
import { alertStep } from './raise-alert.ts';

export type Acknowledgement =
  | { outcome: 'acknowledged'; alert: Alert }
  | { outcome: 'already-acknowledged'; alert: Alert };

type Deps = Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'liveUpdates'>;

/** Where an alert was taken: the e-mailed link, the staff app, or the button in Telegram. */
export type AcknowledgedVia = 'link' | 'app' | 'telegram';
const acknowledgedOn: Record<AcknowledgedVia, AlertChannelName> = {
  link: 'email',
  app: 'board',
  telegram: 'telegram',
};

/**
 * Closes the alert for the person taking it: no further escalation fires (each step checks the
 * alert is still open), and he is assigned to the case so that it is on his list. Someone who
 * comes second is told who was first.
 */
async function acknowledge(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  alert: Alert,
  userId: string,
  via: AcknowledgedVia,
  now: Date,
): Promise<Acknowledgement> {
  if (!(await repositories.alerts.acknowledge(alert, userId, now))) {
    const current = await repositories.alerts.findById(alert.orgId, alert.id);
    return { outcome: 'already-acknowledged', alert: current ?? alert };
  }
  await repositories.alerts.addStep(
    alertStep(deps, alert, {
      kind: 'acknowledged',
      at: now,
      userId,
      channel: acknowledgedOn[via],
    }),
  );
  const caseFile = await repositories.caseFiles.findFrame(alert.orgId, alert.caseId);
  if (caseFile !== null && caseFile.status === 'open' && !caseFile.assigneeIds.includes(userId))
    await repositories.caseFiles.assign(caseFile, userId, now);
  await recordAudit(repositories, deps, now, {
    orgId: alert.orgId,
    actorUserId: userId,
    action: 'alert.acknowledged',
    subjectType: 'case',
    subjectId: alert.caseId,
    details: { alertId: alert.id, via },
  });
  return {
    outcome: 'acknowledged',
    alert: { ...alert, status: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: now },
  };
}

/**
 * A click in the staff app. Whoever was paged may take the alert; a coordinator may take any,
 * for someone who answered by phone.
 */
export async function acknowledgeAlert(
  deps: Deps,
  current: Pick<AuthenticatedSession, 'actor'>,
  alertId: string,
): Promise<Acknowledgement> {
  const { actor } = current;
  const now = deps.clock.now();
  const result = await deps.unitOfWork.run(async (repositories) => {
    const alert = await repositories.alerts.findById(actor.orgId, alertId);
    if (alert === null) throw new AppError('NOT_FOUND', 'no such alert');
    const pages = await repositories.alerts.listPages(actor.orgId, [alert.id]);
    const paged = pages.some((page) => page.userId === actor.userId);
    if (!paged && !can(actor, 'alert.manage', { type: 'organisation', orgId: actor.orgId }))
      throw new AppError('FORBIDDEN', 'alert was not paged to the actor');
    return acknowledge(repositories, deps, alert, actor.userId, 'app', now);
  });
  if (result.outcome === 'acknowledged') await deps.liveUpdates.publish(actor.orgId);
  return result;
}

/**
 * The link in an alert's e-mail, or the button under its Telegram message: single use, for the
 * person it was sent to, expiring. The token is looked up by its hash and spent in the same
 * transaction that acknowledges.
 */
export async function acknowledgeAlertByLink(
  deps: Deps & Pick<Ports, 'tokens'>,
  token: string,
  via: Extract<AcknowledgedVia, 'link' | 'telegram'> = 'link',
): Promise<Acknowledgement> {
  const now = deps.clock.now();
  const result = await deps.unitOfWork.run(async (repositories) => {
    const found = await repositories.alerts.findPageByAckToken(deps.tokens.hash(token));
    if (found === null || found.expiresAt.getTime() <= now.getTime())
      throw new AppError('TOKEN_INVALID', 'unknown or expired acknowledgement link');
    if (!(await repositories.alerts.spendAckToken(found.page)))
      throw new AppError('TOKEN_INVALID', 'acknowledgement link already used');
    const alert = await repositories.alerts.findById(found.page.orgId, found.page.alertId);
    if (alert === null) throw new AppError('TOKEN_INVALID', 'alert is gone');
    return acknowledge(repositories, deps, alert, found.page.userId, via, now);
  });
  if (result.outcome === 'acknowledged') await deps.liveUpdates.publish(result.alert.orgId);
  return result;
}
