import type { ComposedDocument } from '../../domain/documents/compose-document.ts';
import type { DeclineName } from '../../domain/documents/document-field.ts';
import type { DocumentKind, DocumentTemplate } from '../../domain/documents/document-template.ts';

/** The published document templates shipped with Habeas, checked when they are read. */
export interface DocumentTemplates {
  /** The newest published version of each kind, in the order of `documentKinds`. */
  list(): DocumentTemplate[];
  /** The newest published version of a kind. */
  current(kind: DocumentKind): DocumentTemplate;
  /** A published version, for re-reading what an older document was made from; null if none. */
  find(kind: DocumentKind, version: number): DocumentTemplate | null;
}

export type DocumentFormat = 'docx' | 'pdf';

/** Turns a composed document into a file; the same document in either format. */
export interface DocumentRenderer {
  render(document: ComposedDocument, format: DocumentFormat): Promise<Uint8Array>;
}

/** Everything documents need from outside the domain: templates, files, names in their cases. */
export type DocumentTools = {
  templates: DocumentTemplates;
  renderer: DocumentRenderer;
  declineName: DeclineName;
};
