import { checkRuleReference } from '../../domain/rules/rule-settings.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from './evaluate-legal-position.ts';

/** A lawyer marks a rule version as disputed, with a note on why; colleagues see it on findings. */
export async function raiseRuleDispute(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { ruleId: string; versionId: string; note: string },
): Promise<{ disputeId: string }> {
  const { actor } = current;
  authorise(actor, 'rules.dispute', { type: 'organisation', orgId: actor.orgId });
  const reference = checkRuleReference(
    deps.rulePacks.current(conscriptionPackId),
    input.ruleId,
    input.versionId,
  );
  if (!reference.ok) throw new AppError('NOT_FOUND', `dispute refused: ${reference.reason}`);
  const now = deps.clock.now();
  const disputeId = deps.ids.newId();
  await deps.unitOfWork.run(async (repositories) => {
    await repositories.ruleSettings.addDispute({
      id: disputeId,
      orgId: actor.orgId,
      ruleId: input.ruleId,
      versionId: input.versionId,
      note: input.note.trim(),
      raisedBy: actor.userId,
      raisedAt: now,
    });
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'rules.disputed',
      subjectType: 'rule',
      subjectId: input.ruleId,
      details: { versionId: input.versionId },
    });
  });
  return { disputeId };
}
