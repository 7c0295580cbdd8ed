import type { ExportTable } from '../../domain/imports/case-export.ts';
import type { SheetRow } from '../../domain/imports/import-row.ts';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/**
 * The first worksheet of a file: its first non-empty row as the headers, the rows under it read
 * as they are iterated, so that a large file is never held as a whole workbook in memory.
 */
export type Sheet = {
  format: SpreadsheetFormat;
  name: string | null;
  headers: string[];
  rows: AsyncIterable<SheetRow>;
};

/** Why a file cannot be read as a sheet; each reason has its own message for people. */
export type UnreadableReason =
  | 'not-a-spreadsheet'
  | 'old-excel-format'
  | 'damaged'
  | 'empty'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-large';

export class SpreadsheetUnreadableError extends Error {
  override readonly name = 'SpreadsheetUnreadableError';
  readonly reason: UnreadableReason;

  constructor(reason: UnreadableReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Limits of what one import reads: beyond them the file is refused, not cut short. */
export type SheetLimits = { maxRows: number; maxColumns: number };

/** Reading uploaded case lists and writing exported ones. */
export interface Spreadsheets {
  /** What a file is by its content, whatever its name or declared type; null when neither. */
  detectFormat(file: Uint8Array): SpreadsheetFormat | 'old-excel-format' | null;
  /**
   * Opens the first worksheet. Throws SpreadsheetUnreadableError, at once or while rows are
   * iterated (a row beyond the limits, a damaged archive). Nothing is written to disk.
   */
  read(file: Uint8Array, format: SpreadsheetFormat, limits: SheetLimits): Promise<Sheet>;
  /** An XLSX workbook of one sheet: headers in bold, dates as date cells, text as text. */
  write(table: ExportTable): Promise<Uint8Array>;
}
