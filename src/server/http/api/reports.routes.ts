import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { followUpReport } from '../../../app/intake/follow-up-report.ts';
import { hotlineQuestionnaireId, submitReport } from '../../../app/intake/submit-report.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  followUpParams,
  followUpResponse,
  submitReportRequest,
  submittedReportResponse,
} from '../../../contracts/intake.ts';
import { sendError } from '../errors/error-handler.ts';
import { requestLanguage } from '../language.ts';

const tags = ['intake'];
const errors = { '4xx': errorBody };

export type ReportsRoutesOptions = { ports: Ports; publicUrl: string; limits: boolean };

/**
 * The public JSON intake, for partner systems and scripts: no cookie, no form token. No IP
 * address or user agent is stored with a report; rate limits count requests in memory only.
 */
export const reportsRoutes: FastifyPluginAsyncZod<ReportsRoutesOptions> = async (
  app,
  { ports, publicUrl, limits },
) => {
  const rateLimit = (max: number) => (limits ? { max, timeWindow: '1 minute' } : false);

  app.get(
    '/api/v1/questionnaires/hotline',
    {
      config: { audience: 'public' },
      schema: {
        tags,
        summary: 'The hotline questionnaire: steps, questions, conditions, in Russian and English',
      },
    },
    async () => ports.questionnaires.current(hotlineQuestionnaireId),
  );

  app.post(
    '/api/v1/reports',
    {
      config: { audience: 'public', csrf: false, rateLimit: rateLimit(30) },
      schema: {
        tags,
        summary: 'Report a detention or ask for help; stored durably before the answer',
        body: submitReportRequest,
        response: { 201: submittedReportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const submitted = await submitReport(ports, {
        channel: 'api',
        answers: request.body.answers,
      });
      if (!submitted.ok) {
        const language = requestLanguage(request);
        return sendError(request, reply, {
          code: 'INVALID_ANSWERS',
          fields: submitted.errors.map((error) => ({
            path: `body.answers.${error.questionId}`,
            message: error.message[language],
          })),
        });
      }
      return reply.status(201).send({
        caseCode: submitted.caseCode,
        followUpUrl: `${publicUrl}/r/${submitted.followUpToken}`,
      });
    },
  );

  app.get(
    '/api/v1/reports/follow-up/:followUpToken',
    {
      config: { audience: 'public', rateLimit: rateLimit(20) },
      schema: {
        tags,
        summary: 'How far a report has come, for the holder of its follow-up link',
        params: followUpParams,
        response: { 200: followUpResponse, ...errors },
      },
    },
    async (request, reply) => {
      const followUp = await followUpReport(ports, request.params.followUpToken);
      if (followUp === null) return sendError(request, reply, { code: 'NOT_FOUND' });
      return { ...followUp, receivedAt: followUp.receivedAt.toISOString() };
    },
  );
};
