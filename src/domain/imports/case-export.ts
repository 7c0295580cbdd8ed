import type { CaseFile } from '../cases/case-file.ts';
import type { DraftMatter } from '../cases/draft-matter.ts';
import type { Person } from '../persons/person.ts';
import type { CalendarDate } from '../rules/calendar-date.ts';
import { inTimelineOrder, type TimelineEvent } from '../timeline/timeline-event.ts';
import type { Message } from './cell-readings.ts';
import { neutraliseFormula } from './formula-guard.ts';
import { type ImportField, importFieldLabels, importFields } from './import-fields.ts';

/** A cell of an exported sheet: text (already safe to open), a calendar date or a wall-clock time. */
export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: CalendarDate }
  /** `YYYY-MM-DDTHH:MM` as the clock showed it at the export's offset. */
  | { kind: 'date-time'; wallClock: string }
  | null;

export type ExportTable = { sheetName: string; headers: string[]; rows: ExportCell[][] };

/** A case opened for export, with everything the sheet shows of it. */
export type ExportedCase = {
  caseFile: CaseFile;
  persons: Person[];
  timeline: TimelineEvent[];
  draftMatter: DraftMatter;
};

type Language = keyof Message;

const frameHeaders: Record<'caseId' | 'status' | 'openedAt', Message> = {
  caseId: { ru: 'ID в Habeas', en: 'Habeas id' },
  status: { ru: 'Статус', en: 'Status' },
  openedAt: { ru: 'Открыто', en: 'Opened' },
};

const words = {
  open: { ru: 'открыто', en: 'open' },
  closed: { ru: 'закрыто', en: 'closed' },
  deleted: { ru: 'удалено', en: 'deleted' },
  municipal: { ru: 'муниципальная', en: 'municipal' },
  regional: { ru: 'региональная', en: 'regional' },
  paper: { ru: 'бумажная', en: 'paper' },
  electronic: { ru: 'электронная', en: 'electronic' },
  pending: { ru: 'на рассмотрении', en: 'pending' },
  granted: { ru: 'удовлетворён', en: 'granted' },
  refused: { ru: 'отказано', en: 'refused' },
  withdrawn: { ru: 'отозван', en: 'withdrawn' },
} satisfies Record<string, Message>;

/** The categories are Russian letters in both languages: a Latin "B" would read back as Б or В. */
const categoryLetters = { A: 'А', B: 'Б', V: 'В', G: 'Г', D: 'Д' } as const;

function text(value: string | null | undefined): ExportCell {
  return value === null || value === undefined || value === ''
    ? null
    : { kind: 'text', text: neutraliseFormula(value) };
}

function date(value: CalendarDate | null | undefined): ExportCell {
  return value === null || value === undefined ? null : { kind: 'date', date: value };
}

function wallClockAt(instant: Date, offsetMinutes: number): ExportCell {
  return {
    kind: 'date-time',
    wallClock: new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16),
  };
}

/** The appeal a list shows: a pending one first, else the latest filed, as the rules weigh it. */
function shownAppeal(matter: DraftMatter) {
  const byFiling = [...matter.appeals].sort((a, b) => b.filedDate.localeCompare(a.filedDate));
  return byFiling.find((appeal) => appeal.status === 'pending') ?? byFiling[0];
}

function matterCells(
  matter: DraftMatter,
  timeline: readonly TimelineEvent[],
  language: Language,
  offsetMinutes: number,
): Partial<Record<ImportField, ExportCell>> {
  const detention = inTimelineOrder(timeline).find((event) => event.kind === 'detained');
  const { draftDecision, notice, medicalCategory } = matter;
  const appeal = shownAppeal(matter);
  return {
    detainedAt: detention === undefined ? null : wallClockAt(detention.occurredAt, offsetMinutes),
    detentionNote: text(detention?.note),
    draftDecisionDate: date(draftDecision?.madeOn),
    draftDecisionBy: draftDecision ? text(words[draftDecision.by][language]) : null,
    draftCommission: text(draftDecision?.commission),
    noticeKind: notice ? text(words[notice.kind][language]) : null,
    noticeDate: date(notice?.kind === 'paper' ? notice.signedFor : notice?.postedToRegister),
    noticeAppearanceDate: date(notice?.appearanceDate),
    medicalCategory: medicalCategory ? text(categoryLetters[medicalCategory]) : null,
    appealFiledDate: date(appeal?.filedDate),
    appealCaseNumber: text(appeal?.caseNumber),
    appealStatus: appeal ? text(words[appeal.status][language]) : null,
  };
}

/**
 * The sheet of an export: one row per person (a case without persons still gets its row), the
 * case's own columns first, then the columns an import reads, under the same headers, so an
 * exported list can be imported elsewhere. Every text goes through `neutraliseFormula`.
 */
export function caseExportTable(
  cases: readonly ExportedCase[],
  language: Language,
  offsetMinutes: number,
): ExportTable {
  const headers = [
    frameHeaders.caseId[language],
    frameHeaders.status[language],
    frameHeaders.openedAt[language],
    ...importFields.map((field) => importFieldLabels[field][language]),
  ];
  const rows: ExportCell[][] = [];
  for (const { caseFile, persons, timeline, draftMatter } of cases) {
    const frame: ExportCell[] = [
      { kind: 'text', text: caseFile.id },
      text(words[caseFile.status][language]),
      wallClockAt(caseFile.createdAt, offsetMinutes),
    ];
    const matter = matterCells(draftMatter, timeline, language, offsetMinutes);
    const people: (Person | null)[] = persons.length === 0 ? [null] : persons;
    for (const person of people) {
      const personCells: Partial<Record<ImportField, ExportCell>> = {
        fullName: text(person?.fullName),
        birthDate: date(person?.birthDate),
        phone: text(person?.phone),
        notes: text(person?.notes),
      };
      rows.push([
        ...frame,
        ...importFields.map((field) => personCells[field] ?? matter[field] ?? null),
      ]);
    }
  }
  return { sheetName: language === 'ru' ? 'Дела' : 'Cases', headers, rows };
}
