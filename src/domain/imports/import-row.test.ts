import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-readings.ts';
import type { ColumnMapping, ImportField } from './import-fields.ts';
import { describeRowProblem } from './import-problems.ts';
import { readImportRow, readMedicalCategory } from './import-row.ts';

const now = new Date('2026-11-20T09:00:00Z');
let ids = 0;
const context = { now, offsetMinutes: 180, newId: () => `appeal-${++ids}` };

/** A row given as field → cell, laid out in the order the fields are named. */
function rowOf(cells: Partial<Record<ImportField, CellValue>>, line = 7) {
  const fields = Object.keys(cells) as ImportField[];
  const mapping: ColumnMapping = fields;
  return readImportRow(
    { line, cells: fields.map((field) => cells[field] ?? null) },
    mapping,
    context,
  );
}

function problemsOf(cells: Partial<Record<ImportField, CellValue>>) {
  const reading = rowOf(cells);
  if (reading.kind !== 'invalid') throw new Error(`expected problems, got ${reading.kind}`);
  return reading.problems.map((problem) => ({ field: problem.field, en: problem.message.en }));
}

describe('reading an import row', () => {
  it('opens a case for a person with his detention and draft matter', () => {
    const reading = rowOf({
      fullName: 'Иванов Пётр Сергеевич',
      birthDate: '12.05.2006',
      phone: 79161234567,
      notes: 'Мать на связи',
      detainedAt: '18.11.2026 09:40',
      detentionNote: 'Станция Тверская, выход к Пушкинской',
      draftDecisionDate: '2026-10-15',
      draftCommission: 'Призывная комиссия Тверского района',
      noticeKind: 'электронная',
      noticeDate: '01.10.2026',
      noticeAppearanceDate: '15.10.2026',
      medicalCategory: 'Б-3',
      appealFiledDate: '20.10.2026',
      appealCaseNumber: '2а-1234/2026',
    });
    expect(reading).toEqual({
      kind: 'case',
      imported: {
        line: 7,
        person: {
          fullName: 'Иванов Пётр Сергеевич',
          birthDate: '2006-05-12',
          phone: '79161234567',
          notes: 'Мать на связи',
        },
        detention: {
          occurredAt: new Date('2026-11-18T06:40:00Z'),
          note: 'Станция Тверская, выход к Пушкинской',
        },
        draftMatter: {
          draftDecision: {
            by: 'municipal',
            madeOn: '2026-10-15',
            commission: 'Призывная комиссия Тверского района',
          },
          notice: {
            kind: 'electronic',
            postedToRegister: '2026-10-01',
            appearanceDate: '2026-10-15',
          },
          medicalCategory: 'B',
          deferments: [],
          appeals: [
            {
              id: expect.stringMatching(/^appeal-/),
              level: 'court',
              against: 'municipal',
              filedDate: '2026-10-20',
              caseNumber: '2а-1234/2026',
              status: 'pending',
            },
          ],
        },
      },
    });
  });

  it('takes the date of a paper notice as the day he signed for it', () => {
    const reading = rowOf({ fullName: 'Петров', noticeKind: 'Бумажная', noticeDate: '01.10.2026' });
    expect(reading.kind === 'case' && reading.imported.draftMatter?.notice).toEqual({
      kind: 'paper',
      signedFor: '2026-10-01',
    });
  });

  it('opens a case with no draft matter when the row says nothing about the draft', () => {
    const reading = rowOf({ fullName: 'Петров', birthDate: null });
    expect(reading.kind === 'case' && reading.imported).toMatchObject({
      detention: null,
      draftMatter: null,
    });
  });

  it('skips a row whose mapped cells are all empty', () => {
    expect(rowOf({ fullName: '  ', birthDate: null })).toEqual({ kind: 'blank' });
  });

  it('reports every bad field of a row with its line and column, in both languages', () => {
    const reading = rowOf(
      { fullName: 'Сидоров', birthDate: '31.02.2006', phone: 'нет', medicalCategory: 'Ж' },
      12,
    );
    expect(reading.kind).toBe('invalid');
    if (reading.kind !== 'invalid') return;
    const headers = ['ФИО', 'Дата рождения', 'Телефон', 'Категория'];
    expect(reading.problems.map((problem) => describeRowProblem(problem, headers, 'ru'))).toEqual([
      'Строка 12, столбец B «Дата рождения»: Такого дня нет в календаре.',
      'Строка 12, столбец C «Телефон»: Не похоже на телефон: только цифры, +, скобки, дефисы и пробелы.',
      'Строка 12, столбец D «Категория»: Категория годности пишется буквой А, Б, В, Г или Д (можно с цифрой: Б-3).',
    ]);
    expect(describeRowProblem(reading.problems[0] ?? fail(), headers, 'en')).toBe(
      'Line 12, column B «Дата рождения»: There is no such day in the calendar.',
    );
  });

  it('needs a name', () => {
    expect(problemsOf({ fullName: null, phone: '+7 916 000-00-00' })).toEqual([
      { field: 'fullName', en: 'The full name is empty: a case cannot be opened without one.' },
    ]);
  });

  it('needs the notice kind to know what a notice date means', () => {
    expect(problemsOf({ fullName: 'Петров', noticeKind: null, noticeDate: '01.10.2026' })).toEqual([
      {
        field: 'noticeKind',
        en: 'The notice kind (paper or electronic) is needed: the date means different things.',
      },
    ]);
  });

  it('does not ask again for a value it could not read', () => {
    expect(
      problemsOf({ fullName: 'Петров', appealFiledDate: 'скоро', appealCaseNumber: '2а-1/2026' }),
    ).toEqual([
      { field: 'appealFiledDate', en: 'Not a date: write it as 14.03.2006 or 2006-03-14.' },
    ]);
  });

  it('refuses what cannot be true: dates in the future, an appeal before the decision', () => {
    expect(
      problemsOf({
        fullName: 'Петров',
        birthDate: '01.01.2027',
        detainedAt: '21.11.2026 10:00',
        draftDecisionDate: '15.10.2026',
        appealFiledDate: '01.10.2026',
      }),
    ).toEqual([
      { field: 'birthDate', en: 'The birth date cannot be in the future.' },
      { field: 'appealFiledDate', en: 'The appeal cannot be filed before the decision was made.' },
      {
        field: 'detainedAt',
        en: 'This event cannot have happened yet: the time is in the future.',
      },
    ]);
  });

  it('refuses a detention before the birth', () => {
    expect(
      problemsOf({ fullName: 'Петров', birthDate: '01.01.2006', detainedAt: '31.12.2005 10:00' }),
    ).toEqual([{ field: 'detainedAt', en: 'The detention cannot be before the birth date.' }]);
  });

  it('refuses an appeal filed before the decision', () => {
    expect(
      problemsOf({
        fullName: 'Петров',
        draftDecisionDate: '15.10.2026',
        appealFiledDate: '14.10.2026',
      }).map((problem) => problem.field),
    ).toEqual(['appealFiledDate']);
  });
});

describe('medical categories', () => {
  it.each([
    ['А', 'A'],
    ['б', 'B'],
    ['Б3', 'B'],
    ['Б-4', 'B'],
    ['В', 'V'],
    ['категория Г', 'G'],
    ['Д', 'D'],
    ['V', 'V'],
  ])('reads %j as %s', (text, category) => {
    expect(readMedicalCategory(text)).toEqual({ ok: true, value: category });
  });

  it('refuses a Latin B, which may be a Cyrillic В', () => {
    const reading = readMedicalCategory('B');
    expect(reading.ok).toBe(false);
  });
});

function fail(): never {
  throw new Error('missing');
}
