import { isCalendarDate } from '../rules/calendar-date.ts';
import {
  type DeclineName,
  type DocumentFieldName,
  type DocumentValues,
  documentFields,
  type FieldProblem,
  type GrammaticalCase,
} from './document-field.ts';
import {
  type DocumentKind,
  type DocumentTemplate,
  placeholderPattern,
  type TemplateBlock,
  type TemplateLine,
} from './document-template.ts';
import { russianDate, russianTypography } from './russian-typography.ts';

/** A document with every value in place, ready for any renderer (DOCX, PDF). */
export type ComposedBlock =
  | { type: 'addressee'; lines: string[] }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'numbered'; intro: string; items: string[] }
  | { type: 'signature'; lines: string[] };

export type ComposedDocument = {
  kind: DocumentKind;
  version: number;
  title: string;
  blocks: ComposedBlock[];
};

export type Composition =
  | { ok: true; document: ComposedDocument }
  | { ok: false; problems: FieldProblem[] };

/** Longest value a field takes: long enough for any real name or argument, short of abuse. */
export const documentValueMaxLength = 20_000;

function present(values: DocumentValues, field: DocumentFieldName): boolean {
  return (values[field] ?? '').trim() !== '';
}

function valueProblem(field: DocumentFieldName, value: string): FieldProblem | null {
  const { type, label } = documentFields[field];
  if (value.length > documentValueMaxLength) {
    return {
      field,
      message: {
        ru: `«${label.ru}»: не длиннее ${documentValueMaxLength} знаков.`,
        en: `${label.en}: at most ${documentValueMaxLength} characters.`,
      },
    };
  }
  if (type === 'date' && !isCalendarDate(value.trim())) {
    return {
      field,
      message: {
        ru: `«${label.ru}»: дата в виде ГГГГ-ММ-ДД.`,
        en: `${label.en}: a date as YYYY-MM-DD.`,
      },
    };
  }
  if (type === 'time' && !/^([01]\d|2[0-3]):[0-5]\d$/u.test(value.trim())) {
    return {
      field,
      message: { ru: `«${label.ru}»: время в виде ЧЧ:ММ.`, en: `${label.en}: a time as HH:MM.` },
    };
  }
  return null;
}

/**
 * Everything that keeps the values from filling the template: each required field that is
 * empty, and each given value that is malformed, named by field. Empty when it can be composed.
 */
export function documentValueProblems(
  template: DocumentTemplate,
  values: DocumentValues,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of template.requires) {
    if (!present(values, field)) {
      const { label } = documentFields[field];
      problems.push({
        field,
        message: { ru: `Не заполнено: «${label.ru}».`, en: `Missing: ${label.en}.` },
      });
    }
  }
  for (const field of [...template.requires, ...template.optional]) {
    const value = values[field];
    if (value === undefined || value.trim() === '') continue;
    const found = valueProblem(field, value);
    if (found !== null) problems.push(found);
  }
  return problems;
}

function formatted(
  field: DocumentFieldName,
  raw: string,
  grammaticalCase: GrammaticalCase | undefined,
  decline: DeclineName,
): string {
  const value = raw.trim();
  switch (documentFields[field].type) {
    case 'date':
      return russianDate(value);
    case 'time':
      return value;
    case 'person-name': {
      const name = russianTypography(value);
      return grammaticalCase === undefined ? name : decline(name, grammaticalCase);
    }
    case 'text':
      return russianTypography(value);
    case 'long-text':
      return paragraphsOf(value).join(' ');
  }
}

/** Paragraphs of a long value: separated by blank lines, each with its own typography. */
function paragraphsOf(value: string): string[] {
  return value
    .split(/\n\s*\n/u)
    .map((paragraph) => russianTypography(paragraph.replace(/\s*\n\s*/gu, ' ')))
    .filter((paragraph) => paragraph !== '');
}

/**
 * Puts the values into the template: dates as «17 октября 2025 г.», names declined where the
 * template asks, staff's text in Russian typography, parts under a condition only when their
 * field has a value. Refuses, naming every missing or malformed field, before anything is
 * composed: there is never a half-filled document.
 */
export function composeDocument(
  template: DocumentTemplate,
  values: DocumentValues,
  decline: DeclineName,
): Composition {
  const problems = documentValueProblems(template, values);
  if (problems.length > 0) return { ok: false, problems };

  const fill = (text: string): string =>
    text.replace(
      placeholderPattern,
      (match, name: string, filter: string | undefined, offset: number, whole: string) => {
        const field = name as DocumentFieldName;
        const value = formatted(
          field,
          values[field] ?? '',
          filter as GrammaticalCase | undefined,
          decline,
        );
        // «…2025 г.» at the end of a sentence takes no second full stop.
        return value.endsWith('.') && whole[offset + match.length] === '.'
          ? value.slice(0, -1)
          : value;
      },
    );
  const shown = (guard: string | undefined): boolean =>
    guard === undefined || present(values, guard as DocumentFieldName);
  const fillLines = (lines: readonly TemplateLine[]): string[] =>
    lines.flatMap((line) =>
      typeof line === 'string' ? [fill(line)] : shown(line.if) ? [fill(line.text)] : [],
    );

  const composeBlock = (block: TemplateBlock): ComposedBlock[] => {
    switch (block.type) {
      case 'addressee':
      case 'signature':
        return [{ type: block.type, lines: fillLines(block.lines) }];
      case 'heading':
        return [{ type: 'heading', text: fill(block.text) }];
      case 'paragraph':
        return shown(block.if) ? [{ type: 'paragraph', text: fill(block.text) }] : [];
      case 'grounds':
        return paragraphsOf(values.grounds ?? '').map((text) => ({ type: 'paragraph', text }));
      case 'numbered':
        return [{ type: 'numbered', intro: fill(block.intro), items: fillLines(block.items) }];
    }
  };
  const blocks = template.blocks.flatMap(composeBlock);
  return {
    ok: true,
    document: { kind: template.kind, version: template.version, title: template.title.ru, blocks },
  };
}

function blockText(block: ComposedBlock): string {
  switch (block.type) {
    case 'addressee':
    case 'signature':
      return block.lines.join('\n');
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'numbered':
      return [block.intro, ...block.items.map((item, index) => `${index + 1}. ${item}`)].join('\n');
  }
}

/** The document's text, block by block: what a reader would find in the DOCX or the PDF. */
export function composedText(document: ComposedDocument): string {
  return document.blocks.map(blockText).join('\n\n');
}
