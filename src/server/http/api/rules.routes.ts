import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ports } from '../../../app/ports/ports.ts';
import { describeRuleSettings } from '../../../app/rules/describe-rule-settings.ts';
import {
  conscriptionPackId,
  evaluateLegalPosition,
} from '../../../app/rules/evaluate-legal-position.ts';
import { raiseRuleDispute } from '../../../app/rules/raise-rule-dispute.ts';
import {
  listLegalPositions,
  recordLegalPosition,
} from '../../../app/rules/record-legal-position.ts';
import { setRuleChoice } from '../../../app/rules/set-rule-choice.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  evaluateRulesRequest,
  evaluationResponse,
  legalPositionsResponse,
  raisedRuleDisputeResponse,
  raiseRuleDisputeRequest,
  recordedLegalPositionResponse,
  ruleIdParams,
  ruleSettingsResponse,
  setRuleChoiceRequest,
} from '../../../contracts/rules.ts';
import type { FactProblem } from '../../../domain/rules/case-facts.ts';
import type { RuleDispute } from '../../../domain/rules/rule-settings.ts';
import { InputValidationError } from '../errors/input-validation.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['rules'];
const errors = { '4xx': errorBody };

function disputeBody(dispute: RuleDispute) {
  const { id, ruleId, versionId, note, raisedBy } = dispute;
  return { id, ruleId, versionId, note, raisedBy, raisedAt: dispute.raisedAt.toISOString() };
}

/**
 * Only what depends on the default date or on the pack is left after the contract: report it
 * like the contract's own refinements, as a 400 naming each field.
 */
function factsRefused(problems: FactProblem[]): InputValidationError {
  return new InputValidationError(
    problems.map(
      (problem): z.core.$ZodIssue => ({
        code: 'custom',
        path: problem.path[0] === 'choices' ? problem.path : ['facts', ...problem.path],
        message: problem.message.en,
        params: { message: problem.message },
        input: undefined,
      }),
    ),
  );
}

export const rulesRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  // Checked against its golden cases here: a broken pack stops the server starting.
  ports.rulePacks.current(conscriptionPackId);

  app.post(
    '/api/v1/rules/evaluate',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Deadlines, consequences, complaint grounds and rights for the facts of a case, each with its sources and confidence',
        body: evaluateRulesRequest,
        response: { 200: evaluationResponse, ...errors },
      },
    },
    async (request) => {
      const result = await evaluateLegalPosition(ports, requireStaff(request), request.body);
      if (result.ok) return { ...result.evaluation, disputes: result.disputes.map(disputeBody) };
      throw factsRefused(result.problems);
    },
  );

  app.get(
    '/api/v1/rules/settings',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'The rule pack in use, to review rule by rule, with the organisation’s choices and disputes',
        response: { 200: ruleSettingsResponse, ...errors },
      },
    },
    async (request) => {
      const settings = await describeRuleSettings(ports, requireStaff(request));
      const { pack, packHash } = settings.pack;
      return {
        pack: { packId: pack.packId, packVersion: pack.packVersion, packHash, title: pack.title },
        rules: pack.rules.map((rule) => ({
          ruleId: rule.id,
          title: rule.title,
          defaultVersion: rule.defaultVersion ?? null,
          versions: rule.versions.map((version) => ({
            versionId: version.id,
            status: version.status,
            effectiveFrom: version.effectiveFrom,
            effectiveTo: version.effectiveTo,
            statement: version.statement,
            confidence: version.confidence,
            sources: version.sources,
          })),
        })),
        choices: settings.choices.map(({ ruleId, choice, note, setBy, setAt }) => ({
          ruleId,
          choice,
          note,
          setBy,
          setAt: setAt.toISOString(),
        })),
        disputes: settings.disputes.map(disputeBody),
      };
    },
  );

  app.put(
    '/api/v1/rules/choices/:ruleId',
    {
      config: { audience: { staff: 'rules.manage' } },
      schema: {
        tags,
        summary:
          'Choose the version of a disputed rule the organisation applies, or mark it under review',
        params: ruleIdParams,
        body: setRuleChoiceRequest,
        response: { 204: z.null().meta({ description: 'Set' }), ...errors },
      },
    },
    async (request, reply) => {
      await setRuleChoice(ports, requireStaff(request), {
        ruleId: request.params.ruleId,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/rules/disputes',
    {
      config: { audience: { staff: 'rules.dispute' } },
      schema: {
        tags,
        summary: 'Mark a rule version as disputed, with a note on why',
        body: raiseRuleDisputeRequest,
        response: { 201: raisedRuleDisputeResponse, ...errors },
      },
    },
    async (request, reply) => {
      const raised = await raiseRuleDispute(ports, requireStaff(request), request.body);
      return reply.status(201).send(raised);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/legal-positions',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Evaluate the rules for a case and record the position on it, facts sealed',
        params: caseIdParams,
        body: evaluateRulesRequest,
        response: { 201: recordedLegalPositionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await recordLegalPosition(ports, requireStaff(request), {
        caseId: request.params.caseId,
        ...request.body,
      });
      if (!result.ok) throw factsRefused(result.problems);
      return reply.status(201).send({
        ...result.evaluation,
        disputes: result.disputes.map(disputeBody),
        decisionId: result.decisionId ?? '',
      });
    },
  );

  app.get(
    '/api/v1/cases/:caseId/legal-positions',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The legal positions recorded on a case (an audited read)',
        params: caseIdParams,
        response: { 200: legalPositionsResponse, ...errors },
      },
    },
    async (request) => {
      const positions = await listLegalPositions(
        ports,
        requireStaff(request),
        request.params.caseId,
      );
      return positions.map(({ orgId: _orgId, caseId: _caseId, createdAt, ...position }) => ({
        ...position,
        createdAt: createdAt.toISOString(),
      }));
    },
  );
};
