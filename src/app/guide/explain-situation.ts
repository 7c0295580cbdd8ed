import { type Advice, guideAdvice } from '../../domain/guide/guide-advice.ts';
import { type FittingDocument, fittingDocuments } from '../../domain/guide/guide-documents.ts';
import { guideFacts } from '../../domain/guide/guide-facts.ts';
import { reportPrefill } from '../../domain/guide/guide-report-prefill.ts';
import type { Answers } from '../../domain/intake/answers.ts';
import { moscowDateOf } from '../../domain/rules/calendar-date.ts';
import type { FactProblem } from '../../domain/rules/case-facts.ts';
import { evaluate, type Finding } from '../../domain/rules/evaluate.ts';
import { effectiveChoices } from '../../domain/rules/rule-settings.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from '../rules/evaluate-legal-position.ts';

export type Situation =
  | {
      ok: true;
      asOf: string;
      findings: Finding[];
      advice: Advice[];
      documents: FittingDocument[];
      /** The hotline report's answers the guide already knows. */
      reportPrefill: Record<string, string>;
    }
  | { ok: false; problems: FactProblem[] };

/**
 * What the guide tells a person about his situation: the rules' findings for his answers (under
 * the versions the receiving organisation's lawyers chose, when there is exactly one), what to
 * do now, and the documents that fit. Public and read-only: the answers are neither stored nor
 * logged, and only the organisation's choices of rule versions are read.
 */
export async function explainSituation(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'rulePacks'>,
  answers: Answers,
): Promise<Situation> {
  const choices = await deps.unitOfWork.run(async (repositories) => {
    const organisations = await repositories.organisations.list();
    const [only] = organisations;
    if (only === undefined || organisations.length > 1) return [];
    return repositories.ruleSettings.listChoices(only.id);
  });
  const facts = guideFacts(answers);
  const asOf = moscowDateOf(deps.clock.now());
  const result = evaluate(
    deps.rulePacks.current(conscriptionPackId),
    facts,
    asOf,
    effectiveChoices(choices),
  );
  if (!result.ok) return result;
  return {
    ok: true,
    asOf,
    findings: result.evaluation.findings,
    advice: guideAdvice(facts, answers),
    documents: fittingDocuments(facts, answers),
    reportPrefill: reportPrefill(answers),
  };
}
