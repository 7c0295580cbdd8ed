import { checkRuleReference } from '../../domain/rules/rule-settings.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from './evaluate-legal-position.ts';

/**
 * Sets which version of a rule the organisation applies, or marks it under review; a null
 * choice goes back to the pack's default.
 */
export async function setRuleChoice(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { ruleId: string; choice: string | null; note: string | null },
): Promise<void> {
  const { actor } = current;
  authorise(actor, 'rules.manage', { type: 'organisation', orgId: actor.orgId });
  const reference = checkRuleReference(
    deps.rulePacks.current(conscriptionPackId),
    input.ruleId,
    input.choice ?? undefined,
  );
  if (!reference.ok) throw new AppError('NOT_FOUND', `rule choice refused: ${reference.reason}`);
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    if (input.choice === null) {
      await repositories.ruleSettings.clearChoice(actor.orgId, input.ruleId);
    } else {
      await repositories.ruleSettings.setChoice({
        orgId: actor.orgId,
        ruleId: input.ruleId,
        choice: input.choice,
        note: input.note,
        setBy: actor.userId,
        setAt: now,
      });
    }
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'rules.choice-set',
      subjectType: 'rule',
      subjectId: input.ruleId,
      details: { choice: input.choice },
    });
  });
}
