import { z } from 'zod';
import type { CalendarDate } from '../rules/calendar-date.ts';
import { caseFacts } from '../rules/case-facts.ts';
import type { Finding } from '../rules/evaluate.ts';
import { type DocumentValues, type FieldProblem, isDocumentFieldName } from './document-field.ts';
import { groundsText } from './document-grounds.ts';
import type { DocumentTemplate } from './document-template.ts';

/**
 * What a document can be made from without a case: the field values as a person would type them
 * (dates YYYY-MM-DD), and optionally the facts the rules read, from which the legal grounds are
 * cited when `grounds` is not given. The command line reads it from a file; the public guide
 * builds it from its interview.
 */
export const documentFacts = z
  .strictObject({
    values: z.record(z.string(), z.string()),
    caseFacts: caseFacts.optional(),
    /** The day the rules are applied on and the document is dated; today when absent. */
    asOf: z.iso.date().optional(),
  })
  .meta({ id: 'DocumentFacts' });
export type DocumentFacts = z.infer<typeof documentFacts>;

export type FactsValues =
  | { ok: true; values: DocumentValues }
  | { ok: false; problems: FieldProblem[] };

/**
 * The values a template gets from plain facts: those given (a name no template knows is refused,
 * naming it), the grounds cited from the findings when not given, and the document dated on the
 * day of the facts when no date is given.
 */
export function valuesFromFacts(
  template: DocumentTemplate,
  facts: DocumentFacts,
  findings: readonly Finding[],
  today: CalendarDate,
): FactsValues {
  const unknown = Object.keys(facts.values).filter((name) => !isDocumentFieldName(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((field) => ({
        field,
        message: { ru: `Неизвестное поле «${field}».`, en: `Unknown field "${field}".` },
      })),
    };
  }
  const values: DocumentValues = { ...(facts.values as DocumentValues) };
  if ((values.grounds ?? '').trim() === '') {
    const cited = groundsText(template.cites, findings);
    if (cited !== '') values.grounds = cited;
  }
  if ((values['document.date'] ?? '').trim() === '') values['document.date'] = facts.asOf ?? today;
  return { ok: true, values };
}
