import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Sheet, SpreadsheetUnreadableError } from '../../app/ports/spreadsheets.ts';
import { exceljsSpreadsheets } from './exceljs-spreadsheets.ts';

const spreadsheets = exceljsSpreadsheets();
const limits = { maxRows: 100, maxColumns: 20 };

async function rowsOf(sheet: Sheet) {
  const rows = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

async function xlsxOf(build: (worksheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Дела'));
  workbook.addWorksheet('Second').addRow(['not read']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Windows-1251 bytes of a text, from the decoder's own table read backwards. */
function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((character) => byteOf.get(character) ?? 0x3f));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading XLSX', () => {
  it('reads the first sheet: headers, values by type, line numbers as Excel shows them', async () => {
    const file = await xlsxOf((worksheet) => {
      worksheet.addRow([]);
      worksheet.addRow(['ФИО', 'Дата рождения', 'Телефон', 'Формула', 'Текст']);
      worksheet.addRow([
        'Иванов Пётр',
        new Date(Date.UTC(2006, 4, 12)),
        79161234567,
        { formula: '1+1', result: 2 },
        { richText: [{ text: 'Б' }, { text: '-3' }] },
      ]);
      worksheet.getCell('B3').numFmt = 'dd.mm.yyyy';
      worksheet.addRow([]);
      worksheet.addRow(['Петров', { error: '#N/A' }, null, null, '=1+1']);
    });
    const sheet = await spreadsheets.read(file, 'xlsx', limits);
    expect(sheet.headers).toEqual(['ФИО', 'Дата рождения', 'Телефон', 'Формула', 'Текст']);
    expect(await rowsOf(sheet)).toEqual([
      {
        line: 3,
        cells: ['Иванов Пётр', new Date(Date.UTC(2006, 4, 12)), 79161234567, 2, 'Б-3'],
      },
      { line: 5, cells: ['Петров', null, null, null, '=1+1'] },
    ]);
  });

  it('writes nothing to disk while reading, even though the worksheet comes first in the file', async () => {
    const writes = vi.spyOn(fs, 'createWriteStream');
    const file = await xlsxOf((worksheet) => {
      worksheet.addRow(['ФИО']);
      worksheet.addRow(['Иванов']);
    });
    expect(await rowsOf(await spreadsheets.read(file, 'xlsx', limits))).toHaveLength(1);
    // Our own exports keep text inline, with no shared strings: read whole, in memory.
    const inline = await spreadsheets.write({
      sheetName: 'Дела',
      headers: ['ФИО'],
      rows: [[{ kind: 'text', text: 'Иванов' }]],
    });
    writes.mockClear();
    expect(await rowsOf(await spreadsheets.read(inline, 'xlsx', limits))).toEqual([
      { line: 2, cells: ['Иванов'] },
    ]);
    expect(writes).not.toHaveBeenCalled();
  });

  it('refuses a sheet with more rows or columns than an import takes', async () => {
    const long = await xlsxOf((worksheet) => {
      worksheet.addRow(['ФИО']);
      for (let index = 0; index < 101; index += 1) worksheet.addRow([`Иванов ${index}`]);
    });
    const sheet = await spreadsheets.read(long, 'xlsx', limits);
    await expect(rowsOf(sheet)).rejects.toMatchObject({ reason: 'too-many-rows' });
    const wide = await xlsxOf((worksheet) => {
      worksheet.addRow(Array.from({ length: 21 }, (_, index) => `Столбец ${index}`));
    });
    await expect(spreadsheets.read(wide, 'xlsx', limits)).rejects.toMatchObject({
      reason: 'too-many-columns',
    });
  });

  it('refuses an empty sheet and a damaged archive', async () => {
    const empty = await xlsxOf(() => {});
    await expect(spreadsheets.read(empty, 'xlsx', limits)).rejects.toMatchObject({
      reason: 'empty',
    });
    const damaged = new Uint8Array(await xlsxOf((worksheet) => worksheet.addRow(['ФИО'])));
    damaged.fill(0x41, 200, 400);
    await expect(spreadsheets.read(damaged, 'xlsx', limits)).rejects.toBeInstanceOf(
      SpreadsheetUnreadableError,
    );
  });
});

describe('reading CSV', () => {
  it('reads Windows-1251 with semicolons, as Russian Excel saves it, keeping every value as text', async () => {
    const file = windows1251('ФИО;Дата\r\nИванов;03-04-2006\r\n\r\n;\r\nИва;14.03.2006\r\n');
    expect(spreadsheets.detectFormat(file)).toBe('csv');
    const sheet = await spreadsheets.read(file, 'csv', limits);
    expect(sheet.headers).toEqual(['ФИО', 'Дата']);
    expect(await rowsOf(sheet)).toEqual([
      { line: 2, cells: ['Иванов', '03-04-2006'] },
      { line: 5, cells: ['Ива', '14.03.2006'] },
    ]);
  });

  it('reads UTF-8 with a byte-order mark and commas, quotes and line breaks inside quotes', async () => {
    const text = '\ufeffФИО,Примечания\n"Петров, Иван","две\nстроки"\n';
    const sheet = await spreadsheets.read(new TextEncoder().encode(text), 'csv', limits);
    expect(sheet.headers).toEqual(['ФИО', 'Примечания']);
    expect(await rowsOf(sheet)).toEqual([{ line: 2, cells: ['Петров, Иван', 'две\nстроки'] }]);
  });

  it('refuses text whose quotes do not close where a cell ends', async () => {
    const text = new TextEncoder().encode('{"a":1,"a":2}');
    await expect(spreadsheets.read(text, 'csv', limits)).rejects.toMatchObject({
      reason: 'damaged',
    });
  });
});

describe('recognising files by content', () => {
  it('tells XLSX, old Excel, CSV and anything else apart whatever the name', async () => {
    expect(spreadsheets.detectFormat(await xlsxOf(() => {}))).toBe('xlsx');
    expect(
      spreadsheets.detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).toBe('old-excel-format');
    expect(spreadsheets.detectFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toBe(
      null,
    );
  });

  it('refuses a ZIP archive that is not a workbook', async () => {
    const notWorkbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    await expect(spreadsheets.read(notWorkbook, 'xlsx', limits)).rejects.toMatchObject({
      reason: 'not-a-spreadsheet',
    });
  });
});

describe('writing XLSX', () => {
  it('writes text as text cells, never formulas, and dates as date cells', async () => {
    const file = await spreadsheets.write({
      sheetName: 'Дела',
      headers: ['ФИО', 'Дата рождения', 'Задержан'],
      rows: [
        [
          { kind: 'text', text: '=HYPERLINK("http://evil.example","x")' },
          { kind: 'date', date: '2006-05-12' },
          { kind: 'date-time', wallClock: '2026-11-18T09:40' },
        ],
        [null, null, null],
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
    const worksheet = workbook.getWorksheet('Дела');
    expect(worksheet?.getRow(1).font?.bold).toBe(true);
    const name = worksheet?.getCell('A2');
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(name?.formula).toBeUndefined();
    expect(worksheet?.getCell('B2').value).toEqual(new Date(Date.UTC(2006, 4, 12)));
    expect(worksheet?.getCell('B2').numFmt).toBe('dd.mm.yyyy');
    expect(worksheet?.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 10, 18, 9, 40)));
    const reread = await spreadsheets.read(file, 'xlsx', limits);
    expect(await rowsOf(reread)).toEqual([
      {
        line: 2,
        cells: [
          '=HYPERLINK("http://evil.example","x")',
          new Date(Date.UTC(2006, 4, 12)),
          new Date(Date.UTC(2026, 10, 18, 9, 40)),
        ],
      },
    ]);
  });
});
