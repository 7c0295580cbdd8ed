import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The text a reader finds in a rendered file, with lines joined the way they were wrapped:
 * no-break spaces and runs of spaces become one space, a line broken after a hyphen is joined.
 */
function normalised(text: string): string {
  return text
    .replace(/\u00a0/gu, ' ')
    .replace(/-\s*\n\s*/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

function withFile<T>(bytes: Uint8Array, name: string, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'habeas-document-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What poppler's pdftotext reads from a PDF. */
export function pdfText(bytes: Uint8Array): string {
  return normalised(
    withFile(bytes, 'document.pdf', (file) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    ),
  );
}

/** The text of a DOCX: the runs of word/document.xml, paragraph by paragraph. */
export function docxText(bytes: Uint8Array): string {
  const xml = withFile(bytes, 'document.docx', (file) =>
    execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }),
  );
  const paragraphs = xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((match) => match[1]).join(''),
    );
  return normalised(
    paragraphs
      .join('\n')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&quot;/gu, '"')
      .replace(/&apos;/gu, "'")
      .replace(/&amp;/gu, '&'),
  );
}
