import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../app/app-error.ts';
import { ImportRefusedError } from '../../../app/imports/check-import-rows.ts';
import { exportMyCases } from '../../../app/imports/export-my-cases.ts';
import { importCases } from '../../../app/imports/import-cases.ts';
import { previewCaseImport } from '../../../app/imports/preview-case-import.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { SpreadsheetFormat } from '../../../app/ports/spreadsheets.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  exportedFile,
  exportQuery,
  type ImportPreviewResponse,
  type ImportStreamLine,
  importPreviewQuery,
  importPreviewResponse,
  importQuery,
  importStreamLine,
  maxUploadBytes,
  parseColumns,
  type RowProblemBody,
  spreadsheetContentTypes,
  uploadBody,
} from '../../../contracts/imports.ts';
import { parseUtcOffset } from '../../../domain/imports/cell-readings.ts';
import {
  columnLetter,
  describeColumn,
  describeRowProblem,
} from '../../../domain/imports/import-problems.ts';
import type { RowProblem } from '../../../domain/imports/import-row.ts';
import { safeErrorSummary, sendError } from '../errors/error-handler.ts';
import { errorMessage } from '../errors/error-messages.ts';
import { type Language, requestLanguage } from '../language.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['imports'];
const errors = { '4xx': errorBody };
const consumes = Object.values(spreadsheetContentTypes);

/** The upload and what its sender declared it to be; anything else is refused with 415. */
function uploaded(request: FastifyRequest): { file: Uint8Array; declared: SpreadsheetFormat } {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const declared = (Object.keys(spreadsheetContentTypes) as SpreadsheetFormat[]).find(
    (format) => spreadsheetContentTypes[format] === type,
  );
  if (declared === undefined || !Buffer.isBuffer(request.body)) {
    throw Object.assign(new Error('not a spreadsheet upload'), { statusCode: 415 });
  }
  return { file: new Uint8Array(request.body), declared };
}

function offsetOf(utcOffset: string): number {
  // The contract's pattern admits only offsets that parse.
  return parseUtcOffset(utcOffset) ?? 180;
}

function problemBody(
  problem: RowProblem,
  headers: readonly string[],
  language: Language,
): RowProblemBody {
  return {
    line: problem.line,
    column: problem.column,
    field: problem.field,
    message: describeRowProblem(problem, headers, language),
  };
}

/** A refused import: 422 with each mapping or row problem as a field, in the asked language. */
function sendRefusal(request: FastifyRequest, reply: FastifyReply, refusal: ImportRefusedError) {
  const language = requestLanguage(request);
  return sendError(request, reply, {
    code: 'IMPORT_REFUSED',
    fields: [
      ...refusal.mappingProblems.map((problem) => ({
        path: problem.column === null ? 'query.columns' : `query.columns.${problem.column}`,
        message:
          problem.column === null
            ? problem.message[language]
            : `${describeColumn(problem.column, refusal.headers)}: ${problem.message[language]}`,
      })),
      ...refusal.rowProblems.map((problem) => ({
        path: `rows.${problem.line}${problem.field === null ? '' : `.${problem.field}`}`,
        message: describeRowProblem(problem, refusal.headers, language),
      })),
    ],
  });
}

/**
 * Answers newline-delimited JSON from the first line on: the status and headers go out with the
 * first progress line, so everything refused before writing starts is a plain error response.
 */
function lineStream(reply: FastifyReply) {
  const stream = new PassThrough();
  let started = false;
  return {
    get started() {
      return started;
    },
    async write(line: ImportStreamLine): Promise<void> {
      if (!started) {
        started = true;
        // Proxies that buffer answers (nginx) would hold the progress back until the end.
        void reply
          .status(200)
          .type('application/x-ndjson; charset=utf-8')
          .header('x-accel-buffering', 'no')
          .send(stream);
      }
      if (!stream.write(`${JSON.stringify(line)}\n`)) await once(stream, 'drain');
      // Lets the event loop send the line before the import's next batch.
      await nextTurn();
    },
    end(): void {
      stream.end();
    },
  };
}

