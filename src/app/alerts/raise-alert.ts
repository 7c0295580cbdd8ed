import type { Alert, AlertReason, AlertStep } from '../../domain/alerts/alert.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/** The job that pages the next person; its key makes each step of each alert one job. */
export function escalationJobKey(alertId: string, level: number): string {
  return `alert.escalate:${alertId}:${level}`;
}

/** An entry of the alert log, with a fresh id. */
export function alertStep(
  deps: Pick<Ports, 'ids'>,
  alert: Pick<Alert, 'id' | 'orgId' | 'caseId'>,
  step: Pick<AlertStep, 'kind' | 'at'> & Partial<Pick<AlertStep, 'userId' | 'channel' | 'attempt'>>,
): AlertStep {
  return {
    id: deps.ids.newId(),
    orgId: alert.orgId,
    alertId: alert.id,
    caseId: alert.caseId,
    userId: null,
    channel: null,
    attempt: null,
    ...step,
  };
}

/**
 * Raises an alert inside the caller's transaction and enqueues its first page to run at once: the
 * alert exists if and only if the change that needed it committed, and a restart between the
 * commit and the page loses nothing, because the job is in the same database.
 */
export async function raiseAlert(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  input: {
    orgId: string;
    caseId: string;
    caseCode: string;
    placeId: string | null;
    reason: AlertReason;
    raisedBy: string | null;
    now: Date;
  },
): Promise<Alert> {
  const alert: Alert = {
    id: deps.ids.newId(),
    orgId: input.orgId,
    caseId: input.caseId,
    caseCode: input.caseCode,
    placeId: input.placeId,
    reason: input.reason,
    raisedAt: input.now,
    status: 'open',
    level: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
  await repositories.alerts.insert(alert);
  await repositories.alerts.addStep(
    alertStep(deps, alert, { kind: 'raised', at: input.now, userId: input.raisedBy }),
  );
  await repositories.jobs.enqueue(
    deps.ids.newId(),
    {
      orgId: alert.orgId,
      kind: 'alert.escalate',
      payload: { alertId: alert.id, level: 0 },
      runAt: input.now,
      idempotencyKey: escalationJobKey(alert.id, 0),
    },
    input.now,
  );
  await recordAudit(repositories, deps, input.now, {
    orgId: alert.orgId,
    actorUserId: input.raisedBy,
    action: 'alert.raised',
    subjectType: 'case',
    subjectId: alert.caseId,
    details: { alertId: alert.id, reason: alert.reason },
  });
  return alert;
}
