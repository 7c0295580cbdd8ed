import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addEvidence } from '../../../app/evidence/add-evidence.ts';
import { issueCustodySheet } from '../../../app/evidence/issue-custody-sheet.ts';
import { listEvidence } from '../../../app/evidence/list-evidence.ts';
import {
  readPublicationCopy,
  reviewPublicationCopy,
} from '../../../app/evidence/publication-copy.ts';
import { readEvidenceOriginal } from '../../../app/evidence/read-evidence.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  type EvidenceItemResponse,
  evidenceItemResponse,
  evidenceListResponse,
  evidenceParams,
  evidenceUploadBody,
  fileResponse,
  maxEvidenceBytes,
  publicationCopyQuery,
  publicationReviewChange,
} from '../../../contracts/evidence.ts';
import type { EvidenceItem } from '../../../domain/evidence/evidence-item.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['evidence'];
const errors = { '4xx': errorBody };

function itemBody(item: EvidenceItem): EvidenceItemResponse {
  return {
    id: item.id,
    caseId: item.caseId,
    kind: item.kind,
    mediaType: item.mediaType,
    byteSize: item.byteSize,
    sha256: item.sha256,
    width: item.width,
    height: item.height,
    timelineEventId: item.timelineEventId,
    fileName: item.fileName,
    review:
      item.review === null
        ? null
        : { ...item.review, reviewedAt: item.review.reviewedAt?.toISOString() ?? null },
    addedBy: item.addedBy,
    addedAt: item.addedAt.toISOString(),
  };
}

function tooLarge(): Error {
  return Object.assign(new Error('upload over the cap'), { statusCode: 413 });
}

/**
 * The one file of a multipart upload and the fields sent before it. Anything over the largest
 * cap is cut off by the parser and refused whole.
 */
async function upload(request: FastifyRequest): Promise<{
  fileName: string;
  bytes: Uint8Array;
  timelineEventId: string | null;
}> {
  if (!request.isMultipart())
    throw Object.assign(new Error('not a multipart upload'), { statusCode: 415 });
  try {
    return await firstFileOf(request);
  } catch (error) {
    // A body the multipart parser cannot read (no boundary, a part cut short) is the client's
    // fault: our own refusals carry their status, the parser's do not.
    if (error instanceof Error && 'statusCode' in error) throw error;
    throw Object.assign(new Error('unreadable multipart body'), { statusCode: 400 });
  }
}

async function firstFileOf(request: FastifyRequest): Promise<{
  fileName: string;
  bytes: Uint8Array;
  timelineEventId: string | null;
}> {
  let timelineEventId: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (
        part.fieldname === 'timelineEventId' &&
        typeof part.value === 'string' &&
        part.value !== ''
      )
        timelineEventId = part.value;
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw tooLarge();
    return { fileName: part.filename, bytes: new Uint8Array(bytes), timelineEventId };
  }
  throw Object.assign(new Error('no file in the upload'), { statusCode: 400 });
}

/** A download that is never sniffed or shown in place by the browser, under its harmless name. */
function sendFile(
  reply: FastifyReply,
  file: { bytes: Uint8Array; type: string; name: string; inline?: boolean },
) {
  const disposition = file.inline ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.type)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${disposition}; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

export const evidenceRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  // Only this plugin parses multipart bodies; one file, a field or two, nothing larger than the cap.
  await app.register(multipart, {
    limits: { fileSize: maxEvidenceBytes, files: 1, fields: 2, parts: 3, fieldSize: 100 },
  });

  app.get(
    '/api/v1/cases/:caseId/evidence',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'A case’s photos, videos and scans with SHA-256, size, type, who added them when (an audited read)',
        params: caseIdParams,
        response: { 200: evidenceListResponse, ...errors },
      },
    },
    async (request) => {
      const items = await listEvidence(ports, requireStaff(request), request.params.caseId);
      return { items: items.map(itemBody) };
    },
  );

  app.post(
    '/api/v1/cases/:caseId/evidence',
    {
      config: { audience: { staff: 'signed-in' } },
      bodyLimit: maxEvidenceBytes + 64 * 1024,
      schema: {
        tags,
        summary:
          'Add a photo, video or scan to an open case, optionally to a timeline event; checked by content, sealed, its SHA-256 recorded',
        consumes: ['multipart/form-data'],
        params: caseIdParams,
        body: evidenceUploadBody,
        response: { 201: evidenceItemResponse, ...errors },
      },
    },
    async (request, reply) => {
      const current = requireStaff(request);
      const sent = await upload(request);
      const item = await addEvidence(ports, current, { caseId: request.params.caseId, ...sent });
      return reply.status(201).send(itemBody(item));
    },
  );

  app.get(
    '/api/v1/cases/:caseId/evidence/:evidenceId/original',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The original bytes exactly as they arrived, for a court (an audited read)',
        params: evidenceParams,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { item, bytes } = await readEvidenceOriginal(
        ports,
        requireStaff(request),
        request.params,
      );
      reply.header('x-content-sha256', item.sha256);
      return sendFile(reply, { bytes, type: item.mediaType, name: item.fileName });
    },
  );

  app.get(
    '/api/v1/cases/:caseId/evidence/:evidenceId/publication-copy',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'The copy for publication: a picture upright, without metadata, faces hidden, refused until reviewed unless preview=true; an MP4 with its metadata blanked and faces NOT hidden',
        params: evidenceParams,
        querystring: publicationCopyQuery,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const preview = request.query.preview === 'true';
      const { item, bytes, mediaType } = await readPublicationCopy(ports, requireStaff(request), {
        ...request.params,
        preview,
      });
      const extension = mediaType === 'image/jpeg' ? '.jpg' : '.mp4';
      const name = item.fileName.replace(/\.[^.]*$/, `-publication${extension}`);
      return sendFile(reply, { bytes, type: mediaType, name, inline: preview });
    },
  );

  app.put(
    '/api/v1/cases/:caseId/evidence/:evidenceId/review',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Review a picture’s copy for publication: the boxes to hide, and whether it is publishable',
        params: evidenceParams,
        body: publicationReviewChange,
        response: { 200: evidenceItemResponse, ...errors },
      },
    },
    async (request) => {
      const item = await reviewPublicationCopy(ports, requireStaff(request), {
        ...request.params,
        ...request.body,
      });
      return itemBody(item);
    },
  );

  app.get(
    '/api/v1/cases/:caseId/evidence/:evidenceId/custody-sheet',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'The chain-of-custody sheet (PDF, Russian): SHA-256, size, type, who added it when, its timeline event',
        params: evidenceParams,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { item, pdf } = await issueCustodySheet(ports, requireStaff(request), request.params);
      const name = item.fileName.replace(/\.[^.]*$/, '-custody.pdf');
      return sendFile(reply, { bytes: pdf, type: 'application/pdf', name });
    },
  );
};
