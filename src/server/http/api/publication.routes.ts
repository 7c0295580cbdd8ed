import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ports } from '../../../app/ports/ports.ts';
import { readCasePublication } from '../../../app/stats/read-case-publication.ts';
import { setCasePublication } from '../../../app/stats/set-case-publication.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { casePublicationChange, casePublicationResponse } from '../../../contracts/stats.ts';
import type { CasePublication } from '../../../domain/stats/case-publication.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['cases'];
const errors = { '4xx': errorBody };

function publicationBody(publication: CasePublication) {
  return {
    publishable: publication.publishable,
    changedAt: publication.changedBy === null ? null : publication.changedAt.toISOString(),
    changedBy: publication.changedBy,
  };
}

/** Whether a case counts in public statistics: read by its staff, decided by coordinators. */
export const publicationRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (
  app,
  { ports },
) => {
  app.get(
    '/api/v1/cases/:caseId/publication',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Whether the case counts in public statistics (not publishable until decided)',
        params: caseIdParams,
        response: { 200: casePublicationResponse, ...errors },
      },
    },
    async (request) =>
      publicationBody(
        await readCasePublication(ports, requireStaff(request), request.params.caseId),
      ),
  );

  app.put(
    '/api/v1/cases/:caseId/publication',
    {
      config: { audience: { staff: 'case.publish' } },
      schema: {
        tags,
        summary: 'Mark the case publishable in public statistics, or withdraw it (audited)',
        params: caseIdParams,
        body: casePublicationChange,
        response: { 200: casePublicationResponse, ...errors },
      },
    },
    async (request) =>
      publicationBody(
        await setCasePublication(ports, requireStaff(request), {
          caseId: request.params.caseId,
          publishable: request.body.publishable,
        }),
      ),
  );
};
