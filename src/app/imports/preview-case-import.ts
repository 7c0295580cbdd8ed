import {
  type ColumnMapping,
  type MappingProblem,
  mappingProblems,
  suggestMapping,
} from '../../domain/imports/import-fields.ts';
import type { ImportedCase, RowProblem } from '../../domain/imports/import-row.ts';
import type { Ports } from '../ports/ports.ts';
import type { SpreadsheetFormat } from '../ports/spreadsheets.ts';
import { type CaseImporter, resolveImporter } from './case-importer.ts';
import { checkImportRows } from './check-import-rows.ts';
import { openSheet } from './open-sheet.ts';

/** The first valid rows shown back, so a person can see the mapping reads them right. */
const sampleSize = 10;

export type ImportPreview = {
  format: SpreadsheetFormat;
  headers: string[];
  /** What the headers suggest, whatever mapping was asked for. */
  suggested: ColumnMapping;
  /** The mapping this preview used: the one asked for, else the suggestion. */
  columns: ColumnMapping;
  /** When the mapping cannot be used, no row is checked. */
  mappingProblems: MappingProblem[];
  rows: { read: number; valid: number; invalid: number; blank: number };
  /** What an import with this mapping would create (skipping the invalid rows). */
  wouldCreate: { cases: number; detentions: number; draftMatters: number; appeals: number };
  problems: RowProblem[];
  problemsLeftOut: number;
  sample: ImportedCase[];
};

export type CaseImportRequest = {
  file: Uint8Array;
  /** What the sender said the file is; the content decides, and a mismatch is refused. */
  declaredFormat?: SpreadsheetFormat;
  /** Column → field; when left out, the mapping suggested by the headers. */
  columns?: ColumnMapping;
  /** Minutes east of UTC at which the sheet's times were written (Moscow: 180). */
  offsetMinutes: number;
};

/**
 * A dry run of an import: reads the whole file, checks every row with the mapping, and says
 * what would be created and what is wrong, line by line. Nothing is written, nothing audited:
 * no stored case is read.
 */
export async function previewCaseImport(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'spreadsheets'>,
  importer: CaseImporter,
  input: CaseImportRequest,
): Promise<ImportPreview> {
  await resolveImporter(deps, importer);
  const sheet = await openSheet(deps, input.file, input.declaredFormat);
  const suggested = suggestMapping(sheet.headers);
  const columns = input.columns ?? suggested;
  const base = {
    format: sheet.format,
    headers: sheet.headers,
    suggested,
    columns,
    mappingProblems: mappingProblems(columns, sheet.headers.length),
  };
  if (base.mappingProblems.length > 0) {
    return {
      ...base,
      rows: { read: 0, valid: 0, invalid: 0, blank: 0 },
      wouldCreate: { cases: 0, detentions: 0, draftMatters: 0, appeals: 0 },
      problems: [],
      problemsLeftOut: 0,
      sample: [],
    };
  }
  const checked = await checkImportRows(sheet, columns, {
    now: deps.clock.now(),
    offsetMinutes: input.offsetMinutes,
    newId: () => deps.ids.newId(),
  });
  const { cases } = checked;
  return {
    ...base,
    rows: {
      read: checked.rowsRead,
      valid: cases.length,
      invalid: checked.invalidRows,
      blank: checked.blankRows,
    },
    wouldCreate: {
      cases: cases.length,
      detentions: cases.filter((imported) => imported.detention !== null).length,
      draftMatters: cases.filter((imported) => imported.draftMatter !== null).length,
      appeals: cases.reduce(
        (sum, imported) => sum + (imported.draftMatter?.appeals.length ?? 0),
        0,
      ),
    },
    problems: checked.problems,
    problemsLeftOut: checked.problemsLeftOut,
    sample: cases.slice(0, sampleSize),
  };
}
