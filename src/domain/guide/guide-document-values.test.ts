import { describe, expect, it } from 'vitest';
import { seedStoryRaw } from '../../../test/support/guide-fixtures.ts';
import { isDocumentFieldName } from '../documents/document-field.ts';
import { checkGuide } from './guide-answers.ts';
import { guideDocumentValues } from './guide-document-values.ts';

const now = new Date('2026-11-29T10:00:00Z');

function valuesOf(raw: Record<string, string>): Record<string, string> {
  const check = checkGuide(raw, now, 'end');
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return guideDocumentValues(check.answers);
}

describe('guideDocumentValues', () => {
  it('fills the document fields the seed story already answers', () => {
    expect(valuesOf(seedStoryRaw())).toEqual({
      'detention.date': '2026-11-29',
      'detention.time': '09:40',
      'detention.place': 'метро',
      'refusal.date': '2026-11-29',
      'refusal.time': '12:00',
      'decision.date': '2026-07-01',
      'decision.learnedOn': '2026-07-03',
      'appeal.filedDate': '2026-09-10',
      'court.caseNumber': '2а-1234/2026',
    });
  });

  it('names only fields the document templates know', () => {
    const values = valuesOf(seedStoryRaw());
    expect(Object.keys(values).filter((field) => !isDocumentFieldName(field))).toEqual([]);
  });

  it('describes what a paper notice lacks', () => {
    const values = valuesOf({
      'detained-now': 'no',
      region: 'other',
      'notice-kind': 'paper',
      'notice-signed-on': '2026-11-20',
      'notice-appeared': 'not-yet',
      'notice-signature': 'no',
      'notice-stamp': 'no',
      'decision-by': 'no',
    });
    expect(values['notice.defects']).toBe(
      'нет подписи военного комиссара; нет печати военного комиссариата',
    );
  });
});
