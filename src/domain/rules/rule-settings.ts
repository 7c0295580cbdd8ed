import type { LoadedRulePack } from './rule-pack.ts';

export const underReview = 'under-review';

/** Which version of a rule an organisation applies, or that its lawyers are reviewing it. */
export type RuleChoice = {
  orgId: string;
  ruleId: string;
  /** A version id of the rule, or 'under-review'. */
  choice: string;
  note: string | null;
  setBy: string;
  setAt: Date;
};

/**
 * A lawyer's objection to a rule version as the pack states it. About the law, never about a
 * client: it holds no personal data.
 */
export type RuleDispute = {
  id: string;
  orgId: string;
  ruleId: string;
  versionId: string;
  note: string;
  raisedBy: string;
  raisedAt: Date;
};

export type RuleReference =
  | { ok: true }
  | { ok: false; reason: 'UNKNOWN_RULE' | 'UNKNOWN_VERSION' };

/** Whether a rule (and, when given, a version of it) exists in the pack. */
export function checkRuleReference(
  loaded: LoadedRulePack,
  ruleId: string,
  versionId?: string,
): RuleReference {
  const rule = loaded.pack.rules.find((candidate) => candidate.id === ruleId);
  if (rule === undefined) return { ok: false, reason: 'UNKNOWN_RULE' };
  if (versionId === undefined || versionId === underReview) return { ok: true };
  return rule.versions.some((version) => version.id === versionId)
    ? { ok: true }
    : { ok: false, reason: 'UNKNOWN_VERSION' };
}

/** The organisation's choices as evaluation takes them; a request's own choices win. */
export function effectiveChoices(
  organisationChoices: readonly RuleChoice[],
  requested: Record<string, string> = {},
): Record<string, string> {
  return {
    ...Object.fromEntries(organisationChoices.map((choice) => [choice.ruleId, choice.choice])),
    ...requested,
  };
}
