import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { CustodySheets } from '../../app/ports/evidence-files.ts';

const require = createRequire(import.meta.url);
// PT Serif (ParaType, made for Russian; SIL Open Font License), from its npm package.
const fontDir = path.dirname(require.resolve('@expo-google-fonts/pt-serif/400Regular/index.js'));
const regular = path.join(fontDir, 'PTSerif_400Regular.ttf');
const bold = path.join(fontDir, '..', '700Bold', 'PTSerif_700Bold.ttf');

/** The sheet as an A4 PDF through pdfkit, in memory. */
export function pdfkitCustodySheets(): CustodySheets {
  return {
    render(sheet) {
      return new Promise((resolve, reject) => {
        const document = new PDFDocument({
          size: 'A4',
          margin: 56,
          info: { Title: sheet.title, Producer: 'Habeas', Creator: 'Habeas' },
        });
        const parts: Buffer[] = [];
        document.on('data', (part: Buffer) => parts.push(part));
        document.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
        document.on('error', reject);
        document.registerFont('regular', regular);
        document.registerFont('bold', bold);
        document.font('bold').fontSize(16).text(sheet.title, { align: 'center' });
        document.moveDown(1.5);
        for (const [label, value] of sheet.lines) {
          document.font('bold').fontSize(11).text(label);
          document.font('regular').fontSize(11).text(value);
          document.moveDown(0.6);
        }
        document.moveDown(1);
        document.font('regular').fontSize(9).fillColor('#333333').text(sheet.footer);
        document.end();
      });
    },
  };
}
