import {
  type CourtAppeal,
  type DraftMatter,
  draftMatter,
  draftMatterProblems,
  type medicalCategories,
} from '../cases/draft-matter.ts';
import { type CalendarDate, compareDates } from '../rules/calendar-date.ts';
import { timelineEventProblems } from '../timeline/event-problems.ts';
import {
  type CellValue,
  type Message,
  type Reading,
  readCalendarDate,
  readChoice,
  readDateTime,
  readPhone,
  readText,
} from './cell-readings.ts';
import type { ColumnMapping, ImportField } from './import-fields.ts';

/** One row of a sheet: its line number as the spreadsheet shows it, and its cells. */
export type SheetRow = { line: number; cells: readonly CellValue[] };

/** What one valid row opens: a case for a person, with what is known of his draft. */
export type ImportedCase = {
  line: number;
  person: {
    fullName: string;
    birthDate: CalendarDate | null;
    phone: string | null;
    notes: string | null;
  };
  /** Becomes a `detained` event on the new case's timeline. */
  detention: { occurredAt: Date; note: string | null } | null;
  /** Null when the row says nothing about the draft. */
  draftMatter: DraftMatter | null;
};

/** Why a row cannot be imported: its line, the column (when one is to blame) and the reason. */
export type RowProblem = {
  line: number;
  column: number | null;
  field: ImportField | null;
  message: Message;
};

export type RowReading =
  | { kind: 'case'; imported: ImportedCase }
  | { kind: 'blank' }
  | { kind: 'invalid'; problems: RowProblem[] };

export type RowContext = {
  now: Date;
  /** Minutes east of UTC at which times without an offset were written. */
  offsetMinutes: number;
  /** Names a court appeal found in the row. */
  newId: () => string;
};

const levelSpellings = {
  муниципальная: 'municipal',
  муниципальный: 'municipal',
  районная: 'municipal',
  городская: 'municipal',
  municipal: 'municipal',
  local: 'municipal',
  региональная: 'regional',
  региональный: 'regional',
  субъекта: 'regional',
  'субъекта рф': 'regional',
  областная: 'regional',
  regional: 'regional',
} as const;

const noticeKindSpellings = {
  бумажная: 'paper',
  бумага: 'paper',
  'на бумаге': 'paper',
  'под расписку': 'paper',
  paper: 'paper',
  электронная: 'electronic',
  цифровая: 'electronic',
  госуслуги: 'electronic',
  реестр: 'electronic',
  electronic: 'electronic',
  digital: 'electronic',
} as const;

const appealStatusSpellings = {
  подан: 'pending',
  подано: 'pending',
  'на рассмотрении': 'pending',
  рассматривается: 'pending',
  pending: 'pending',
  удовлетворен: 'granted',
  удовлетворено: 'granted',
  выигран: 'granted',
  granted: 'granted',
  отказ: 'refused',
  отказано: 'refused',
  'в удовлетворении отказано': 'refused',
  проигран: 'refused',
  refused: 'refused',
  отозван: 'withdrawn',
  отозвано: 'withdrawn',
  withdrawn: 'withdrawn',
} as const;

/** Cyrillic letters of the categories and their transliteration, as the draft matter keeps it. */
const categoryLetters: Record<string, (typeof medicalCategories)[number]> = {
  а: 'A',
  б: 'B',
  в: 'V',
  г: 'G',
  д: 'D',
  a: 'A',
  v: 'V',
  g: 'G',
  d: 'D',
};

/**
 * A fitness category: А, Б, В, Г or Д, with or without its sub-category («Б-3», «Б3»). A Latin
 * "B" is refused: it looks like the Cyrillic «В» (category V) and transliterates «Б».
 */
export function readMedicalCategory(
  cell: CellValue,
): Reading<(typeof medicalCategories)[number] | null> {
  const text = readText(cell, 40);
  if (!text.ok || text.value === null) return text.ok ? { ok: true, value: null } : text;
  const compact = text.value
    .toLowerCase()
    .replace(/^категория\s+/u, '')
    .replace(/[\s-]/g, '');
  const match = /^(\p{L})\d?$/u.exec(compact);
  if (match?.[1] === 'b') {
    return {
      ok: false,
      problem: {
        ru: 'Латинская «B» неоднозначна: она похожа на русскую «В». Напишите категорию по-русски: Б или В.',
        en: 'A Latin "B" is ambiguous: it looks like the Cyrillic «В». Write the category in Cyrillic: Б or В.',
      },
    };
  }
  const category = match?.[1] === undefined ? undefined : categoryLetters[match[1]];
  return category === undefined
    ? {
        ok: false,
        problem: {
          ru: 'Категория годности пишется буквой А, Б, В, Г или Д (можно с цифрой: Б-3).',
          en: 'The medical category is one of the letters А, Б, В, Г, Д (a sub-category may follow: Б-3).',
        },
      }
    : { ok: true, value: category };
}

