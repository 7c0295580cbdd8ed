import { describe, expect, it } from 'vitest';
import { checkDocumentTemplate } from './document-template.ts';

const valid = {
  kind: 'lawyer-access-complaint',
  version: 9,
  title: { ru: 'Жалоба', en: 'Complaint' },
  purpose: { ru: 'Для проверки', en: 'For a test' },
  requires: ['applicant.fullName', 'document.date'],
  optional: ['court.caseNumber'],
  cites: ['PRO-01/lawyer-refused'],
  blocks: [
    { type: 'heading', text: 'ЖАЛОБА' },
    {
      type: 'paragraph',
      text: 'Я, {{applicant.fullName}}, в интересах {{applicant.fullName|genitive}}.',
    },
    { type: 'paragraph', if: 'court.caseNumber', text: 'Дело № {{court.caseNumber}}.' },
    { type: 'signature', lines: ['{{document.date}}'] },
  ],
};

function refusedFields(json: unknown): string[] {
  const checked = checkDocumentTemplate(json);
  return checked.ok ? [] : checked.problems.map((problem) => problem.field);
}

describe('checking a template', () => {
  it('accepts a template whose every field is known and declared', () => {
    expect(checkDocumentTemplate(valid).ok).toBe(true);
  });

  it('refuses a placeholder naming an unknown field, and names it', () => {
    const json = {
      ...valid,
      blocks: [...valid.blocks, { type: 'paragraph', text: 'Паспорт {{applicant.passport}}.' }],
    };
    const checked = checkDocumentTemplate(json);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => problem.field)).toEqual(['applicant.passport']);
    expect(checked.problems[0]?.message.ru).toContain('«applicant.passport»');
  });

  it('refuses unknown fields in the lists and in conditions', () => {
    expect(
      refusedFields({ ...valid, requires: [...valid.requires, 'applicant.shoeSize'] }),
    ).toEqual(['applicant.shoeSize']);
    expect(
      refusedFields({
        ...valid,
        blocks: [...valid.blocks, { type: 'paragraph', if: 'court.judge', text: 'Судья.' }],
      }),
    ).toEqual(['court.judge']);
  });

  it('refuses a field used but not declared', () => {
    expect(
      refusedFields({
        ...valid,
        blocks: [...valid.blocks, { type: 'paragraph', text: '{{centre.name}}' }],
      }),
    ).toEqual(['centre.name']);
  });

  it('refuses an optional field outside a condition on it, which could leave a gap', () => {
    expect(
      refusedFields({
        ...valid,
        blocks: [...valid.blocks, { type: 'paragraph', text: 'Дело № {{court.caseNumber}}.' }],
      }),
    ).toEqual(['court.caseNumber']);
  });

  it('declines only names, into known cases', () => {
    expect(
      refusedFields({
        ...valid,
        blocks: [...valid.blocks, { type: 'paragraph', text: '{{document.date|genitive}}' }],
      }),
    ).toEqual(['document.date']);
    expect(
      refusedFields({
        ...valid,
        blocks: [...valid.blocks, { type: 'paragraph', text: '{{applicant.fullName|vocative}}' }],
      }),
    ).toEqual(['applicant.fullName']);
  });

  it('refuses a kind it does not know', () => {
    expect(refusedFields({ ...valid, kind: 'love-letter' })).toEqual(['kind']);
  });
});
