import { z } from 'zod';
import { type ImportField, importFields, isImportField } from '../domain/imports/import-fields.ts';

/** The content types an import accepts; the file's content must agree with the one declared. */
export const spreadsheetContentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** The largest file an import takes: a 20,000-row list is a few megabytes. */
export const maxUploadBytes = 10 * 1024 * 1024;

export const importField = z.enum(importFields).meta({ id: 'ImportField' });

const fieldList = importFields.join('|');

/**
 * The mapping in a query string: one entry per column, in order, separated by commas; an empty
 * entry leaves the column out ("fullName,,birthDate"). Field names only: no personal data.
 */
const columnsParameter = z
  .string()
  .max(4_000)
  .regex(new RegExp(`^(${fieldList})?(,(${fieldList})?)*$`))
  .meta({
    description:
      'The field of each column, in order, comma-separated; an empty entry leaves a column out',
    example: 'fullName,,birthDate,phone',
  });

/** Reads the query's mapping; it has passed the contract's pattern. */
export function parseColumns(columns: string): (ImportField | null)[] {
  return columns.split(',').map((entry) => (isImportField(entry) ? entry : null));
}

export function formatColumns(columns: readonly (ImportField | null)[]): string {
  return columns.map((field) => field ?? '').join(',');
}

const utcOffset = z
  .string()
  .regex(/^[+-](0\d|1[0-4]):[0-5]\d$/)
  .default('+03:00')
  .meta({ description: 'Offset of the times written in the sheet; Moscow by default' });

export const importPreviewQuery = z.strictObject({
  columns: columnsParameter.optional(),
  utcOffset,
});

export const importQuery = z.strictObject({
  columns: columnsParameter,
  utcOffset,
  invalidRows: z.enum(['refuse', 'skip']).default('refuse').meta({
    description: 'refuse: one bad row refuses the whole file (default); skip: import the rest',
  }),
});

export const uploadBody = z.any().meta({
  description: `The XLSX or CSV file itself, at most ${maxUploadBytes / 1024 / 1024} MB, sent with its content type`,
});

const rowProblem = z.object({
  line: z.number().int().meta({ description: 'The line as the spreadsheet shows it' }),
  column: z.number().int().nullable().meta({ description: '0-based; null: the row as a whole' }),
  field: importField.nullable(),
  message: z.string().meta({ description: '"Line 12, column B «Дата рождения»: …"' }),
});
export type RowProblemBody = z.infer<typeof rowProblem>;

export const importPreviewResponse = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    columns: z.array(
      z.object({
        index: z.number().int(),
        letter: z.string(),
        header: z.string(),
        suggested: importField.nullable(),
        chosen: importField.nullable(),
      }),
    ),
    mappingProblems: z.array(
      z.object({ column: z.number().int().nullable(), message: z.string() }),
    ),
    rows: z.object({
      read: z.number().int(),
      valid: z.number().int(),
      invalid: z.number().int(),
      blank: z.number().int(),
    }),
    wouldCreate: z.object({
      cases: z.number().int(),
      detentions: z.number().int(),
      draftMatters: z.number().int(),
      appeals: z.number().int(),
    }),
    problems: z.array(rowProblem),
    problemsLeftOut: z.number().int(),
    sample: z
      .array(
        z.object({
          line: z.number().int(),
          fullName: z.string(),
          birthDate: z.string().nullable(),
          phone: z.string().nullable(),
          detainedAt: z.iso.datetime().nullable(),
          draftDecisionDate: z.string().nullable(),
          medicalCategory: z.string().nullable(),
          appealCaseNumber: z.string().nullable(),
        }),
      )
      .meta({ description: 'The first valid rows as they would be read' }),
  })
  .meta({ id: 'ImportPreview', description: 'A dry run: nothing was written' });
export type ImportPreviewResponse = z.infer<typeof importPreviewResponse>;

/** One line of the import's answer, which streams as newline-delimited JSON. */
export const importStreamLine = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('progress'),
      phase: z.enum(['sealing', 'writing']).meta({
        description:
          'sealing: each case under its own key, before writing; writing: in one transaction',
      }),
      done: z.number().int(),
      total: z.number().int(),
    }),
    z.object({
      type: z.literal('done'),
      importId: z.string(),
      created: z.number().int(),
      skipped: z.number().int(),
      blank: z.number().int(),
      problems: z.array(rowProblem),
      problemsLeftOut: z.number().int(),
    }),
    z.object({
      type: z.literal('failed'),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .meta({
    id: 'ImportStreamLine',
    description:
      'Once every row is checked, the import answers 200 with application/x-ndjson: progress lines, then one done or failed line. A file it refuses before that gets an error instead.',
  });
export type ImportStreamLine = z.infer<typeof importStreamLine>;

export const exportQuery = z.strictObject({ utcOffset });

export const exportedFile = z.any().meta({
  description:
    'The XLSX file; X-Habeas-Exported and X-Habeas-Unopened count the cases in it and those you may see but hold no key to',
});
