import { z } from 'zod';
import { text as bilingualText } from '../rules/rule-pack.ts';
import {
  type DocumentFieldName,
  documentFields,
  type FieldProblem,
  grammaticalCases,
  isDocumentFieldName,
} from './document-field.ts';

/** The documents Habeas drafts; each is a folder of versions in content/templates. */
export const documentKinds = [
  'detention-complaint',
  'lawyer-access-complaint',
  'lawyer-admission-request',
  'medical-board-refusal',
  'appeal-pending-statement',
  'administrative-claim',
  'regional-commission-complaint',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return documentKinds.some((kind) => kind === value);
}

const guarded = z.strictObject({ text: z.string().min(1), if: z.string().min(1) });
const line = z.union([z.string().min(1), guarded]);
export type TemplateLine = z.infer<typeof line>;

const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('addressee'), lines: z.array(line).min(1) }),
  z.strictObject({ type: z.literal('heading'), text: z.string().min(1) }),
  z.strictObject({
    type: z.literal('paragraph'),
    text: z.string().min(1),
    if: z.string().optional(),
  }),
  /** The `grounds` field: the cited findings, one paragraph each, as the lawyer left them. */
  z.strictObject({ type: z.literal('grounds') }),
  z.strictObject({
    type: z.literal('numbered'),
    intro: z.string().min(1),
    items: z.array(line).min(1),
  }),
  z.strictObject({ type: z.literal('signature'), lines: z.array(line).min(1) }),
]);
export type TemplateBlock = z.infer<typeof block>;

const findingRef = z
  .string()
  .regex(/^[A-Z]+-\d+(\/[a-z0-9]+(-[a-z0-9]+)*)?$/u, 'a rule id, optionally /outcome id');

export const documentTemplate = z.strictObject({
  kind: z.enum(documentKinds),
  version: z.int().min(1),
  title: bilingualText,
  /** What the document is for, shown to staff choosing it. */
  purpose: bilingualText,
  requires: z.array(z.string()).min(1),
  optional: z.array(z.string()).default([]),
  /** Rule findings whose text fills `grounds`, in this order: `RULE-ID/outcome-id` or a whole rule. */
  cites: z.array(findingRef).default([]),
  blocks: z.array(block).min(1),
});
export type DocumentTemplate = Omit<z.infer<typeof documentTemplate>, 'requires' | 'optional'> & {
  requires: DocumentFieldName[];
  optional: DocumentFieldName[];
};

/** `{{field}}` or `{{field|case}}`. */
export const placeholderPattern = /\{\{\s*([A-Za-z.]+)(?:\|([a-z]+))?\s*\}\}/gu;

type Use = { field: string; filter: string | undefined; guard: string | undefined; where: string };

function usesIn(textValue: string, guard: string | undefined, where: string): Use[] {
  return [...textValue.matchAll(placeholderPattern)].map((match) => ({
    field: match[1] ?? '',
    filter: match[2],
    guard,
    where,
  }));
}

function lineUses(lines: readonly TemplateLine[], blockGuard: string | undefined, where: string) {
  return lines.flatMap((item, index) =>
    typeof item === 'string'
      ? usesIn(item, blockGuard, `${where} line ${index + 1}`)
      : usesIn(item.text, item.if, `${where} line ${index + 1}`),
  );
}

function usesOfBlock(item: TemplateBlock, index: number): Use[] {
  const where = `block ${index + 1} (${item.type})`;
  switch (item.type) {
    case 'addressee':
    case 'signature':
      return lineUses(item.lines, undefined, where);
    case 'heading':
      return usesIn(item.text, undefined, where);
    case 'paragraph':
      return usesIn(item.text, item.if, where);
    case 'grounds':
      return [{ field: 'grounds', filter: undefined, guard: undefined, where }];
    case 'numbered':
      return [...usesIn(item.intro, undefined, where), ...lineUses(item.items, undefined, where)];
  }
}

function blockUses(blocks: readonly TemplateBlock[]): Use[] {
  return blocks.flatMap(usesOfBlock);
}

