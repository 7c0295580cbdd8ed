import { maxEscalationMinutes, minEscalationMinutes } from '../../domain/alerts/alert.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { FactsRefusedError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';

/** How long an alert waits for an acknowledgement before it moves to the next person. */
export async function setEscalationMinutes(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: Pick<AuthenticatedSession, 'actor'>,
  minutes: number,
): Promise<void> {
  const { actor } = current;
  authorise(actor, 'roster.manage', { type: 'organisation', orgId: actor.orgId });
  if (
    !Number.isInteger(minutes) ||
    minutes < minEscalationMinutes ||
    minutes > maxEscalationMinutes
  )
    throw new FactsRefusedError([
      {
        path: ['escalationMinutes'],
        message: {
          ru: `От ${minEscalationMinutes} до ${maxEscalationMinutes} минут.`,
          en: `From ${minEscalationMinutes} to ${maxEscalationMinutes} minutes.`,
        },
      },
    ]);
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    await repositories.roster.setEscalationMinutes(actor.orgId, minutes, {
      by: actor.userId,
      at: now,
    });
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'roster.escalation-set',
      subjectType: 'organisation',
      subjectId: actor.orgId,
      details: { minutes },
    });
  });
}
