import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import {
  type Sheet,
  type SheetLimits,
  type SpreadsheetFormat,
  SpreadsheetUnreadableError,
} from '../ports/spreadsheets.ts';

/**
 * What one import reads at most. A 10,000-row list imports in one transaction in seconds (see
 * docs/benchmarks.md); beyond this the transaction would hold the database too long.
 */
export const importLimits: SheetLimits = { maxRows: 20_000, maxColumns: 100 };

function unreadable(error: SpreadsheetUnreadableError): AppError {
  return new AppError('SPREADSHEET_UNREADABLE', error.message, error.reason);
}

async function* rethrown<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    throw error instanceof SpreadsheetUnreadableError ? unreadable(error) : error;
  }
}

/**
 * Opens an uploaded file as a sheet, going by its content: a file whose content is not what its
 * sender declared (an .xlsx that is really text, an old .xls) is refused.
 */
export async function openSheet(
  deps: Pick<Ports, 'spreadsheets'>,
  file: Uint8Array,
  declared?: SpreadsheetFormat,
): Promise<Sheet> {
  const detected = deps.spreadsheets.detectFormat(file);
  if (detected === 'old-excel-format')
    throw new AppError('SPREADSHEET_UNREADABLE', 'Excel 97-2003 file', 'old-excel-format');
  if (detected === null || (declared !== undefined && declared !== detected)) {
    throw new AppError(
      'SPREADSHEET_UNREADABLE',
      `content is ${detected ?? 'unknown'}, declared ${declared ?? 'nothing'}`,
      'not-a-spreadsheet',
    );
  }
  try {
    const sheet = await deps.spreadsheets.read(file, detected, importLimits);
    return { ...sheet, rows: rethrown(sheet.rows) };
  } catch (error) {
    throw error instanceof SpreadsheetUnreadableError ? unreadable(error) : error;
  }
}
