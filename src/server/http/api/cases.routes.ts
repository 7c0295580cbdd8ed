import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeCaseFile } from '../../../app/cases/close-case-file.ts';
import { createCaseFile } from '../../../app/cases/create-case-file.ts';
import { deleteCaseFile } from '../../../app/cases/delete-case-file.ts';
import { findMatchingCases } from '../../../app/cases/find-matching-cases.ts';
import { grantCaseAccess } from '../../../app/cases/grant-case-access.ts';
import { listCaseFiles } from '../../../app/cases/list-case-files.ts';
import { mergeCaseFiles } from '../../../app/cases/merge-case-files.ts';
import { readCaseFile } from '../../../app/cases/read-case-file.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import {
  campaignListResponse,
  caseFileResponse,
  caseIdParams,
  caseListResponse,
  createCaseRequest,
  createdCaseResponse,
  grantCaseAccessRequest,
  listCasesQuery,
  matchingCasesRequest,
  matchingCasesResponse,
  mergeCasesRequest,
} from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { caseFactsOf } from '../../../domain/cases/draft-matter.ts';
import type { Report } from '../../../domain/intake/report.ts';
import { custodyOf } from '../../../domain/timeline/custody.ts';
import { requireStaff } from '../plugins/staff-session.ts';
import { custodyBody, timelineEventBody } from './timeline.routes.ts';

const tags = ['cases'];

function openedReportBody(report: Report) {
  return {
    caseCode: report.caseCode,
    channel: report.channel,
    receivedAt: report.receivedAt.toISOString(),
    answers: { ...report.operationalAnswers, ...report.personalAnswers },
  };
}
const errors = { '4xx': errorBody };

export const casesRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  // A broken campaigns file stops the server starting, not the first request.
  ports.campaigns.all();

  app.post(
    '/api/v1/cases',
    {
      config: { audience: { staff: 'case.create' } },
      schema: {
        tags,
        summary: 'Open a case for a person; personal data is sealed before it is stored',
        body: createCaseRequest,
        response: { 201: createdCaseResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createCaseFile(ports, requireStaff(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/cases/matches',
    {
      config: { audience: { staff: 'case.list' } },
      schema: {
        tags,
        summary: 'Find cases of the same person (name in either script + birth date)',
        body: matchingCasesRequest,
        response: { 200: matchingCasesResponse, ...errors },
      },
    },
    async (request) => findMatchingCases(ports, requireStaff(request), request.body),
  );

  app.get(
    '/api/v1/cases',
    {
      config: { audience: { staff: 'case.list' } },
      schema: {
        tags,
        summary: 'Cases you may see, newest first, without personal data',
        querystring: listCasesQuery,
        response: { 200: caseListResponse, ...errors },
      },
    },
    async (request) => {
      const { status, mine, placeId, campaign, dueSoon } = request.query;
      const entries = await listCaseFiles(ports, requireStaff(request), {
        status,
        ...(mine === undefined ? {} : { mine }),
        ...(dueSoon === undefined ? {} : { dueSoon }),
        ...(placeId === undefined ? {} : { placeId }),
        ...(campaign === undefined ? {} : { campaignId: campaign }),
      });
      return {
        cases: entries.map(({ caseFile, report, likelyDuplicates, custody, campaignId }) => ({
          id: caseFile.id,
          likelyDuplicates,
          custody: custodyBody(custody),
          campaignId,
          status: caseFile.status === 'closed' ? ('closed' as const) : ('open' as const),
          createdAt: caseFile.createdAt.toISOString(),
          assigneeIds: caseFile.assigneeIds,
          report:
            report === null
              ? null
              : {
                  caseCode: report.caseCode,
                  channel: report.channel,
                  situation:
                    typeof report.operationalAnswers.situation === 'string'
                      ? report.operationalAnswers.situation
                      : null,
                  receivedAt: report.receivedAt.toISOString(),
                },
        })),
      };
    },
  );

  app.get(
    '/api/v1/campaigns',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Conscription campaigns: dates, decree and quota, each with its sources',
        response: { 200: campaignListResponse, ...errors },
      },
    },
    async () => ({ campaigns: [...ports.campaigns.all()] }),
  );

  app.get(
    '/api/v1/cases/:caseId',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Open a case file (assigned staff and coordinators; audited)',
        params: caseIdParams,
        response: { 200: caseFileResponse, ...errors },
      },
    },
    async (request) => {
      const { caseFile, persons, report, laterReports, timeline, draftMatter, likelyDuplicates } =
        await readCaseFile(ports, requireStaff(request), request.params.caseId);
      return {
        id: caseFile.id,
        status: caseFile.status,
        assigneeIds: caseFile.assigneeIds,
        createdAt: caseFile.createdAt.toISOString(),
        persons: persons.map(({ id, fullName, birthDate, phone, notes }) => ({
          id,
          fullName,
          birthDate,
          phone,
          notes,
        })),
        report: report === null ? null : openedReportBody(report),
        laterReports: laterReports.map(openedReportBody),
        mergedInto: caseFile.mergedInto,
        likelyDuplicates,
        timeline: timeline.map(timelineEventBody),
        custody: custodyBody(custodyOf(timeline)),
        draftMatter,
        facts: caseFactsOf(draftMatter, timeline, persons[0]?.birthDate ?? null),
      };
    },
  );

  app.post(
    '/api/v1/cases/:caseId/grants',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Share a case you can open with a colleague (seals its key to them)',
        params: caseIdParams,
        body: grantCaseAccessRequest,
        response: { 204: z.null().meta({ description: 'Granted' }), ...errors },
      },
    },
    async (request, reply) => {
      await grantCaseAccess(ports, requireStaff(request), {
        caseId: request.params.caseId,
        userId: request.body.userId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/merge',
    {
      config: { audience: { staff: 'case.merge' } },
      schema: {
        tags,
        summary:
          'Fold a duplicate case of the same person into this one: its records move here re-sealed, and it is closed',
        params: caseIdParams,
        body: mergeCasesRequest,
        response: { 204: z.null().meta({ description: 'Merged' }), ...errors },
      },
    },
    async (request, reply) => {
      await mergeCaseFiles(ports, requireStaff(request), {
        keptCaseId: request.params.caseId,
        duplicateCaseId: request.body.duplicateCaseId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:caseId/close',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Close a case; the organisation’s retention period starts to run',
        params: caseIdParams,
        response: { 204: z.null().meta({ description: 'Closed' }), ...errors },
      },
    },
    async (request, reply) => {
      await closeCaseFile(ports, requireStaff(request), request.params.caseId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/cases/:caseId',
    {
      config: { audience: { staff: 'case.delete' } },
      schema: {
        tags,
        summary: 'Delete a case for good by destroying its key (crypto-shredding)',
        params: caseIdParams,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCaseFile(ports, requireStaff(request), request.params.caseId);
      return reply.status(204).send(null);
    },
  );
};
