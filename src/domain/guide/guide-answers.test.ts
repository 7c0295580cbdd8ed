import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedStoryRaw } from '../../../test/support/guide-fixtures.ts';
import { validateQuestionnaire } from '../intake/questionnaire.ts';
import { checkGuide, type GuideCheck } from './guide-answers.ts';
import { guideQuestionnaire } from './guide-questionnaire.ts';

const now = new Date('2026-11-29T10:00:00Z');

function failed(check: GuideCheck): Extract<GuideCheck, { ok: false }> {
  if (check.ok) throw new Error('expected the answers to be refused');
  return check;
}

describe('the guide questionnaire', () => {
  it('is a valid questionnaire whose pages read only earlier pages', () => {
    const result = validateQuestionnaire(guideQuestionnaire);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('checkGuide', () => {
  it('walks the seed story through every page it opens, to the end', () => {
    const check = checkGuide(seedStoryRaw(), now, 'end');
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    expect(check.reached).toBe(true);
    expect(check.answers['detained-at']).toBe('2026-11-29T09:40:00+03:00');
    expect(check.answers['lawyer-refused-at']).toBe('2026-11-29T12:00:00+03:00');
  });

  it('skips the detention pages for someone who is not held', () => {
    const check = checkGuide({ 'detained-now': 'no', region: 'other' }, now, { through: 'now' });
    expect(check.ok && check.next?.id).toBe('notice');
  });

  it('stops at the first page with an unanswered question', () => {
    const check = failed(checkGuide({ 'detained-now': 'yes', region: 'moscow' }, now, 'end'));
    expect(check.step.id).toBe('detention');
    expect(check.errors.map((error) => error.code)).toEqual(['REQUIRED', 'REQUIRED', 'REQUIRED']);
  });

  it('asks which date is wrong when the appeal was filed before the decision', () => {
    const check = failed(checkGuide(seedStoryRaw({ 'appeal-filed-on': '2026-06-10' }), now, 'end'));
    expect(check.step.id).toBe('appeal-details');
    expect(check.contradictions.map((c) => c.id)).toEqual(['appeal-before-decision']);
    expect(check.contradictions[0]?.questionIds).toEqual(['decision-made-on', 'appeal-filed-on']);
    expect(check.errors[0]).toMatchObject({ questionId: 'appeal-filed-on', code: 'CONTRADICTION' });
    expect(check.contradictions[0]?.question.ru).toContain('10.06.2026');
    expect(check.contradictions[0]?.question.ru).toContain('01.07.2026');
    expect(check.contradictions[0]?.question.ru).toContain('Какая дата неверна?');
  });

  it('asks again when a notice was posted after the appearance date', () => {
    const raw = {
      'detained-now': 'no',
      region: 'ryazan',
      'notice-kind': 'electronic',
      'notice-posted-on': '2026-11-20',
      'notice-appearance-date': '2026-11-10',
      'notice-appeared': 'no',
    };
    const check = failed(checkGuide(raw, now, 'end'));
    expect(check.step.id).toBe('notice-dates');
    expect(check.contradictions.map((c) => c.id)).toEqual(['posted-after-appearance']);
  });

  it('compares the lawyer refusal and the detention as instants', () => {
    const check = failed(
      checkGuide(seedStoryRaw({ 'lawyer-refused-at': '2026-11-29T09:00' }), now, 'end'),
    );
    expect(check.step.id).toBe('lawyer-refusal');
    expect(check.contradictions.map((c) => c.id)).toEqual(['lawyer-before-detention']);
  });

  it('notices an appearance "not yet come" on a day that has passed', () => {
    const raw = {
      'detained-now': 'no',
      region: 'other',
      'notice-kind': 'paper',
      'notice-signed-on': '2026-11-01',
      'notice-appearance-date': '2026-11-10',
      'notice-appeared': 'not-yet',
    };
    const check = failed(checkGuide(raw, now, 'end'));
    expect(check.contradictions.map((c) => c.id)).toEqual(['appeared-before-appearance-date']);
  });

  it('refuses dates out of range, with the range in the message', () => {
    const old = failed(checkGuide(seedStoryRaw({ 'decision-made-on': '2015-01-10' }), now, 'end'));
    expect(old.errors).toEqual([
      expect.objectContaining({ questionId: 'decision-made-on', code: 'OUT_OF_RANGE' }),
    ]);
    expect(old.errors[0]?.message.ru).toContain('29.11.2021');

    const longAgo = failed(
      checkGuide(seedStoryRaw({ 'detained-at': '2026-09-01T10:00' }), now, 'end'),
    );
    expect(longAgo.errors[0]?.message.ru).toContain('задержаны сейчас');

    const farAhead = {
      'detained-now': 'no',
      region: 'other',
      'notice-kind': 'paper',
      'notice-signed-on': '2026-11-01',
      'notice-appearance-date': '2028-01-10',
      'notice-appeared': 'not-yet',
    };
    expect(failed(checkGuide(farAhead, now, 'end')).errors[0]?.code).toBe('OUT_OF_RANGE');
  });

  it('refuses a decision dated in the future and a date that does not exist', () => {
    const future = failed(
      checkGuide(seedStoryRaw({ 'decision-made-on': '2026-12-20' }), now, 'end'),
    );
    expect(future.errors[0]?.code).toBe('DATE_IN_FUTURE');
    const impossible = failed(
      checkGuide(seedStoryRaw({ 'appeal-filed-on': '31.02.2026' }), now, 'end'),
    );
    expect(impossible.errors[0]?.code).toBe('INVALID_DATE');
  });

  it('gives the answers of the pages before a page, to show it again', () => {
    const check = checkGuide(seedStoryRaw(), now, { before: 'decision' });
    expect(check.ok && check.reached).toBe(true);
    expect(check.ok && Object.keys(check.answers)).not.toContain('decision-by');
    expect(check.ok && check.next?.id).toBe('decision');
  });

  it('never throws, whatever the address carries', () => {
    const ids = guideQuestionnaire.steps.flatMap((step) => step.questions.map((q) => q.id));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids, 'x'), fc.string()), (raw) => {
        const check = checkGuide(raw, now, 'end');
        expect(typeof check.ok).toBe('boolean');
      }),
    );
  });
});
