import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type Sheet,
  type SheetLimits,
  type SpreadsheetFormat,
  type Spreadsheets,
  SpreadsheetUnreadableError,
} from '../../app/ports/spreadsheets.ts';
import type { ExportCell, ExportTable } from '../../domain/imports/case-export.ts';
import type { CellValue } from '../../domain/imports/cell-readings.ts';
import type { SheetRow } from '../../domain/imports/import-row.ts';
import { decodeCsvText, detectDelimiter } from './csv-text.ts';
import { firstSheetArchive } from './xlsx-entries.ts';

/** More unpacked XML than this is a decompression bomb, not a case list. */
const maxUnpackedBytes = 256 * 1024 * 1024;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 container of Excel 97–2003 (.xls). */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/**
 * A cell as the domain reads it: formulas by their computed result, rich text and links by
 * their text. An error value (#N/A, #REF!) reads as an empty cell.
 */
function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((part: unknown) =>
        typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '',
      )
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? cellOf(value.result) : null;
  if ('hyperlink' in value && 'text' in value) return cellOf(value.text);
  return null;
}

function headerText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/** exceljs gives a row's values 1-based: index 0 is always empty. */
function cellsOf(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
    cellOf(values[index + 1]),
  );
}

/**
 * Turns numbered rows into a sheet: the first non-blank row gives the headers, later non-blank
 * rows are cut to the headers' width and counted against the limits.
 */
async function sheetOf(
  format: SpreadsheetFormat,
  name: string | null,
  rows: AsyncIterator<{ line: number; cells: CellValue[] }>,
  limits: SheetLimits,
): Promise<Sheet> {
  let headerCells: CellValue[] | null = null;
  while (headerCells === null) {
    const next = await rows.next();
    if (next.done) throw new SpreadsheetUnreadableError('empty', 'no row with any value');
    if (!isBlankRow(next.value.cells)) headerCells = next.value.cells;
  }
  const texts = headerCells.map(headerText);
  const width = texts.reduce((last, text, index) => (text === '' ? last : index + 1), 0);
  if (width > limits.maxColumns) {
    throw new SpreadsheetUnreadableError('too-many-columns', `${width} columns`);
  }
  const headers = texts.slice(0, width);
  async function* dataRows(): AsyncGenerator<SheetRow> {
    let count = 0;
    for (;;) {
      const next = await rows.next();
      if (next.done) return;
      // XLSX leaves empty rows out; CSV has them. Either way they say nothing.
      if (isBlankRow(next.value.cells)) continue;
      count += 1;
      if (count > limits.maxRows) {
        throw new SpreadsheetUnreadableError('too-many-rows', `more than ${limits.maxRows} rows`);
      }
      yield { line: next.value.line, cells: next.value.cells.slice(0, width) };
    }
  }
  return { format, name, headers, rows: dataRows() };
}

/** Damaged archives and XML fail deep inside exceljs; they reach the caller as one reason. */
async function* guarded<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof SpreadsheetUnreadableError) throw error;
    throw new SpreadsheetUnreadableError('damaged', 'the file could not be read');
  }
}

async function* streamedRows(archive: Buffer) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([archive]), {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number; the reordered archive has them first.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) yield { line: row.number, cells: cellsOf(row.values) };
    return;
  }
}

/** Files without shared strings are read whole, in memory: still nothing goes to disk. */
async function* loadedRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  if (worksheet === undefined) return;
  for (let line = 1; line <= worksheet.rowCount; line += 1) {
    yield { line, cells: cellsOf(worksheet.getRow(line).values) };
  }
}

async function readXlsx(bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  const reduced = firstSheetArchive(bytes);
  if (!reduced.ok && reduced.reason === 'not-xlsx') {
    throw new SpreadsheetUnreadableError('not-a-spreadsheet', 'a ZIP archive but not a workbook');
  }
  if (reduced.ok && reduced.unpackedSize > maxUnpackedBytes) {
    throw new SpreadsheetUnreadableError('too-large', `${reduced.unpackedSize} bytes unpacked`);
  }
  const rows = guarded(reduced.ok ? streamedRows(reduced.archive) : loadedRows(bytes));
  return sheetOf('xlsx', null, rows[Symbol.asyncIterator](), limits);
}

async function readCsv(bytes: Uint8Array, limits: SheetLimits): Promise<Sheet> {
  const text = decodeCsvText(bytes);
  if (text === null) throw new SpreadsheetUnreadableError('not-a-spreadsheet', 'not text');
  const workbook = new ExcelJS.Workbook();
  // Every value stays text as written: the domain reads dates the Russian way, exceljs would
  // read 03-04-2006 the American way.
  // A quote left open or closed mid-cell fails in the CSV parser, not in the rows.
  const worksheet = await workbook.csv
    .read(Readable.from([text]), {
      map: (value: unknown) => (value === '' ? null : value),
      parserOptions: { delimiter: detectDelimiter(text) },
    })
    .catch(() => {
      throw new SpreadsheetUnreadableError('damaged', 'the CSV text could not be parsed');
    });
  async function* rows() {
    for (let line = 1; line <= worksheet.rowCount; line += 1) {
      yield { line, cells: cellsOf(worksheet.getRow(line).values) };
    }
  }
  return sheetOf('csv', null, guarded(rows())[Symbol.asyncIterator](), limits);
}

function cellForExcel(cell: ExportCell): ExcelJS.CellValue {
  if (cell === null) return null;
  // A JavaScript string is always written as a text cell, never as a formula.
  if (cell.kind === 'text') return cell.text;
  // Spreadsheet dates have no zone: the UTC fields carry the wall clock.
  if (cell.kind === 'date') return new Date(`${cell.date}T00:00:00Z`);
  return new Date(`${cell.wallClock}:00Z`);
}

const dateFormats = { date: 'dd.mm.yyyy', 'date-time': 'dd.mm.yyyy hh:mm' } as const;

async function writeXlsx(table: ExportTable): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = table.headers.map((header) => ({
    width: Math.min(40, Math.max(12, header.length + 2)),
  }));
  const header = worksheet.addRow(table.headers);
  header.font = { bold: true };
  header.commit();
  for (const cells of table.rows) {
    const row = worksheet.addRow(cells.map(cellForExcel));
    cells.forEach((cell, index) => {
      if (cell !== null && cell.kind !== 'text')
        row.getCell(index + 1).numFmt = dateFormats[cell.kind];
    });
    row.commit();
  }
  worksheet.commit();
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Case lists in and out through exceljs: XLSX streamed, CSV as text, nothing on disk. */
export function exceljsSpreadsheets(): Spreadsheets {
  return {
    detectFormat(file) {
      if (startsWith(file, zipMagic)) return 'xlsx';
      if (startsWith(file, oleMagic)) return 'old-excel-format';
      return decodeCsvText(file.subarray(0, 64 * 1024)) === null ? null : 'csv';
    },

    async read(file, format, limits) {
      const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
      return format === 'xlsx' ? readXlsx(bytes, limits) : readCsv(bytes, limits);
    },

    write: writeXlsx,
  };
}
