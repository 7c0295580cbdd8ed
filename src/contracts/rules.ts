import { z } from 'zod';
import { caseFacts, factProblems } from '../domain/rules/case-facts.ts';
import { confidence, findingKinds, source, text } from '../domain/rules/rule-pack.ts';

const calendarDate = z.iso.date();

export const evaluateRulesRequest = z
  .strictObject({
    facts: caseFacts,
    asOf: calendarDate
      .optional()
      .meta({ description: 'Date of the evaluation, YYYY-MM-DD; default: today in Moscow' }),
    choices: z
      .record(z.string().regex(/^[A-Z]{2,3}-\d{2}$/), z.string().min(1))
      .optional()
      .meta({ description: "Rule id → the version the organisation applies, or 'under-review'" }),
  })
  .superRefine((body, context) => {
    for (const problem of factProblems(body.facts, body.asOf)) {
      context.addIssue({
        code: 'custom',
        path: ['facts', ...problem.path],
        message: problem.message.en,
        // Both languages travel with the issue, so the error is shown in the reader's.
        params: { message: problem.message },
      });
    }
  })
  .meta({ id: 'EvaluateRulesRequest' });
export type EvaluateRulesRequest = z.infer<typeof evaluateRulesRequest>;

const alternative = z.object({
  versionId: z.string(),
  status: z.enum(['enacted', 'pending']),
  effectiveFrom: calendarDate.nullable(),
  effectiveTo: calendarDate.nullable(),
  statement: text,
  confidence,
  sources: z.array(source),
});

const finding = z
  .object({
    ruleId: z.string(),
    versionId: z.string(),
    outcomeId: z.string(),
    kind: z.enum(findingKinds),
    title: text,
    statement: text,
    ruleStatement: text,
    dates: z.array(z.object({ label: text, date: calendarDate })),
    sources: z.array(source),
    confidence,
    selection: z.enum(['default', 'chosen', 'under-review']),
    disputed: z.boolean(),
    alternatives: z.array(alternative),
  })
  .meta({ id: 'RuleFinding' });

export const evaluationResponse = z
  .object({
    record: z.object({
      packId: z.string(),
      packVersion: z.int(),
      packHash: z.string().meta({ description: 'SHA-256 of the rule pack’s canonical JSON' }),
      asOf: calendarDate,
      choices: z.record(z.string(), z.string()),
      factsSnapshot: caseFacts,
    }),
    findings: z.array(finding),
  })
  .meta({ id: 'RuleEvaluation' });
export type EvaluationResponse = z.infer<typeof evaluationResponse>;