export const importsRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  // Only the routes of this plugin read raw spreadsheets; the file is parsed by its content.
  app.addContentTypeParser(
    consumes,
    { parseAs: 'buffer', bodyLimit: maxUploadBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/imports/preview',
    {
      config: { audience: { staff: 'case.create' } },
      bodyLimit: maxUploadBytes,
      schema: {
        tags,
        summary:
          'Dry run of a case-list import: columns, the suggested mapping and a report of every row; nothing is written',
        consumes,
        querystring: importPreviewQuery,
        body: uploadBody,
        response: { 200: importPreviewResponse, ...errors },
      },
    },
    async (request): Promise<ImportPreviewResponse> => {
      const { file, declared } = uploaded(request);
      const language = requestLanguage(request);
      const { columns, utcOffset } = request.query;
      const preview = await previewCaseImport(ports, requireStaff(request), {
        file,
        declaredFormat: declared,
        offsetMinutes: offsetOf(utcOffset),
        ...(columns === undefined ? {} : { columns: parseColumns(columns) }),
      });
      const { headers } = preview;
      return {
        format: preview.format,
        columns: headers.map((header, index) => ({
          index,
          letter: columnLetter(index),
          header,
          suggested: preview.suggested[index] ?? null,
          chosen: preview.columns[index] ?? null,
        })),
        mappingProblems: preview.mappingProblems.map((problem) => ({
          column: problem.column,
          message: problem.message[language],
        })),
        rows: preview.rows,
        wouldCreate: preview.wouldCreate,
        problems: preview.problems.map((problem) => problemBody(problem, headers, language)),
        problemsLeftOut: preview.problemsLeftOut,
        sample: preview.sample.map(({ line, person, detention, draftMatter }) => ({
          line,
          fullName: person.fullName,
          birthDate: person.birthDate,
          phone: person.phone,
          detainedAt: detention?.occurredAt.toISOString() ?? null,
          draftDecisionDate: draftMatter?.draftDecision?.madeOn ?? null,
          medicalCategory: draftMatter?.medicalCategory ?? null,
          appealCaseNumber: draftMatter?.appeals[0]?.caseNumber ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/imports',
    {
      config: { audience: { staff: 'case.create' } },
      bodyLimit: maxUploadBytes,
      schema: {
        tags,
        summary:
          'Import a case list with a column mapping: all or nothing, or skipping bad rows when asked; progress streams as NDJSON',
        consumes,
        querystring: importQuery,
        body: uploadBody,
        response: { 200: importStreamLine, ...errors },
      },
    },
    async (request, reply) => {
      const { file, declared } = uploaded(request);
      const language = requestLanguage(request);
      const { columns, utcOffset, invalidRows } = request.query;
      const lines = lineStream(reply);
      try {
        const outcome = await importCases(ports, requireStaff(request), {
          file,
          declaredFormat: declared,
          columns: parseColumns(columns),
          offsetMinutes: offsetOf(utcOffset),
          invalidRows,
          // Checking streams nothing: a refusal after it is still a plain 422.
          onProgress: (progress) =>
            progress.phase === 'checking'
              ? undefined
              : lines.write({ type: 'progress', ...progress }),
        });
        await lines.write({
          type: 'done',
          importId: outcome.importId,
          created: outcome.created,
          skipped: outcome.skipped,
          blank: outcome.blank,
          problems: outcome.problems.map((problem) =>
            problemBody(problem, outcome.headers, language),
          ),
          problemsLeftOut: outcome.problemsLeftOut,
        });
      } catch (error) {
        if (!lines.started) {
          if (error instanceof ImportRefusedError) return sendRefusal(request, reply, error);
          throw error;
        }
        // The status went out with the first line: the failure is the last line. The
        // transaction was rolled back, so nothing of this import is kept.
        const code = error instanceof AppError ? error.code : 'INTERNAL';
        if (code === 'INTERNAL') {
          request.log.error({ failure: safeErrorSummary(error) }, 'import failed');
        }
        await lines.write({
          type: 'failed',
          error: { code, message: errorMessage(code, language) },
        });
      }
      lines.end();
      return reply;
    },
  );

  app.get(
    '/api/v1/exports/my-cases.xlsx',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Your cases as an XLSX file: assigned ones, or for coordinators every case you hold a key to; each case read is audited',
        querystring: exportQuery,
        produces: [spreadsheetContentTypes.xlsx],
        response: { 200: exportedFile, ...errors },
      },
    },
    async (request, reply) => {
      const exported = await exportMyCases(ports, requireStaff(request), {
        language: requestLanguage(request),
        offsetMinutes: offsetOf(request.query.utcOffset),
      });
      return reply
        .type(spreadsheetContentTypes.xlsx)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .header('x-habeas-exported', String(exported.exported))
        .header('x-habeas-unopened', String(exported.unopened))
        .send(Buffer.from(exported.file));
    },
  );
};
