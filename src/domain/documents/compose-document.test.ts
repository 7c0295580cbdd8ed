import { describe, expect, it } from 'vitest';
import { composeDocument, composedText } from './compose-document.ts';
import type { DeclineName } from './document-field.ts';
import { checkDocumentTemplate, type DocumentTemplate } from './document-template.ts';

/** Marks the case asked for, so a test sees where the template declined a name. */
const decline: DeclineName = (name, grammaticalCase) => `${name} (${grammaticalCase})`;

function template(): DocumentTemplate {
  const checked = checkDocumentTemplate({
    kind: 'lawyer-access-complaint',
    version: 1,
    title: { ru: 'Жалоба', en: 'Complaint' },
    purpose: { ru: 'Для проверки', en: 'For a test' },
    requires: ['applicant.fullName', 'refusal.date', 'grounds', 'document.date'],
    optional: ['refusal.time'],
    blocks: [
      { type: 'addressee', lines: ['от {{applicant.fullName|genitive}}'] },
      { type: 'heading', text: 'ЖАЛОБА' },
      { type: 'paragraph', text: 'Отказано в допуске {{refusal.date}}.' },
      { type: 'paragraph', if: 'refusal.time', text: 'Около {{refusal.time}}.' },
      { type: 'grounds' },
      { type: 'numbered', intro: 'ПРОШУ:', items: ['Проверить "отказ" - срочно.'] },
      { type: 'signature', lines: ['{{document.date}}'] },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.template;
}

describe('composing a document', () => {
  it('names every missing and malformed field before composing anything', () => {
    const result = composeDocument(
      template(),
      { 'applicant.fullName': '  ', 'refusal.time': '25:99', 'document.date': '18.10.2025' },
      decline,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'applicant.fullName',
      'refusal.date',
      'grounds',
      'document.date',
      'refusal.time',
    ]);
    expect(result.problems[1]?.message.ru).toBe('Не заполнено: «Дата недопуска представителя».');
  });

  it('fills every placeholder: Russian dates, declined names, typography, grounds as paragraphs', () => {
    const result = composeDocument(
      template(),
      {
        'applicant.fullName': 'Примеров Иван Сергеевич',
        'refusal.date': '2025-10-17',
        grounds: 'Первое основание - ст. 48.\n\nВторое "основание".',
        'document.date': '2025-10-18',
      },
      decline,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = composedText(result.document);
    expect(text).not.toMatch(/\{\{|\}\}/u);
    expect(text).toContain('от Примеров Иван Сергеевич (genitive)');
    expect(text).toContain('Отказано в допуске 17 октября 2025 г.\n');
    expect(text).not.toContain('г..');
    expect(text).not.toContain('Около');
    expect(text).toContain('Первое основание\u00a0— ст. 48.\n\nВторое «основание».');
    expect(text).toContain('18 октября 2025 г.');
    expect(result.document.blocks.filter((block) => block.type === 'paragraph')).toHaveLength(3);
  });

  it('keeps the part under a condition when its field has a value', () => {
    const result = composeDocument(
      template(),
      {
        'applicant.fullName': 'Примеров Иван Сергеевич',
        'refusal.date': '2025-10-17',
        'refusal.time': '14:00',
        grounds: 'Основание.',
        'document.date': '2025-10-18',
      },
      decline,
    );
    expect(result.ok && composedText(result.document)).toContain('Около 14:00.');
  });
});
