import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { ComposedBlock, ComposedDocument } from '../../domain/documents/compose-document.ts';

/** Russian court and office papers: Times New Roman 14 pt, A4, margins 30/15/20/20 mm. */
const font = 'Times New Roman';
const size = 28;
const firstLineIndent = convertMillimetersToTwip(12.5);
/** The addressee block sits in the right half of the page. */
const addresseeIndent = convertMillimetersToTwip(85);

function run(text: string, bold = false): TextRun {
  return new TextRun({ text, font, size, bold });
}

function paragraphsOf(block: ComposedBlock): Paragraph[] {
  switch (block.type) {
    case 'addressee':
      return block.lines.map(
        (line) => new Paragraph({ children: [run(line)], indent: { left: addresseeIndent } }),
      );
    case 'heading':
      return [
        new Paragraph({
          children: [run(block.text, true)],
          alignment: AlignmentType.CENTER,
          spacing: { before: 240 },
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: [run(block.text)],
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: firstLineIndent },
          spacing: { before: 120 },
        }),
      ];
    case 'numbered':
      return [
        new Paragraph({
          children: [run(block.intro)],
          indent: { firstLine: firstLineIndent },
          spacing: { before: 240 },
        }),
        ...block.items.map(
          (item, index) =>
            new Paragraph({
              children: [run(`${index + 1}. ${item}`)],
              alignment: AlignmentType.JUSTIFIED,
              indent: { firstLine: firstLineIndent },
            }),
        ),
      ];
    case 'signature':
      return block.lines.map(
        (line, index) =>
          new Paragraph({ children: [run(line)], spacing: { before: index === 0 ? 480 : 120 } }),
      );
  }
}

/**
 * A Word document lawyers can edit: every block as ordinary paragraphs (the numbers of a list
 * are text, so they survive any editing), long values wrapped by Word itself.
 */
export async function renderDocx(document: ComposedDocument): Promise<Uint8Array> {
  const file = new Document({
    title: document.title,
    creator: 'Habeas',
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
            },
          },
        },
        children: document.blocks.flatMap(paragraphsOf),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
