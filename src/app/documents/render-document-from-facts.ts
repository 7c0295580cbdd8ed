import { type ComposedDocument, composeDocument } from '../../domain/documents/compose-document.ts';
import { type DocumentFacts, valuesFromFacts } from '../../domain/documents/document-facts.ts';
import type { DocumentValues } from '../../domain/documents/document-field.ts';
import type { DocumentKind } from '../../domain/documents/document-template.ts';
import type { CalendarDate } from '../../domain/rules/calendar-date.ts';
import { evaluate, type Finding } from '../../domain/rules/evaluate.ts';
import { DocumentFieldsError, FactsRefusedError } from '../app-error.ts';
import type { DocumentFormat, DocumentTools } from '../ports/documents.ts';
import type { RulePacks } from '../ports/rule-packs.ts';
import { conscriptionPackId } from '../rules/evaluate-legal-position.ts';

export type RenderedDocument = {
  document: ComposedDocument;
  values: DocumentValues;
  bytes: Uint8Array;
};

/**
 * Makes a document from plain facts, with no case and no storage: the command line and the
 * public guide use it. The rules, applied to the facts with the pack's defaults, give the
 * grounds the template cites unless the facts give them. Refuses with every missing field named
 * (DocumentFieldsError) or every impossible fact (FactsRefusedError), before rendering anything.
 */
export async function renderDocumentFromFacts(
  deps: { documents: DocumentTools; rulePacks: RulePacks },
  input: { kind: DocumentKind; facts: DocumentFacts; format: DocumentFormat; today: CalendarDate },
): Promise<RenderedDocument> {
  const template = deps.documents.templates.current(input.kind);
  const asOf = input.facts.asOf ?? input.today;
  let findings: Finding[] = [];
  if (input.facts.caseFacts !== undefined) {
    const evaluated = evaluate(
      deps.rulePacks.current(conscriptionPackId),
      input.facts.caseFacts,
      asOf,
      {},
    );
    if (!evaluated.ok) throw new FactsRefusedError(evaluated.problems);
    findings = evaluated.evaluation.findings;
  }
  const filled = valuesFromFacts(template, input.facts, findings, input.today);
  if (!filled.ok) throw new DocumentFieldsError(filled.problems);
  const composed = composeDocument(template, filled.values, deps.documents.declineName);
  if (!composed.ok) throw new DocumentFieldsError(composed.problems);
  const bytes = await deps.documents.renderer.render(composed.document, input.format);
  return { document: composed.document, values: filled.values, bytes };
}
