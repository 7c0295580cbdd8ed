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

const ruleId = z.string().regex(/^[A-Z]{2,3}-\d{2}$/, 'a rule id looks like NOT-04');

export const ruleDispute = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    versionId: z.string(),
    note: z.string(),
    raisedBy: z.string(),
    raisedAt: z.iso.datetime(),
  })
  .meta({
    id: 'RuleDispute',
    description: 'A lawyer’s objection to a rule version as the pack states it',
  });

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
    disputes: z
      .array(ruleDispute)
      .meta({ description: 'Disputes raised in the organisation against rules found' }),
  })
  .meta({ id: 'RuleEvaluation' });
export type EvaluationResponse = z.infer<typeof evaluationResponse>;

export const ruleSettingsResponse = z
  .object({
    pack: z.object({ packId: z.string(), packVersion: z.int(), packHash: z.string(), title: text }),
    rules: z.array(
      z.object({
        ruleId: z.string(),
        title: text,
        defaultVersion: z.string().nullable(),
        versions: z.array(
          z.object({
            versionId: z.string(),
            status: z.enum(['enacted', 'pending']),
            effectiveFrom: calendarDate.nullable(),
            effectiveTo: calendarDate.nullable(),
            statement: text,
            confidence,
            sources: z.array(source),
          }),
        ),
      }),
    ),
    choices: z.array(
      z.object({
        ruleId: z.string(),
        choice: z.string(),
        note: z.string().nullable(),
        setBy: z.string(),
        setAt: z.iso.datetime(),
      }),
    ),
    disputes: z.array(ruleDispute),
  })
  .meta({
    id: 'RuleSettings',
    description: 'The rule pack in use, rule by rule, with the organisation’s choices',
  });
export type RuleSettingsResponse = z.infer<typeof ruleSettingsResponse>;

export const ruleIdParams = z.strictObject({ ruleId });

export const setRuleChoiceRequest = z
  .strictObject({
    choice: z
      .string()
      .min(1)
      .max(80)
      .nullable()
      .meta({ description: "A version id, 'under-review', or null for the pack's default" }),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: 'SetRuleChoice' });

export const raiseRuleDisputeRequest = z
  .strictObject({
    ruleId,
    versionId: z.string().min(1).max(80),
    note: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .meta({ description: 'Why the rule is wrong; about the law, never about a client' }),
  })
  .meta({ id: 'RaiseRuleDispute' });

export const raisedRuleDisputeResponse = z
  .object({ disputeId: z.string() })
  .meta({ id: 'RaisedRuleDispute' });

export const recordedLegalPositionResponse = evaluationResponse
  .extend({ decisionId: z.string() })
  .meta({ id: 'RecordedLegalPosition' });

export const legalPositionsResponse = z
  .array(
    z.object({
      id: z.string(),
      packId: z.string(),
      packVersion: z.int(),
      packHash: z.string(),
      asOf: calendarDate,
      choices: z.record(z.string(), z.string()),
      factsSnapshot: caseFacts,
      createdBy: z.string(),
      createdAt: z.iso.datetime(),
      samePack: z
        .boolean()
        .meta({ description: 'False when the rule pack changed since it was recorded' }),
    }),
  )
  .meta({
    id: 'LegalPositions',
    description: 'Recorded on the case, oldest first; replay with the same facts',
  });
