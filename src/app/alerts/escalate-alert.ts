import { type AlertDelivery, type AlertPage, escalationTarget } from '../../domain/alerts/alert.ts';
import type { Ports } from '../ports/ports.ts';
import { escalationMinutesOf, onDutyStaff } from '../roster/read-roster.ts';
import { alertStep, escalationJobKey } from './raise-alert.ts';

export type EscalationOutcome = 'paged' | 'exhausted' | 'not-needed';

/**
 * One step of an alert's escalation, run by the job queue: pages the next person (the first on
 * duty, then the next, then the coordinators), enqueues a delivery on every channel for each,
 * and the next step after the organisation's delay. A step that finds the alert acknowledged or
 * already past this step, or its case closed, does nothing; the step itself is a compare-and-set on the alert's
 * level in the same transaction as the pages, so two runners, or a runner that died after the
 * commit and before it marked the job done, can never page twice.
 */
export async function escalateAlert(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'alertChannels' | 'liveUpdates'>,
  input: { orgId: string; alertId: string; level: number },
): Promise<EscalationOutcome> {
  const now = deps.clock.now();
  const outcome = await deps.unitOfWork.run(async (repositories): Promise<EscalationOutcome> => {
    const alert = await repositories.alerts.findById(input.orgId, input.alertId);
    if (alert === null || alert.status !== 'open' || alert.level !== input.level)
      return 'not-needed';
    // A case closed meanwhile needs nobody any more.
    const caseFile = await repositories.caseFiles.findFrame(alert.orgId, alert.caseId);
    if (caseFile === null || caseFile.status !== 'open') return 'not-needed';
    const pages = await repositories.alerts.listPages(alert.orgId, [alert.id]);
    const staff = await repositories.staffUsers.listByOrganisation(alert.orgId);
    const active = new Set(
      staff.filter((member) => member.status === 'active').map((member) => member.id),
    );
    const target = escalationTarget({
      onDuty: (await onDutyStaff(repositories, alert.orgId, now)).filter((id) => active.has(id)),
      coordinators: staff
        .filter((member) => member.status === 'active' && member.roles.includes('coordinator'))
        .map((member) => member.id),
      alreadyPaged: pages.map((page) => page.userId),
    });
    if (!(await repositories.alerts.advance(alert, input.level))) return 'not-needed';
    if (target.kind === 'exhausted') {
      await repositories.alerts.addStep(alertStep(deps, alert, { kind: 'exhausted', at: now }));
      return 'exhausted';
    }
    const userIds = target.kind === 'on-duty' ? [target.userId] : target.userIds;
    // Who linked a chat matters only where a channel reaches linked chats alone.
    const withTelegram = deps.alertChannels.some((channel) => channel.needsTelegramChat)
      ? await repositories.staffTelegramChats.linkedUserIds(alert.orgId, userIds)
      : new Set<string>();
    for (const userId of userIds) {
      const page: AlertPage = {
        id: deps.ids.newId(),
        orgId: alert.orgId,
        alertId: alert.id,
        userId,
        level: input.level,
        pagedAt: now,
      };
      await repositories.alerts.addPage(page);
      await repositories.alerts.addStep(alertStep(deps, alert, { kind: 'paged', at: now, userId }));
      const reaching = deps.alertChannels.filter(
        (channel) => !channel.needsTelegramChat || withTelegram.has(userId),
      );
      for (const channel of reaching) {
        const delivery: AlertDelivery = {
          id: deps.ids.newId(),
          orgId: alert.orgId,
          alertId: alert.id,
          pageId: page.id,
          channel: channel.name,
          status: 'pending',
          attempts: 0,
          sentAt: null,
        };
        await repositories.alerts.addDelivery(delivery);
        await repositories.jobs.enqueue(
          deps.ids.newId(),
          {
            orgId: alert.orgId,
            kind: 'alert.deliver',
            payload: { deliveryId: delivery.id },
            runAt: now,
            idempotencyKey: `alert.deliver:${delivery.id}`,
          },
          now,
        );
      }
    }
    const minutes = await escalationMinutesOf(repositories, alert.orgId);
    await repositories.jobs.enqueue(
      deps.ids.newId(),
      {
        orgId: alert.orgId,
        kind: 'alert.escalate',
        payload: { alertId: alert.id, level: input.level + 1 },
        runAt: new Date(now.getTime() + minutes * 60_000),
        idempotencyKey: escalationJobKey(alert.id, input.level + 1),
      },
      now,
    );
    return 'paged';
  });
  if (outcome !== 'not-needed') await deps.liveUpdates.publish(input.orgId);
  return outcome;
}
