import type { DocumentRenderer } from '../../app/ports/documents.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderPdf } from './pdf-renderer.ts';

/** DOCX through the docx package, PDF through pdfkit with PT Serif. */
export function documentRenderer(): DocumentRenderer {
  return {
    render: (document, format) => (format === 'docx' ? renderDocx(document) : renderPdf(document)),
  };
}
