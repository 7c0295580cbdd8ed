import type { ColumnMapping, MappingProblem } from '../../domain/imports/import-fields.ts';
import {
  type ImportedCase,
  type RowContext,
  type RowProblem,
  readImportRow,
} from '../../domain/imports/import-row.ts';
import { AppError } from '../app-error.ts';
import type { Sheet } from '../ports/spreadsheets.ts';

/** A report lists this many problems at most; the counts stay exact. */
export const maxReportedProblems = 1_000;

export type CheckedRows = {
  /** Rows with any value in a mapped column. */
  rowsRead: number;
  blankRows: number;
  invalidRows: number;
  cases: ImportedCase[];
  /** The first `maxReportedProblems`, in the order of the rows. */
  problems: RowProblem[];
  problemsLeftOut: number;
};

/** Every row read and checked, nothing written: the first pass of a preview and an import. */
export async function checkImportRows(
  sheet: Sheet,
  mapping: ColumnMapping,
  context: RowContext,
  onRows?: (rowsRead: number) => void | Promise<void>,
): Promise<CheckedRows> {
  const checked: CheckedRows = {
    rowsRead: 0,
    blankRows: 0,
    invalidRows: 0,
    cases: [],
    problems: [],
    problemsLeftOut: 0,
  };
  for await (const row of sheet.rows) {
    const reading = readImportRow(row, mapping, context);
    if (reading.kind === 'blank') {
      checked.blankRows += 1;
      continue;
    }
    checked.rowsRead += 1;
    if (reading.kind === 'case') checked.cases.push(reading.imported);
    else {
      checked.invalidRows += 1;
      const room = Math.max(0, maxReportedProblems - checked.problems.length);
      checked.problems.push(...reading.problems.slice(0, room));
      checked.problemsLeftOut += Math.max(0, reading.problems.length - room);
    }
    if (onRows !== undefined && checked.rowsRead % 500 === 0) await onRows(checked.rowsRead);
  }
  return checked;
}

/**
 * An import refused before anything was written: the mapping cannot be used, or rows have
 * problems and the person chose all or nothing. The headers let each adapter name the columns.
 */
export class ImportRefusedError extends AppError {
  readonly headers: readonly string[];
  readonly columns: ColumnMapping;
  readonly mappingProblems: readonly MappingProblem[];
  readonly rowProblems: readonly RowProblem[];
  readonly invalidRows: number;

  constructor(refusal: {
    headers: readonly string[];
    columns: ColumnMapping;
    mappingProblems?: readonly MappingProblem[];
    rowProblems?: readonly RowProblem[];
    invalidRows?: number;
  }) {
    const invalidRows = refusal.invalidRows ?? 0;
    super(
      'IMPORT_REFUSED',
      refusal.mappingProblems?.length
        ? 'the column mapping cannot be used'
        : `${invalidRows} rows have problems`,
    );
    this.headers = refusal.headers;
    this.columns = refusal.columns;
    this.mappingProblems = refusal.mappingProblems ?? [];
    this.rowProblems = refusal.rowProblems ?? [];
    this.invalidRows = invalidRows;
  }
}
