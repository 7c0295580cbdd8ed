import ExcelJS from 'exceljs';

/** The headers a Russian group's case list typically has. */
export const caseListHeaders = [
  'ФИО',
  'Дата рождения',
  'Телефон',
  'Задержан',
  'Где задержан',
  'Дата решения о призыве',
  'Вид повестки',
  'Дата повестки',
  'Категория годности',
  'Дата подачи иска',
  'Номер дела',
];

/** One row of such a list, for the n-th conscript: dates typed the Russian way. */
export function caseListRow(n: number): (string | number | Date | null)[] {
  const day = (n % 28) + 1;
  return [
    `Иванов${n} Пётр Сергеевич`,
    `${String(day).padStart(2, '0')}.05.2006`,
    `+7 916 ${String(1_000_000 + n).slice(1, 4)}-${String(n % 100).padStart(2, '0')}-00`,
    `${String(day).padStart(2, '0')}.10.2026 09:40`,
    'Метро Тверская',
    '01.10.2026',
    n % 2 === 0 ? 'электронная' : 'бумажная',
    '20.09.2026',
    'Б-3',
    '15.10.2026',
    `2а-${n}/2026`,
  ];
}

/** An XLSX workbook, written by exceljs as a spreadsheet program would. */
export async function xlsxOf(
  headers: readonly string[],
  rows: readonly (readonly (string | number | Date | null)[])[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('Дела');
  worksheet.addRow([...headers]);
  for (const row of rows) worksheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The rows of the first sheet of an XLSX file as plain values, for checking exports. */
export async function rowsOfXlsx(file: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  worksheet?.eachRow((row) => {
    rows.push(Array.isArray(row.values) ? row.values.slice(1) : []);
  });
  return rows;
}
