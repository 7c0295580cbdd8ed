import { describe, expect, it } from 'vitest';
import { caseExportTable } from './case-export.ts';
import { mappingProblems, suggestMapping } from './import-fields.ts';

describe('suggesting a column mapping', () => {
  it('recognises the headers Russian groups write, whatever their punctuation and case', () => {
    expect(
      suggestMapping([
        '№',
        'Ф.И.О.',
        'Дата рождения',
        'Тел.',
        'Когда задержан',
        'Категория годности',
        'Номер дела',
        'Комментарий',
      ]),
    ).toEqual([
      null,
      'fullName',
      'birthDate',
      'phone',
      'detainedAt',
      'medicalCategory',
      'appealCaseNumber',
      'notes',
    ]);
  });

  it('gives each field to one column at most, preferring the exact header', () => {
    expect(suggestMapping(['Примечание к задержанию', 'Примечания', 'Имя'])).toEqual([
      null,
      'notes',
      'fullName',
    ]);
  });

  it('leaves unknown and empty headers out', () => {
    expect(suggestMapping(['', 'Размер обуви'])).toEqual([null, null]);
  });

  it.each(['ru', 'en'] as const)('maps every column of its own %s export back', (language) => {
    const { headers } = caseExportTable([], language, 180);
    const mapping = suggestMapping(headers);
    expect(mapping.slice(0, 3)).toEqual([null, null, null]);
    expect(mapping.slice(3)).toEqual([
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
    ]);
  });
});

describe('mapping problems', () => {
  const messages = (mapping: Parameters<typeof mappingProblems>[0], columns = mapping.length) =>
    mappingProblems(mapping, columns).map((problem) => problem.message.en);

  it('accepts a mapping with a name column', () => {
    expect(messages(['fullName', null, 'birthDate'])).toEqual([]);
  });

  it('needs a column for the full name', () => {
    expect(messages([null, 'birthDate'])).toEqual([
      'Choose the column with the full name: a case cannot be opened without one.',
    ]);
  });

  it('refuses a field chosen for two columns, naming the second', () => {
    expect(mappingProblems(['fullName', 'phone', 'phone'], 3)).toEqual([
      {
        column: 2,
        message: {
          ru: 'Поле «Телефон» выбрано для двух столбцов: оставьте один.',
          en: '“Phone” is chosen for two columns: keep one.',
        },
      },
    ]);
  });

  it('refuses a notice date without the notice kind beside it', () => {
    expect(messages(['fullName', 'noticeDate'])).toEqual([
      '“Notice date” is read only together with “Notice kind”: choose its column too.',
    ]);
  });

  it('refuses a mapping for more columns than the sheet has', () => {
    expect(messages(['fullName', null, null], 2)).toHaveLength(1);
  });
});
