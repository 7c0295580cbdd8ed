import type { LoadedRulePack } from '../../domain/rules/rule-pack.ts';
import type { RuleChoice, RuleDispute } from '../../domain/rules/rule-settings.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from './evaluate-legal-position.ts';

export type RuleSettings = { pack: LoadedRulePack; choices: RuleChoice[]; disputes: RuleDispute[] };

/** The pack in use, to review rule by rule, with the organisation's choices and disputes. */
export async function describeRuleSettings(
  deps: Pick<Ports, 'unitOfWork' | 'rulePacks'>,
  current: AuthenticatedSession,
): Promise<RuleSettings> {
  const orgId = current.actor.orgId;
  return deps.unitOfWork.run(async (repositories) => ({
    pack: deps.rulePacks.current(conscriptionPackId),
    choices: await repositories.ruleSettings.listChoices(orgId),
    disputes: await repositories.ruleSettings.listDisputes(orgId),
  }));
}
