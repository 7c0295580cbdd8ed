import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  generateCaseDocument,
  generateCaseDocumentsInBatch,
} from '../../../app/documents/generate-case-document.ts';
import { listCaseDocuments } from '../../../app/documents/list-case-documents.ts';
import { prepareCaseDocument } from '../../../app/documents/prepare-case-document.ts';
import { readCaseDocumentFile } from '../../../app/documents/read-case-document-file.ts';
import { trackCaseDocument } from '../../../app/documents/track-case-document.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import {
  type CaseDocumentResponse,
  caseDocumentFileParams,
  caseDocumentParams,
  caseDocumentResponse,
  caseDocumentsResponse,
  documentFile,
  documentTemplatesResponse,
  documentTracking,
  newCaseDocument,
  newDocumentBatch,
  prepareDocumentQuery,
  preparedDocumentResponse,
} from '../../../contracts/documents.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  type CaseDocument,
  type DocumentStage,
  overdueFollowUp,
  type TrackingProblem,
} from '../../../domain/documents/case-document.ts';
import { documentFields } from '../../../domain/documents/document-field.ts';
import { InputValidationError } from '../errors/input-validation.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['documents'];
const errors = { '4xx': errorBody };
const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The domain's refusals, reported like the contract's own: a 400 naming each body field. */
function trackingRefused(problems: TrackingProblem[]): InputValidationError {
  return new InputValidationError(
    problems.map(
      (problem): z.core.$ZodIssue => ({
        code: 'custom',
        path: problem.path,
        message: problem.message.en,
        params: { message: problem.message },
        input: undefined,
      }),
    ),
  );
}

function documentBody(document: CaseDocument & { stage: DocumentStage }): CaseDocumentResponse {
  const { orgId: _orgId, updatedAt: _updatedAt, ...rest } = document;
  return {
    ...rest,
    followUp: document.stage === 'overdue' ? overdueFollowUp : null,
    createdAt: document.createdAt.toISOString(),
  };
}

export const documentsRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/documents/templates',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The kinds of document, each in its newest published version, with its fields',
        response: { 200: documentTemplatesResponse, ...errors },
      },
    },
    async () => ({
      templates: ports.documents.templates.list().map((template) => ({
        kind: template.kind,
        version: template.version,
        title: template.title,
        purpose: template.purpose,
        fields: [...template.requires, ...template.optional].map((name) => ({
          name,
          label: documentFields[name].label,
          type: documentFields[name].type,
          required: template.requires.includes(name),
        })),
      })),
    }),
  );

  app.get(
    '/api/v1/cases/:caseId/documents',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'A case’s documents with template version, SHA-256 and tracking (an audited read)',
        params: caseIdParams,
        response: { 200: caseDocumentsResponse, ...errors },
      },
    },
    async (request) => {
      const documents = await listCaseDocuments(
        ports,
        requireStaff(request),
        request.params.caseId,
      );
      return { documents: documents.map(documentBody) };
    },
  );

  app.get(
    '/api/v1/cases/:caseId/documents/prepare',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The values a template takes from the case, and every field still missing',
        params: caseIdParams,
        querystring: prepareDocumentQuery,
        response: { 200: preparedDocumentResponse, ...errors },
      },
    },
    async (request) => {
      const prepared = await prepareCaseDocument(ports, requireStaff(request), {
        caseId: request.params.caseId,
        kind: request.query.kind,
      });
      return {
        kind: prepared.template.kind,
        version: prepared.template.version,
        values: prepared.values,
        problems: prepared.problems,
      };
    },
  );

  app.post(
    '/api/v1/cases/:caseId/documents',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Generate a document from reviewed values: DOCX and PDF sealed on the case; 422 names each missing field',
        params: caseIdParams,
        body: newCaseDocument,
        response: { 201: caseDocumentResponse, ...errors },
      },
    },
    async (request, reply) => {
      const document = await generateCaseDocument(ports, requireStaff(request), {
        caseId: request.params.caseId,
        kind: request.body.kind,
        values: request.body.values,
      });
      return reply.status(201).send(documentBody({ ...document, stage: 'drafted' }));
    },
  );

  app.post(
    '/api/v1/documents/batch',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'The same document for several cases (a group detention): all, or none with each case’s missing fields named',
        body: newDocumentBatch,
        response: { 201: caseDocumentsResponse, ...errors },
      },
    },
    async (request, reply) => {
      const documents = await generateCaseDocumentsInBatch(ports, requireStaff(request), {
        caseIds: request.body.caseIds,
        kind: request.body.kind,
        values: request.body.values,
      });
      return reply.status(201).send({
        documents: documents.map((document) => documentBody({ ...document, stage: 'drafted' })),
      });
    },
  );

  app.get(
    '/api/v1/cases/:caseId/documents/:documentId/files/:format',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Download a document as DOCX or PDF (an audited read)',
        params: caseDocumentFileParams,
        produces: [contentTypes.docx, contentTypes.pdf],
        response: { 200: documentFile, ...errors },
      },
    },
    async (request, reply) => {
      const { caseId, documentId, format } = request.params;
      const { document, bytes } = await readCaseDocumentFile(ports, requireStaff(request), {
        caseId,
        documentId,
        format,
      });
      return reply
        .type(contentTypes[format])
        .header(
          'content-disposition',
          `attachment; filename="${document.kind}-${document.id}.${format}"`,
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes));
    },
  );

  app.post(
    '/api/v1/cases/:caseId/documents/:documentId/tracking',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Record a document sent, registered, extended or answered; the answer’s due date follows 59-FZ art. 12',
        params: caseDocumentParams,
        body: documentTracking,
        response: { 200: caseDocumentResponse, ...errors },
      },
    },
    async (request) => {
      const result = await trackCaseDocument(ports, requireStaff(request), {
        caseId: request.params.caseId,
        documentId: request.params.documentId,
        step: request.body,
      });
      if (!result.ok) throw trackingRefused(result.problems);
      return documentBody({ ...result.document, stage: result.stage });
    },
  );
};