function guardsIn(blocks: readonly TemplateBlock[]): { field: string; where: string }[] {
  return blocks.flatMap((item, index) => {
    const where = `block ${index + 1} (${item.type})`;
    const lines =
      item.type === 'addressee' || item.type === 'signature'
        ? item.lines
        : item.type === 'numbered'
          ? item.items
          : [];
    return [
      ...(item.type === 'paragraph' && item.if !== undefined ? [{ field: item.if, where }] : []),
      ...lines.flatMap((entry) => (typeof entry === 'string' ? [] : [{ field: entry.if, where }])),
    ];
  });
}

function problem(field: string, ru: string, en: string): FieldProblem {
  return { field, message: { ru, en } };
}

export type TemplateCheck =
  | { ok: true; template: DocumentTemplate }
  | { ok: false; problems: FieldProblem[] };

/**
 * A template as data, checked: its shape, and every field it names (in its lists, placeholders
 * and conditions) known, declared, and declined only if it is a name. An optional field may
 * appear only where a condition on it leaves the text out when it is empty, so a document never
 * carries an empty gap or a leftover placeholder. Each problem names the field.
 */
export function checkDocumentTemplate(json: unknown): TemplateCheck {
  const parsed = documentTemplate.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        problem(issue.path.join('.'), issue.message, issue.message),
      ),
    };
  }
  const template = parsed.data;
  const problems: FieldProblem[] = [];
  const declared = new Set([...template.requires, ...template.optional]);
  for (const name of declared) {
    if (!isDocumentFieldName(name)) {
      problems.push(
        problem(name, `Неизвестное поле «${name}».`, `Unknown field "${name}" in the field lists.`),
      );
    }
  }
  for (const name of template.requires.filter((name) => template.optional.includes(name))) {
    problems.push(
      problem(
        name,
        `Поле «${name}» и обязательное, и необязательное.`,
        `"${name}" is both required and optional.`,
      ),
    );
  }
  const optional = new Set(template.optional);
  for (const use of blockUses(template.blocks)) {
    if (!isDocumentFieldName(use.field)) {
      problems.push(
        problem(
          use.field,
          `Неизвестное поле «${use.field}» (${use.where}).`,
          `Unknown field "${use.field}" (${use.where}).`,
        ),
      );
      continue;
    }
    if (!declared.has(use.field)) {
      problems.push(
        problem(
          use.field,
          `Поле «${use.field}» не объявлено в списках полей (${use.where}).`,
          `Field "${use.field}" is used but not declared (${use.where}).`,
        ),
      );
    }
    if (use.filter !== undefined) {
      const known = grammaticalCases.some((name) => name === use.filter);
      if (!known || documentFields[use.field].type !== 'person-name') {
        problems.push(
          problem(
            use.field,
            `Падеж «${use.filter}» неприменим к полю «${use.field}» (${use.where}).`,
            `Case "${use.filter}" cannot apply to "${use.field}" (${use.where}).`,
          ),
        );
      }
    }
    if (optional.has(use.field as DocumentFieldName) && use.guard !== use.field) {
      problems.push(
        problem(
          use.field,
          `Необязательное поле «${use.field}» должно стоять под условием на него (${use.where}).`,
          `Optional field "${use.field}" must sit under a condition on itself (${use.where}).`,
        ),
      );
    }
  }
  for (const guard of guardsIn(template.blocks)) {
    if (!isDocumentFieldName(guard.field)) {
      problems.push(
        problem(
          guard.field,
          `Неизвестное поле «${guard.field}» в условии (${guard.where}).`,
          `Unknown field "${guard.field}" in a condition (${guard.where}).`,
        ),
      );
    } else if (!declared.has(guard.field)) {
      problems.push(
        problem(
          guard.field,
          `Поле условия «${guard.field}» не объявлено (${guard.where}).`,
          `Condition field "${guard.field}" is not declared (${guard.where}).`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    template: {
      ...template,
      requires: template.requires.filter(isDocumentFieldName),
      optional: template.optional.filter(isDocumentFieldName),
    },
  };
}

/** Every field the template reads, required ones first, in the order it lists them. */
export function templateFields(template: DocumentTemplate): DocumentFieldName[] {
  return [...template.requires, ...template.optional];
}