/** The calendar date at an offset from UTC: the day the person importing lives in. */
function localDate(instant: Date, offsetMinutes: number): CalendarDate {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Which column supplied a draft-matter field the domain checks refer to by path. */
function fieldOfMatterPath(path: readonly (string | number)[]): ImportField | null {
  const [part, , inner] = path;
  if (part === 'draftDecision') return 'draftDecisionDate';
  if (part === 'appeals') return inner === 'filedDate' ? 'appealFiledDate' : null;
  if (part === 'notice')
    return path[1] === 'appearanceDate' ? 'noticeAppearanceDate' : 'noticeDate';
  if (part === 'medicalCategory') return 'medicalCategory';
  return null;
}

/**
 * Reads one row into the case it would open, or says what is wrong with it, field by field: a
 * date that is no date, a category that does not exist, a notice date without its kind, dates
 * that cannot be true (in the future, a detention before the birth, an appeal before the
 * decision) by the same domain checks that guard the case page.
 */
export function readImportRow(
  row: SheetRow,
  mapping: ColumnMapping,
  context: RowContext,
): RowReading {
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((field, column) => {
    if (field !== null && !columnOf.has(field)) columnOf.set(field, column);
  });
  const cellOf = (field: ImportField): CellValue => {
    const column = columnOf.get(field);
    return column === undefined ? null : (row.cells[column] ?? null);
  };
  const blank = [...columnOf.values()].every((column) => {
    const cell = row.cells[column] ?? null;
    return cell === null || (typeof cell === 'string' && cell.trim() === '');
  });
  if (blank) return { kind: 'blank' };

  const problems: RowProblem[] = [];
  const report = (field: ImportField | null, message: Message) =>
    problems.push({
      line: row.line,
      column: field === null ? null : (columnOf.get(field) ?? null),
      field,
      message,
    });
  function take<T>(field: ImportField, reading: Reading<T>): T | null {
    if (reading.ok) return reading.value;
    report(field, reading.problem);
    return null;
  }
  const textOf = (field: ImportField, maxLength: number) =>
    take(field, readText(cellOf(field), maxLength));
  const dateOf = (field: ImportField) => take(field, readCalendarDate(cellOf(field)));

  const fullName = textOf('fullName', 200);
  if (fullName === null && problems.length === 0) {
    report('fullName', {
      ru: 'ФИО не заполнено: без имени дело не открыть.',
      en: 'The full name is empty: a case cannot be opened without one.',
    });
  }
  const birthDate = dateOf('birthDate');
  const phone = take('phone', readPhone(cellOf('phone')));
  const notes = textOf('notes', 10_000);
  const detainedAt = take('detainedAt', readDateTime(cellOf('detainedAt'), context.offsetMinutes));
  const detentionNote = textOf('detentionNote', 10_000);
  const decisionDate = dateOf('draftDecisionDate');
  const decisionBy = take(
    'draftDecisionBy',
    readChoice(cellOf('draftDecisionBy'), levelSpellings, {
      ru: 'Уровень комиссии: «муниципальная» или «региональная».',
      en: 'Commission level: "municipal" or "regional".',
    }),
  );
  const commission = textOf('draftCommission', 300);
  const noticeKind = take(
    'noticeKind',
    readChoice(cellOf('noticeKind'), noticeKindSpellings, {
      ru: 'Вид повестки: «бумажная» или «электронная».',
      en: 'Notice kind: "paper" or "electronic".',
    }),
  );
  const noticeDate = dateOf('noticeDate');
  const appearanceDate = dateOf('noticeAppearanceDate');
  const category = take('medicalCategory', readMedicalCategory(cellOf('medicalCategory')));
  const appealFiled = dateOf('appealFiledDate');
  const caseNumber = textOf('appealCaseNumber', 300);
  const appealStatus = take(
    'appealStatus',
    readChoice(cellOf('appealStatus'), appealStatusSpellings, {
      ru: 'Состояние иска: «на рассмотрении», «удовлетворён», «отказано» или «отозван».',
      en: 'Appeal status: "pending", "granted", "refused" or "withdrawn".',
    }),
  );

  /** A value that means nothing without another one, which the row left empty. */
  const needing = (needed: ImportField, given: boolean, present: boolean, message: Message) => {
    // An unreadable value was reported already; an empty one is what this reports.
    if (given && !present && !problems.some((problem) => problem.field === needed))
      report(needed, message);
  };
  needing('detainedAt', detentionNote !== null, detainedAt !== null, {
    ru: 'Нужна дата задержания: в строке есть обстоятельства задержания.',
    en: 'The detention date is needed: the row describes a detention.',
  });
  needing('draftDecisionDate', (decisionBy ?? commission) !== null, decisionDate !== null, {
    ru: 'Нужна дата решения о призыве: в строке есть комиссия.',
    en: 'The draft decision date is needed: the row names the commission.',
  });
  needing('noticeKind', (noticeDate ?? appearanceDate) !== null, noticeKind !== null, {
    ru: 'Нужен вид повестки (бумажная или электронная): от него зависит, что значит дата.',
    en: 'The notice kind (paper or electronic) is needed: the date means different things.',
  });
  needing('appealFiledDate', (caseNumber ?? appealStatus) !== null, appealFiled !== null, {
    ru: 'Нужна дата подачи иска: в строке есть номер дела или его состояние.',
    en: 'The filing date is needed: the row has a case number or status.',
  });
  if (problems.length > 0) return { kind: 'invalid', problems };

  const asOf = localDate(context.now, context.offsetMinutes);
  const appeal: CourtAppeal | undefined =
    appealFiled === null
      ? undefined
      : {
          id: context.newId(),
          level: 'court',
          against: decisionBy ?? 'municipal',
          filedDate: appealFiled,
          ...(caseNumber === null ? {} : { caseNumber }),
          status: appealStatus ?? 'pending',
        };
  const matterGiven =
    decisionDate !== null || noticeKind !== null || category !== null || appeal !== undefined;
  const matter: DraftMatter | null = matterGiven
    ? draftMatter.parse({
        ...(decisionDate === null
          ? {}
          : {
              draftDecision: {
                // The municipal commission decides on conscription (53-FZ art. 28 para 1); the
                // regional one only reviews, so a list that does not say means the municipal.
                by: decisionBy ?? 'municipal',
                madeOn: decisionDate,
                ...(commission === null ? {} : { commission }),
              },
            }),
        ...(noticeKind === null
          ? {}
          : {
              notice: {
                kind: noticeKind,
                // A paper notice counts from the day he signed for it; an electronic one from
                // the day it was posted to the register (53-FZ art. 31, 127-FZ wording).
                ...(noticeDate === null
                  ? {}
                  : noticeKind === 'paper'
                    ? { signedFor: noticeDate }
                    : { postedToRegister: noticeDate }),
                ...(appearanceDate === null ? {} : { appearanceDate }),
              },
            }),
        ...(category === null ? {} : { medicalCategory: category }),
        appeals: appeal === undefined ? [] : [appeal],
      })
    : null;

  const bornInFuture = birthDate !== null && compareDates(birthDate, asOf) > 0;
  if (bornInFuture) {
    report('birthDate', {
      ru: 'Дата рождения не может быть в будущем.',
      en: 'The birth date cannot be in the future.',
    });
  }
  if (matter !== null) {
    for (const problem of draftMatterProblems(matter, asOf))
      report(fieldOfMatterPath(problem.path), problem.message);
  }
  if (detainedAt !== null) {
    const eventProblems = timelineEventProblems(
      { kind: 'detained', occurredAt: detainedAt, powerOfAttorney: null },
      { earlier: [], now: context.now, appealsFiledAt: [] },
    );
    for (const problem of eventProblems) report('detainedAt', problem.message);
    const detainedOn = localDate(detainedAt, context.offsetMinutes);
    if (birthDate !== null && !bornInFuture && compareDates(detainedOn, birthDate) < 0) {
      report('detainedAt', {
        ru: 'Задержание не может быть раньше рождения.',
        en: 'The detention cannot be before the birth date.',
      });
    }
  }
  if (problems.length > 0 || fullName === null) return { kind: 'invalid', problems };
  return {
    kind: 'case',
    imported: {
      line: row.line,
      person: { fullName, birthDate, phone, notes },
      detention: detainedAt === null ? null : { occurredAt: detainedAt, note: detentionNote },
      draftMatter: matter,
    },
  };
}
