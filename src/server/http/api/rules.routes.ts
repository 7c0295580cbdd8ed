import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  type CheckedRulePack,
  loadCurrentRulePack,
} from '../../../adapters/rules/rule-pack-loader.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { evaluateRulesRequest, evaluationResponse } from '../../../contracts/rules.ts';
import { moscowDateOf } from '../../../domain/rules/calendar-date.ts';
import { evaluate } from '../../../domain/rules/evaluate.ts';
import { InputValidationError } from '../errors/input-validation.ts';

const tags = ['rules'];
const errors = { '4xx': errorBody };

let current: CheckedRulePack | undefined;

/** The pack is content shipped with the code: read and checked once per process. */
function currentPack(): CheckedRulePack {
  current ??= loadCurrentRulePack('ru-conscription');
  return current;
}

export const rulesRoutes: FastifyPluginAsyncZod<{ ports: Pick<Ports, 'clock'> }> = async (
  app,
  { ports },
) => {
  // Checked against its golden cases at registration: a broken pack stops the server starting.
  const pack = currentPack();

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
      const { facts, asOf, choices } = request.body;
      const result = evaluate(pack, facts, asOf ?? moscowDateOf(ports.clock.now()), choices);
      if (result.ok) return result.evaluation;
      // Only what depends on the default date or on the pack is left here: report it like the
      // contract's own refinements, as a 400 naming each field.
      throw new InputValidationError(
        result.problems.map(
          (problem): z.core.$ZodIssue => ({
            code: 'custom',
            path: problem.path[0] === 'choices' ? problem.path : ['facts', ...problem.path],
            message: problem.message.en,
            input: undefined,
          }),
        ),
      );
    },
  );
};
