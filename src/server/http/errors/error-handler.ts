import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, DocumentFieldsError, FactsRefusedError } from '../../../app/app-error.ts';
import type { ErrorBody } from '../../../contracts/error-body.ts';
import { requestLanguage } from '../language.ts';
import { type ErrorCode, errorMeanings, errorMessage } from './error-messages.ts';
import {
  describeInputIssues,
  type FieldProblem,
  InputValidationError,
} from './input-validation.ts';

/** Fastify's own error codes for unreadable requests, by what the client is told. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_CSRF_INVALID_TOKEN: 'CSRF_REJECTED',
  FST_CSRF_MISSING_SECRET: 'CSRF_REJECTED',
  FST_ERR_RATE_LIMITED: 'RATE_LIMITED',
};

/**
 * What of an unexpected error may be logged: its kind and where it happened. Messages are left
 * out because drivers put values in them (PostgreSQL: "Key (email)=(…) already exists").
 */
export function safeErrorSummary(error: unknown): {
  name: string;
  code?: string;
  frames: string[];
} {
  if (!(error instanceof Error)) return { name: typeof error, frames: [] };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '));
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    frames: frames.slice(0, 8).map((line) => line.trim()),
  };
}

type Classified = { code: ErrorCode; detail?: string; fields?: FieldProblem[] };

function classify(error: FastifyError | Error, request: FastifyRequest): Classified {
  if (error instanceof FactsRefusedError) {
    const language = requestLanguage(request);
    return {
      code: error.code,
      fields: error.problems.map((problem) => ({
        path: ['body', ...problem.path].join('.'),
        message: problem.message[language],
      })),
    };
  }
  if (error instanceof DocumentFieldsError) {
    const language = requestLanguage(request);
    return {
      code: error.code,
      fields: error.problems.map((problem) => ({
        path: `body.values.${problem.field}`,
        message: problem.message[language],
      })),
    };
  }
  if (error instanceof AppError) return { code: error.code, detail: error.detail };
  if (error instanceof InputValidationError) {
    const part = (error as { validationContext?: string }).validationContext ?? 'body';
    return {
      code: 'VALIDATION_FAILED',
      fields: describeInputIssues(error.issues, part, requestLanguage(request)),
    };
  }
  const fastifyCode = 'code' in error ? fastifyCodes[error.code] : undefined;
  if (fastifyCode) return { code: fastifyCode };
  if (error instanceof SyntaxError) return { code: 'MALFORMED_BODY' };
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (status === 429) return { code: 'RATE_LIMITED' };
  if (status !== undefined && status >= 400 && status < 500) return { code: 'MALFORMED_BODY' };
  return { code: 'INTERNAL' };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  classified: Classified,
): FastifyReply {
  const body: ErrorBody = {
    error: {
      code: classified.code,
      message: errorMessage(classified.code, requestLanguage(request), classified.detail),
      ...(classified.fields ? { fields: classified.fields } : {}),
    },
  };
  return reply.status(errorMeanings[classified.code].status).type('application/json').send(body);
}

/**
 * The one place where failures become responses: a stable code, a message in the client's
 * language, field problems for invalid input. Stack traces and internal messages stay in the log.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const classified = classify(error, request);
    if (classified.code === 'INTERNAL') {
      request.log.error(
        { failure: safeErrorSummary(error), route: request.routeOptions.url },
        'request failed',
      );
    }
    return sendError(request, reply, classified);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, { code: 'ROUTE_NOT_FOUND' }),
  );
}
