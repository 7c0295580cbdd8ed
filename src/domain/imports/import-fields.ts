import type { Message } from './cell-readings.ts';

/**
 * The case fields a spreadsheet column can fill: the person, the first detention (a `detained`
 * event on the timeline) and the draft matter (decision, notice, medical category, one court
 * appeal). Everything else a case holds is recorded on its page after the import.
 */
export const importFields = [
  'fullName',
  'birthDate',
  'phone',
  'notes',
  'detainedAt',
  'detentionNote',
  'draftDecisionDate',
  'draftDecisionBy',
  'draftCommission',
  'noticeKind',
  'noticeDate',
  'noticeAppearanceDate',
  'medicalCategory',
  'appealFiledDate',
  'appealCaseNumber',
  'appealStatus',
] as const;
export type ImportField = (typeof importFields)[number];

export function isImportField(value: string): value is ImportField {
  return (importFields as readonly string[]).includes(value);
}

/** What each field is called on screen and in exported headers. */
export const importFieldLabels: Record<ImportField, Message> = {
  fullName: { ru: 'ФИО', en: 'Full name' },
  birthDate: { ru: 'Дата рождения', en: 'Birth date' },
  phone: { ru: 'Телефон', en: 'Phone' },
  notes: { ru: 'Примечания', en: 'Notes' },
  detainedAt: { ru: 'Задержан (дата и время)', en: 'Detained at' },
  detentionNote: { ru: 'Обстоятельства задержания', en: 'Detention note' },
  draftDecisionDate: { ru: 'Дата решения о призыве', en: 'Draft decision date' },
  draftDecisionBy: { ru: 'Уровень призывной комиссии', en: 'Decision by (commission level)' },
  draftCommission: { ru: 'Призывная комиссия', en: 'Draft commission' },
  noticeKind: { ru: 'Вид повестки', en: 'Notice kind' },
  noticeDate: { ru: 'Дата повестки', en: 'Notice date' },
  noticeAppearanceDate: { ru: 'Дата явки по повестке', en: 'Appearance date' },
  medicalCategory: { ru: 'Категория годности', en: 'Medical category' },
  appealFiledDate: { ru: 'Дата подачи иска', en: 'Appeal filed date' },
  appealCaseNumber: { ru: 'Номер дела в суде', en: 'Court case number' },
  appealStatus: { ru: 'Состояние иска', en: 'Appeal status' },
};

/**
 * Header texts each field is recognised by, besides its own labels: what Russian groups actually
 * write over their columns. Compared after `normaliseHeader`.
 */
const headerSynonyms: Record<ImportField, readonly string[]> = {
  fullName: [
    'фио',
    'ф и о',
    'фамилия имя отчество',
    'имя',
    'призывник',
    'заявитель',
    'клиент',
    'name',
    'full name',
  ],
  birthDate: ['дата рождения', 'д р', 'др', 'родился', 'birth date', 'date of birth', 'dob'],
  phone: ['телефон', 'тел', 'номер телефона', 'мобильный', 'контакт', 'phone', 'phone number'],
  notes: ['примечание', 'примечания', 'комментарий', 'комментарии', 'заметки', 'notes', 'comment'],
  detainedAt: [
    'задержан',
    'дата задержания',
    'время задержания',
    'когда задержан',
    'задержание',
    'detained',
    'detention',
    'detained at',
  ],
  detentionNote: [
    'обстоятельства задержания',
    'место задержания',
    'где задержан',
    'detention note',
    'detention place',
  ],
  draftDecisionDate: [
    'дата решения',
    'решение о призыве',
    'дата решения о призыве',
    'решение призывной комиссии',
    'draft decision',
    'decision date',
  ],
  draftDecisionBy: ['уровень комиссии', 'чья комиссия', 'decision by', 'commission level'],
  draftCommission: ['призывная комиссия', 'комиссия', 'военкомат', 'commission'],
  noticeKind: ['вид повестки', 'тип повестки', 'повестка', 'notice', 'notice type'],
  noticeDate: [
    'дата повестки',
    'дата вручения повестки',
    'повестка вручена',
    'повестка получена',
    'notice received',
  ],
  noticeAppearanceDate: ['дата явки', 'явка', 'явиться', 'appearance', 'appearance date'],
  medicalCategory: ['категория', 'годность', 'категория годности', 'fitness category', 'category'],
  appealFiledDate: [
    'иск подан',
    'дата иска',
    'дата подачи',
    'дата подачи жалобы',
    'appeal filed',
    'filed',
  ],
  appealCaseNumber: ['номер дела', 'номер дела в суде', '№ дела', 'case number', 'court case'],
  appealStatus: ['состояние иска', 'статус иска', 'результат иска', 'решение суда'],
};

