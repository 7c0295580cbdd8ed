import type { Finding } from '../rules/evaluate.ts';
import type { FindingKind } from '../rules/rule-pack.ts';

/** What a document argues from: advice and deadlines are for the lawyer, not the addressee. */
const arguing: readonly FindingKind[] = ['ground', 'right', 'consequence'];

function cited(ref: string, finding: Finding): boolean {
  const [ruleId, outcomeId] = ref.split('/');
  return finding.ruleId === ruleId && (outcomeId === undefined || finding.outcomeId === outcomeId);
}

/**
 * The legal grounds a template cites, as text for the `grounds` field: for each cited rule whose
 * grounds, rights or consequences the facts bring into play, what the law says (with its article)
 * and then what follows for this case, one paragraph per rule, in the template's order. A rule shown in several versions (under
 * review) is cited in the first, the one applied by default. Empty when nothing cited applies.
 */
export function groundsText(cites: readonly string[], findings: readonly Finding[]): string {
  const paragraphs: string[] = [];
  const done = new Set<string>();
  for (const ref of cites) {
    const matching = findings.filter(
      (finding) => arguing.includes(finding.kind) && cited(ref, finding),
    );
    const ruleId = matching[0]?.ruleId;
    if (ruleId === undefined) continue;
    const versionId = matching[0]?.versionId;
    const outcomes = matching.filter(
      (finding) =>
        finding.versionId === versionId && !done.has(`${finding.ruleId}/${finding.outcomeId}`),
    );
    if (outcomes.length === 0) continue;
    const seenRule = done.has(ruleId);
    for (const finding of outcomes) done.add(`${finding.ruleId}/${finding.outcomeId}`);
    done.add(ruleId);
    const parts = [
      ...(seenRule ? [] : [outcomes[0]?.ruleStatement.ru ?? '']),
      ...outcomes.map((finding) => finding.statement.ru),
    ];
    paragraphs.push(parts.join(' '));
  }
  return paragraphs.join('\n\n');
}
