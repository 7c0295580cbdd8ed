import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ComposedDocument } from '../../domain/documents/compose-document.ts';

const require = createRequire(import.meta.url);
/** PT Serif (ParaType, made for Russian), read once: embedding it is what a PDF costs most. */
const regular = readFileSync(
  require.resolve('@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf'),
);
const bold = readFileSync(
  require.resolve('@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf'),
);

const mm = 72 / 25.4;
const margins = { left: 30 * mm, right: 15 * mm, top: 20 * mm, bottom: 20 * mm };
const fontSize = 12;
const indent = 12.5 * mm;

/**
 * A PDF on A4 with the same layout as the Word file. pdfkit wraps every line to the width it is
 * given and breaks a word longer than a line, so no value is ever cut off.
 */
export function renderPdf(document: ComposedDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins,
      info: { Title: document.title, Creator: 'Habeas' },
      compress: true,
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    pdf.registerFont('regular', regular);
    pdf.registerFont('bold', bold);
    pdf.font('regular').fontSize(fontSize);
    const width = pdf.page.width - margins.left - margins.right;
    const half = width / 2;

    for (const block of document.blocks) {
      switch (block.type) {
        case 'addressee':
          for (const line of block.lines) {
            pdf.font('regular').text(line, margins.left + half, undefined, { width: half });
          }
          break;
        case 'heading':
          pdf.moveDown(0.6);
          pdf.font('bold').text(block.text, margins.left, undefined, { width, align: 'center' });
          pdf.font('regular');
          break;
        case 'paragraph':
          pdf.moveDown(0.4);
          pdf.text(block.text, margins.left, undefined, { width, align: 'justify', indent });
          break;
        case 'numbered':
          pdf.moveDown(0.6);
          pdf.text(block.intro, margins.left, undefined, { width, indent });
          block.items.forEach((item, index) => {
            pdf.text(`${index + 1}. ${item}`, margins.left, undefined, {
              width,
              align: 'justify',
              indent,
            });
          });
          break;
        case 'signature':
          pdf.moveDown(1.5);
          for (const line of block.lines) {
            pdf.text(line, margins.left, undefined, { width });
            pdf.moveDown(0.3);
          }
          break;
      }
    }
    pdf.end();
  });
}
