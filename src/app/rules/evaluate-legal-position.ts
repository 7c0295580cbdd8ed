import { moscowDateOf } from '../../domain/rules/calendar-date.ts';
import type { CaseFacts } from '../../domain/rules/case-facts.ts';
import { type EvaluationResult, evaluate } from '../../domain/rules/evaluate.ts';
import { effectiveChoices, type RuleDispute } from '../../domain/rules/rule-settings.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import type { Ports } from '../ports/ports.ts';

export const conscriptionPackId = 'ru-conscription';

export type LegalPosition =
  | (Extract<EvaluationResult, { ok: true }> & { disputes: RuleDispute[] })
  | Extract<EvaluationResult, { ok: false }>;

/**
 * The legal position for a set of facts, under the versions the organisation applies (a
 * request's own choices win), with the disputes its lawyers raised against the rules found.
 */
export async function evaluateLegalPosition(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { facts: CaseFacts; asOf?: string; choices?: Record<string, string> },
): Promise<LegalPosition> {
  const { actor } = current;
  authorise(actor, 'case.list', { type: 'organisation', orgId: actor.orgId });
  const { choices, disputes } = await deps.unitOfWork.run(async (repositories) => ({
    choices: await repositories.ruleSettings.listChoices(actor.orgId),
    disputes: await repositories.ruleSettings.listDisputes(actor.orgId),
  }));
  const pack = deps.rulePacks.current(conscriptionPackId);
  const asOf = input.asOf ?? moscowDateOf(deps.clock.now());
  const result = evaluate(pack, input.facts, asOf, effectiveChoices(choices, input.choices));
  if (!result.ok) return result;
  const found = new Set(result.evaluation.findings.map((finding) => finding.ruleId));
  return { ...result, disputes: disputes.filter((dispute) => found.has(dispute.ruleId)) };
}