/** Lower case, ё as е, and punctuation as spaces: "Ф.И.О." and "ф и о" are the same header. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const namesByField = new Map<ImportField, string[]>(
  importFields.map((field) => [
    field,
    [
      ...new Set(
        [importFieldLabels[field].ru, importFieldLabels[field].en, ...headerSynonyms[field]].map(
          normaliseHeader,
        ),
      ),
    ],
  ]),
);

/**
 * How well a header names a field: 2 for an exact name, 1 when the header contains one of its
 * names as whole words, 0 otherwise. Longer names win ties, so "дата рождения" beats "дата".
 */
function headerScore(header: string, field: ImportField): { score: number; length: number } {
  const normalised = normaliseHeader(header);
  let best = { score: 0, length: 0 };
  if (normalised === '') return best;
  for (const name of namesByField.get(field) ?? []) {
    const score =
      normalised === name ? 2 : ` ${normalised} `.includes(` ${name} `) && name.length > 2 ? 1 : 0;
    if (score > best.score || (score === best.score && score > 0 && name.length > best.length))
      best = { score, length: name.length };
  }
  return best;
}

/** For each column, the field it fills, or null when it is left out. Aligned with the headers. */
export type ColumnMapping = readonly (ImportField | null)[];

/**
 * The mapping a person most likely means, from the header texts alone: exact names first, then
 * headers that contain a field's name; each field goes to one column at most.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { column: number; field: ImportField; score: number; length: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of importFields) {
      const { score, length } = headerScore(header, field);
      if (score > 0) candidates.push({ column, field, score, length });
    }
  });
  candidates.sort((a, b) => b.score - a.score || b.length - a.length || a.column - b.column);
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const taken = new Set<ImportField>();
  for (const candidate of candidates) {
    if (taken.has(candidate.field) || mapping[candidate.column] !== null) continue;
    mapping[candidate.column] = candidate.field;
    taken.add(candidate.field);
  }
  return mapping;
}

/** A field whose values mean nothing without another one beside it. */
const needs: Partial<Record<ImportField, ImportField>> = {
  detentionNote: 'detainedAt',
  draftDecisionBy: 'draftDecisionDate',
  draftCommission: 'draftDecisionDate',
  noticeDate: 'noticeKind',
  noticeAppearanceDate: 'noticeKind',
  appealCaseNumber: 'appealFiledDate',
  appealStatus: 'appealFiledDate',
};

export function fieldNeeds(field: ImportField): ImportField | undefined {
  return needs[field];
}

export type MappingProblem = { column: number | null; message: Message };

/**
 * What makes a mapping unusable before any row is read: no column for the name, a field taken
 * by two columns, a column beyond the sheet, or a field without the one it depends on.
 */
export function mappingProblems(mapping: ColumnMapping, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length > columnCount) {
    problems.push({
      column: columnCount,
      message: {
        ru: `В таблице ${columnCount} столбцов, а сопоставление задано для ${mapping.length}.`,
        en: `The sheet has ${columnCount} columns, but the mapping covers ${mapping.length}.`,
      },
    });
  }
  const firstColumn = new Map<ImportField, number>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    if (firstColumn.has(field)) {
      const label = importFieldLabels[field];
      problems.push({
        column,
        message: {
          ru: `Поле «${label.ru}» выбрано для двух столбцов: оставьте один.`,
          en: `“${label.en}” is chosen for two columns: keep one.`,
        },
      });
      return;
    }
    firstColumn.set(field, column);
  });
  if (!firstColumn.has('fullName')) {
    problems.push({
      column: null,
      message: {
        ru: 'Выберите столбец с ФИО: без имени дело не открыть.',
        en: 'Choose the column with the full name: a case cannot be opened without one.',
      },
    });
  }
  for (const [field, column] of firstColumn) {
    const needed = needs[field];
    if (needed === undefined || firstColumn.has(needed)) continue;
    problems.push({
      column,
      message: {
        ru: `Поле «${importFieldLabels[field].ru}» читается только вместе с полем «${importFieldLabels[needed].ru}»: выберите и его столбец.`,
        en: `“${importFieldLabels[field].en}” is read only together with “${importFieldLabels[needed].en}”: choose its column too.`,
      },
    });
  }
  return problems;
}
