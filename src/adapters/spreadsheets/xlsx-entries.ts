/**
 * Puts the parts of an XLSX file (a ZIP archive) in the order a streaming reader needs them:
 * the workbook, its relationships, the shared strings and the styles before the first
 * worksheet. exceljs's streaming reader otherwise spools a worksheet that comes first (as Excel
 * and exceljs itself write them) to a temporary file in clear text; reordered, it reads
 * everything from memory and nothing personal touches the disk.
 */

type ZipEntry = { name: string; start: number; end: number; unpackedSize: number };

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

function findEndOfCentralDirectory(bytes: Buffer): number | null {
  // 22 bytes and a comment of at most 65,535 bytes, at the very end of the archive.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) return at;
  }
  return null;
}

/**
 * The archive's entries as the central directory lists them, each with the byte range of its
 * local header, data and data descriptor; null for anything that is not a plain ZIP.
 */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const end = findEndOfCentralDirectory(bytes);
  if (end === null) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (directoryStart > end) return null;
  const found: Omit<ZipEntry, 'end'>[] = [];
  let at = directoryStart;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== centralHeader) return null;
    const unpackedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const start = bytes.readUInt32LE(at + 42);
    if (start + 4 > directoryStart || bytes.readUInt32LE(start) !== localHeader) return null;
    found.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      start,
      unpackedSize,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const starts = found.map((entry) => entry.start).sort((a, b) => a - b);
  return found.map((entry) => ({
    ...entry,
    end: starts.find((start) => start > entry.start) ?? directoryStart,
  }));
}

const worksheetPattern = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Parts the reader needs before a worksheet, in the order it needs them. */
const leadingParts = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

export type FirstSheetArchive =
  | { ok: true; archive: Buffer; unpackedSize: number }
  | { ok: false; reason: 'not-xlsx' | 'no-shared-strings' };

/**
 * The archive reduced to what reading the first worksheet takes, that worksheet last. Without
 * shared strings (some tools write every text inline) the reader would spool again, so the
 * caller reads such a file another way.
 */
export function firstSheetArchive(bytes: Buffer): FirstSheetArchive {
  const entries = zipEntries(bytes);
  if (entries === null) return { ok: false, reason: 'not-xlsx' };
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const sheets = entries
    .map((entry) => ({ entry, number: Number(worksheetPattern.exec(entry.name)?.[1] ?? NaN) }))
    .filter((sheet) => !Number.isNaN(sheet.number))
    .sort((a, b) => a.number - b.number);
  const first = sheets[0]?.entry;
  if (first === undefined || !byName.has('xl/workbook.xml') || !byName.has(leadingParts[0] ?? ''))
    return { ok: false, reason: 'not-xlsx' };
  if (!byName.has('xl/sharedStrings.xml')) return { ok: false, reason: 'no-shared-strings' };
  const kept = [
    ...leadingParts.flatMap((name) => {
      const entry = byName.get(name);
      return entry === undefined ? [] : [entry];
    }),
    first,
  ];
  return {
    ok: true,
    archive: Buffer.concat(kept.map((entry) => bytes.subarray(entry.start, entry.end))),
    unpackedSize: kept.reduce((sum, entry) => sum + entry.unpackedSize, 0),
  };
}
