import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prefilledAnswers } from './prefill.ts';
import { validateQuestionnaire } from './questionnaire.ts';

const file = new URL('../../../content/questionnaires/hotline/v1.json', import.meta.url);
const loaded = validateQuestionnaire(JSON.parse(readFileSync(file, 'utf8')));
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const hotline = loaded.questionnaire;

describe('prefilledAnswers', () => {
  it('keeps answers that could be answers to questions the form asks', () => {
    expect(
      prefilledAnswers(hotline, {
        situation: 'detained',
        'taken-from': 'metro',
        'detained-at': '2026-11-29T09:40:00+03:00',
        'appeal-case-number': '2а-1/2026',
        'needs-lawyer': 'yes',
      }),
    ).toEqual({
      situation: 'detained',
      'taken-from': 'metro',
      'detained-at': '2026-11-29T09:40:00+03:00',
      'appeal-case-number': '2а-1/2026',
      'needs-lawyer': 'yes',
    });
  });

  it('drops unknown questions, options that do not exist and anything that is not a date', () => {
    expect(
      prefilledAnswers(hotline, {
        nonsense: 'x',
        situation: 'invade',
        'needs-lawyer': 'maybe',
        'detained-at': '<script>alert(1)</script>',
      }),
    ).toEqual({});
  });

  it('never fills consent, a phone or free text: only the person gives those', () => {
    expect(
      prefilledAnswers(hotline, {
        consent: 'yes',
        'contact-phone': '+79160000000',
        'detention-details': 'words put in his mouth',
      }),
    ).toEqual({});
  });

  it('drops text longer than its question allows or with control characters', () => {
    expect(
      prefilledAnswers(hotline, {
        'appeal-case-number': 'x'.repeat(1001),
        'person-name': 'Иван\u0000Петров',
      }),
    ).toEqual({});
  });
});
