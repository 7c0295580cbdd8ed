import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerErrorCode,
  type Answers,
  nextStep,
  operationalAnswers,
  personalAnswers,
  previousStep,
  progress,
  type RawAnswers,
  rawAnswersOf,
  validateAll,
  validateStep,
  visibleQuestions,
  visibleSteps,
} from './answers.ts';
import {
  type Question,
  type Questionnaire,
  type Step,
  validateQuestionnaire,
} from './questionnaire.ts';

function loadHotline(): Questionnaire {
  const file = new URL('../../../content/questionnaires/hotline/v1.json', import.meta.url);
  const result = validateQuestionnaire(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.questionnaire;
}

const hotline = loadHotline();
/** 13:00 in Moscow. */
const now = new Date('2025-03-14T10:00:00Z');
/** The answers before the detention steps: they are shown only on that path. */
const detained: Answers = { 'reporter-role': 'relative', situation: 'detained' };

/** A relative reports a detention at a metro station, taken to a conscription centre. */
function buildDetention(overrides: Partial<Record<string, Answers[string]>> = {}): Answers {
  const answers: Record<string, Answers[string]> = {
    'reporter-role': 'relative',
    situation: 'detained',
    'person-name': 'Иванов Иван Иванович',
    'person-age': '19',
    'contact-phone': '+79161234567',
    'taken-from': 'metro',
    'detained-at': '2025-03-14T08:30:00+03:00',
    'taken-to': 'conscription-centre',
    'taken-from-station': { placeKind: 'metro-station', placeId: 'ugreshskaya' },
    'pending-appeal': 'no',
    'needs-lawyer': 'yes',
    consent: 'yes',
  };
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  return answers;
}

const detentionSteps = [
  'who',
  'what',
  'detention-person',
  'detention-circumstances',
  'detention-places',
  'detention-appeal',
  'detention-help',
  'consent',
];

function stepIds(answers: Answers): string[] {
  return visibleSteps(hotline, answers).map((step) => step.id);
}

/** The steps a reporter is led through by nextStep, from the first to the end. */
function walkThrough(answers: Answers): string[] {
  const visited: string[] = [];
  for (let step = nextStep(hotline, answers, null); step !== null; ) {
    visited.push(step.id);
    step = nextStep(hotline, answers, step.id);
  }
  return visited;
}

function errorsOf(result: ReturnType<typeof validateStep>): { questionId: string; code: string }[] {
  return result.ok ? [] : result.errors.map(({ questionId, code }) => ({ questionId, code }));
}

/** The answer to one question, the rest of the detention report being valid; or its errors. */
function answerOf(stepId: string, questionId: string, raw: string) {
  const rest = rawAnswersOf(buildDetention());
  const result = validateStep(
    hotline,
    stepId,
    { ...rest, [questionId]: raw },
    now,
    buildDetention(),
  );
  return result.ok ? result.answers[questionId] : result.errors;
}

describe('the path through the questionnaire', () => {
  it('leads a detention report through its steps in order, with its progress', () => {
    const answers = buildDetention();
    expect(walkThrough(answers)).toEqual(detentionSteps);
    expect(detentionSteps.map((id) => progress(hotline, answers, id))).toEqual(
      detentionSteps.map((_, index) => ({ index: index + 1, total: detentionSteps.length })),
    );
  });

  it('asks for the court only when an appeal is pending', () => {
    const answers = buildDetention({ 'pending-appeal': 'yes' });
    expect(walkThrough(answers)).toEqual([
      ...detentionSteps.slice(0, 6),
      'detention-appeal-court',
      ...detentionSteps.slice(6),
    ]);
    expect(progress(hotline, answers, 'detention-help')).toEqual({ index: 8, total: 9 });
  });

  it.each([
    ['notice', ['who', 'what', 'notice', 'notice-delivery', 'consent']],
    ['appeal', ['who', 'what', 'appeal', 'consent']],
    ['lawyer-turned-away', ['who', 'what', 'lawyer', 'consent']],
    ['other', ['who', 'what', 'other', 'consent']],
  ])('leads the %s path to consent', (situation, expected) => {
    // The notice kind decides which delivery date is asked; other paths never show it.
    expect(walkThrough({ 'reporter-role': 'witness', situation, 'notice-kind': 'paper' })).toEqual(
      expected,
    );
  });

  it('counts only the steps known so far, before the situation is chosen', () => {
    expect(stepIds({})).toEqual(['who', 'what', 'consent']);
    expect(progress(hotline, {}, 'what')).toEqual({ index: 2, total: 3 });
  });

  it('ignores answers left on a path the reporter turned away from', () => {
    const answers = {
      ...buildDetention({ 'pending-appeal': 'yes' }),
      situation: 'notice',
      'notice-kind': 'electronic',
    };
    expect(stepIds(answers)).toEqual(['who', 'what', 'notice', 'notice-delivery', 'consent']);
  });

  it('has no progress for a step that is not shown', () => {
    expect(progress(hotline, buildDetention(), 'notice')).toBeNull();
    expect(progress(hotline, buildDetention(), 'no-such-step')).toBeNull();
  });

  it('returns null after the last step and goes back over skipped steps', () => {
    const answers = buildDetention();
    expect(nextStep(hotline, answers, 'consent')).toBeNull();
    expect(previousStep(hotline, answers, 'consent')?.id).toBe('detention-help');
    expect(previousStep(hotline, answers, 'who')).toBeNull();
  });

  it('refuses a step the questionnaire lacks', () => {
    expect(() => nextStep(hotline, {}, 'no-such-step')).toThrow(RangeError);
  });

  it.each([
    ['metro', 'conscription-centre', ['taken-from-station', 'taken-to-centre']],
    ['street', 'police', ['taken-from-address', 'taken-to-police']],
    ['home', 'unknown', ['taken-from-address']],
  ])('asks where from %s and where to %s', (takenFrom, takenTo, expected) => {
    const answers = buildDetention({ 'taken-from': takenFrom, 'taken-to': takenTo });
    const shown = visibleQuestions(hotline, answers, 'detention-places');
    expect(shown.map((question) => question.id)).toEqual(expected);
  });
});

function isRussian(text: string): boolean {
  return /[а-яё]/i.test(text);
}

function isEnglish(text: string): boolean {
  return /^[\x20-\x7E\u2014]+$/.test(text) && /[a-z]/i.test(text);
}

describe('validateStep', () => {
  it.each<[AnswerErrorCode, string, string, RawAnswers]>([
    ['REQUIRED', 'person-name', 'detention-person', { 'person-age': '19' }],
    ['TOO_LONG', 'person-name', 'detention-person', { 'person-name': 'я'.repeat(201) }],
    ['NOT_AN_OPTION', 'taken-to', 'detention-circumstances', { 'taken-to': 'prison' }],
    ['NOT_AN_OPTION', 'needs-lawyer', 'detention-help', { 'needs-lawyer': 'maybe' }],
    [
      'INVALID_DATE',
      'person-birth-date',
      'detention-person',
      { 'person-birth-date': '31.02.2004' },
    ],
    [
      'DATE_IN_FUTURE',
      'person-birth-date',
      'detention-person',
      { 'person-birth-date': '15.03.2025' },
    ],
    [
      'INVALID_DATE',
      'detained-at',
      'detention-circumstances',
      { 'detained-at': '14.03.2025 25:00' },
    ],
    [
      'DATE_IN_FUTURE',
      'detained-at',
      'detention-circumstances',
      { 'detained-at': '14.03.2025 15:00' },
    ],
    ['INVALID_PHONE', 'contact-phone', 'detention-person', { 'contact-phone': 'call my mother' }],
    ['CONSENT_REQUIRED', 'consent', 'consent', { consent: '' }],
    ['CONSENT_REQUIRED', 'consent', 'consent', { consent: 'no' }],
  ])('reports %s on %s in Russian and English', (code, questionId, stepId, raw) => {
    const result = validateStep(hotline, stepId, raw, now, buildDetention());
    if (result.ok) throw new Error('expected errors');
    const found = result.errors.find((error) => error.questionId === questionId);
    expect(found?.code).toBe(code);
    expect(isRussian(found?.message.ru ?? ''), found?.message.ru).toBe(true);
    expect(isEnglish(found?.message.en ?? ''), found?.message.en).toBe(true);
  });

  it('names the limit when an answer is too long', () => {
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': 'я'.repeat(201) },
      now,
      detained,
    );
    expect(result.ok ? [] : result.errors[0]?.message).toEqual({
      ru: 'Слишком длинный ответ: не больше 200 знаков.',
      en: 'This answer is too long: 200 characters at most.',
    });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const name = '😀'.repeat(200);
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': name, 'person-age': '20', 'contact-phone': '89161234567' },
      now,
      detained,
    );
    expect(result.ok).toBe(true);
  });

  it('needs the age or the birth date, either one', () => {
    const base = { 'person-name': 'Иван', 'contact-phone': '+79161234567' };
    const check = (raw: RawAnswers) =>
      errorsOf(validateStep(hotline, 'detention-person', { ...base, ...raw }, now, detained));
    expect(check({ 'person-age': '19' })).toEqual([]);
    expect(check({ 'person-birth-date': '01.02.2005' })).toEqual([]);
    expect(check({})).toEqual([
      { questionId: 'person-age', code: 'REQUIRED' },
      { questionId: 'person-birth-date', code: 'REQUIRED' },
    ]);
    const both = validateStep(hotline, 'detention-person', base, now, detained);
    expect(both.ok ? undefined : both.errors[0]?.message.ru).toBe(
      'Укажите возраст или дату рождения — хватит чего-то одного.',
    );
    // A birth date that cannot be read has its own error; it does not make the age required too.
    expect(check({ 'person-birth-date': '1.13.2005' })).toEqual([
      { questionId: 'person-birth-date', code: 'INVALID_DATE' },
    ]);
  });

  it('trims text, joins its spaces and keeps the lines of free text', () => {
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': '  Иванов \n  Иван\t', 'person-age': '19', 'contact-phone': '+79161234567' },
      now,
      buildDetention(),
    );
    expect(result.ok && result.answers['person-name']).toBe('Иванов Иван');
    expect(
      answerOf('detention-help', 'detention-details', ' Забрали телефон.\r\nБолеет. \u0000'),
    ).toBe('Забрали телефон.\nБолеет.');
  });

  it.each([
    ['2004-03-14', '2004-03-14'],
    ['14.03.2004', '2004-03-14'],
    ['4.3.2004', '2004-03-04'],
    ['14/03/2004', '2004-03-14'],
    [' 2025-03-14 ', '2025-03-14'],
  ])('reads the date %s as %s', (raw, expected) => {
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': 'Иван', 'contact-phone': '+79161234567', 'person-birth-date': raw },
      now,
      buildDetention(),
    );
    expect(result.ok && result.answers['person-birth-date']).toBe(expected);
  });

  it.each(['2004-02-30', '1899-12-31', '14.03.04', '14 марта 2004', '2004-3-14T00:00'])(
    'refuses the date %s',
    (raw) => {
      expect(answerOf('detention-person', 'person-birth-date', raw)).toEqual([
        expect.objectContaining({ questionId: 'person-birth-date', code: 'INVALID_DATE' }),
      ]);
    },
  );

  it("takes today's date where the reporter is, not in UTC", () => {
    const lateEvening = new Date('2025-03-14T22:30:00Z'); // 01:30 on 15 March in Moscow
    const check = (raw: string) =>
      errorsOf(
        validateStep(
          hotline,
          'detention-person',
          { 'person-name': 'Иван', 'contact-phone': '+79161234567', 'person-birth-date': raw },
          lateEvening,
          detained,
        ),
      );
    expect(check('15.03.2025')).toEqual([]);
    expect(check('16.03.2025')).toEqual([
      { questionId: 'person-birth-date', code: 'DATE_IN_FUTURE' },
    ]);
  });

  it('accepts an appearance date in the future', () => {
    const result = validateStep(
      hotline,
      'notice',
      {
        'notice-kind': 'electronic',
        'notice-region': 'moscow',
        'notice-appearance-date': '01.04.2025',
      },
      now,
      { situation: 'notice' },
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        'notice-kind': 'electronic',
        'notice-region': 'moscow',
        'notice-appearance-date': '2025-04-01',
      },
    });
  });

  it.each([
    ['2025-03-14T08:30', '2025-03-14T08:30:00+03:00'],
    ['14.03.2025 8:30', '2025-03-14T08:30:00+03:00'],
    ['14.03.2025, 08.30', '2025-03-14T08:30:00+03:00'],
    ['2025-03-14 08:30:59', '2025-03-14T08:30:00+03:00'],
    ['2025-03-14T05:30:00.000Z', '2025-03-14T05:30:00+00:00'],
    ['2025-03-14T10:30+0500', '2025-03-14T10:30:00+05:00'],
  ])('reads the date-time %s as %s, to the minute', (raw, expected) => {
    const result = validateStep(
      hotline,
      'detention-circumstances',
      { 'taken-from': 'street', 'taken-to': 'unknown', 'detained-at': raw },
      now,
      buildDetention(),
    );
    expect(result.ok && result.answers['detained-at']).toBe(expected);
  });

  it('refuses a date-time in the future, allowing a phone clock a few minutes fast', () => {
    const check = (raw: string) =>
      errorsOf(
        validateStep(
          hotline,
          'detention-circumstances',
          { 'taken-from': 'street', 'taken-to': 'unknown', 'detained-at': raw },
          now,
          buildDetention(),
        ),
      );
    expect(check('14.03.2025 13:00')).toEqual([]);
    expect(check('14.03.2025 13:04')).toEqual([]);
    expect(check('14.03.2025 14:00')).toEqual([
      { questionId: 'detained-at', code: 'DATE_IN_FUTURE' },
    ]);
    expect(check('2025-03-14T11:30Z')).toEqual([
      { questionId: 'detained-at', code: 'DATE_IN_FUTURE' },
    ]);
    const future = validateStep(
      hotline,
      'detention-circumstances',
      { 'taken-from': 'street', 'taken-to': 'unknown', 'detained-at': '15.03.2025 09:00' },
      now,
      buildDetention(),
    );
    expect(future.ok ? undefined : future.errors[0]?.message).toEqual({
      ru: 'Это время ещё не наступило. Проверьте дату и время, пожалуйста.',
      en: 'This time has not come yet. Please check the date and time.',
    });
  });

  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['916 123-45-67', '+79161234567'],
    ['+49 30 1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
  ])('reads the phone %s as %s', (raw, expected) => {
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': 'Иван', 'person-age': '19', 'contact-phone': raw },
      now,
      detained,
    );
    expect(result.ok && result.answers['contact-phone']).toBe(expected);
  });

  it.each([
    '12345',
    '+7 916 abc',
    '+0 123 456 789',
    '8 916 123-45-6',
    '++79161234567',
    '+7 (916) 123-45-67-89-00-11',
  ])('refuses the phone %s', (raw) => {
    expect(
      errorsOf(
        validateStep(
          hotline,
          'detention-person',
          { 'person-name': 'Иван', 'person-age': '19', 'contact-phone': raw },
          now,
          detained,
        ),
      ),
    ).toEqual([{ questionId: 'contact-phone', code: 'INVALID_PHONE' }]);
  });

  it('reads a place chosen from the list, or typed by hand', () => {
    const previous = buildDetention({ 'taken-from': 'metro', 'taken-to': 'police' });
    const check = (raw: RawAnswers) =>
      validateStep(hotline, 'detention-places', raw, now, previous);
    expect(check({ 'taken-from-station': 'metro-station:ugreshskaya' })).toEqual({
      ok: true,
      answers: { 'taken-from-station': { placeKind: 'metro-station', placeId: 'ugreshskaya' } },
    });
    expect(
      check({ 'taken-from-station': ' Угрешская ', 'taken-to-police': 'ОВД  Лефортово' }),
    ).toEqual({
      ok: true,
      answers: {
        'taken-from-station': { freeText: 'Угрешская' },
        'taken-to-police': { freeText: 'ОВД Лефортово' },
      },
    });
    expect(errorsOf(check({ 'taken-from-station': 'police-station:lefortovo' }))).toEqual([
      { questionId: 'taken-from-station', code: 'NOT_AN_OPTION' },
    ]);
    expect(errorsOf(check({}))).toEqual([{ questionId: 'taken-from-station', code: 'REQUIRED' }]);
  });

  it('leaves out answers to questions not shown and fields that are not questions', () => {
    const result = validateStep(
      hotline,
      'detention-places',
      {
        'taken-from-station': 'metro-station:ugreshskaya',
        'taken-from-address': 'ул. Лефортовский Вал, 1',
        _csrf: 'token',
      },
      now,
      buildDetention({ 'taken-from': 'street', 'taken-to': 'unknown' }),
    );
    expect(result).toEqual({
      ok: true,
      answers: { 'taken-from-address': 'ул. Лефортовский Вал, 1' },
    });
  });

  it('gives no answers for a step not shown', () => {
    expect(
      validateStep(hotline, 'notice', { 'notice-kind': 'paper' }, now, buildDetention()),
    ).toEqual({ ok: true, answers: {} });
  });

  it('does not let a question of this step count when it comes from earlier answers', () => {
    // The birth date was given before, and is now erased: the age becomes required again.
    const previous = buildDetention({ 'person-age': undefined, 'person-birth-date': '2005-02-01' });
    const result = validateStep(
      hotline,
      'detention-person',
      { 'person-name': 'Иван', 'contact-phone': '+79161234567' },
      now,
      previous,
    );
    expect(errorsOf(result).map((error) => error.code)).toEqual(['REQUIRED', 'REQUIRED']);
  });
});

describe('validateAll', () => {
  const report: RawAnswers = {
    'reporter-role': 'relative',
    situation: 'detained',
    'person-name': ' Иванов Иван Иванович ',
    'person-age': '19',
    'contact-phone': '8 916 123-45-67',
    'taken-from': 'metro',
    'detained-at': '14.03.2025 08:30',
    'taken-to': 'conscription-centre',
    'taken-from-station': 'metro-station:ugreshskaya',
    'pending-appeal': 'no',
    'needs-lawyer': 'yes',
    consent: 'yes',
  };

  it('accepts a whole detention report, normalised', () => {
    expect(validateAll(hotline, report, now)).toEqual({ ok: true, answers: buildDetention() });
  });

  it('refuses a question the questionnaire does not have', () => {
    const result = validateAll(hotline, { ...report, 'favourite-colour': 'blue' }, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        questionId: 'favourite-colour',
        code: 'UNKNOWN_QUESTION',
        message: {
          ru: 'В анкете нет такого вопроса.',
          en: 'The questionnaire has no such question.',
        },
      },
    ]);
  });

  it("leaves out another path's answers, so they are never stored", () => {
    const result = validateAll(hotline, { ...report, 'notice-kind': 'paper' }, now);
    expect(result).toEqual({ ok: true, answers: buildDetention() });
  });

  it('reports the errors of every step at once', () => {
    const { consent: _, 'contact-phone': __, ...rest } = report;
    expect(errorsOf(validateAll(hotline, { ...rest, 'pending-appeal': 'perhaps' }, now))).toEqual([
      { questionId: 'contact-phone', code: 'REQUIRED' },
      { questionId: 'pending-appeal', code: 'NOT_AN_OPTION' },
      { questionId: 'consent', code: 'CONSENT_REQUIRED' },
    ]);
  });

  it('follows the path the answers open', () => {
    const result = validateAll(
      hotline,
      { ...report, 'pending-appeal': 'yes', 'appeal-case-number': '2а-1234/2025' },
      now,
    );
    expect(result.ok && result.answers['appeal-case-number']).toBe('2а-1234/2025');
  });
});

describe('personalAnswers and operationalAnswers', () => {
  it('splits the answers by data class, a typed place being personal', () => {
    const answers = buildDetention({
      'taken-to-centre': { freeText: 'военкомат на Лефортовском Валу' },
      'person-birth-date': '2005-02-01',
    });
    expect(personalAnswers(hotline, answers)).toEqual({
      'person-name': 'Иванов Иван Иванович',
      'person-age': '19',
      'person-birth-date': '2005-02-01',
      'contact-phone': '+79161234567',
      'taken-to-centre': { freeText: 'военкомат на Лефортовском Валу' },
    });
    expect(operationalAnswers(hotline, answers)).toEqual({
      'reporter-role': 'relative',
      situation: 'detained',
      'taken-from': 'metro',
      'detained-at': '2025-03-14T08:30:00+03:00',
      'taken-to': 'conscription-centre',
      'taken-from-station': { placeKind: 'metro-station', placeId: 'ugreshskaya' },
      'pending-appeal': 'no',
      'needs-lawyer': 'yes',
      consent: 'yes',
    });
  });

  it('loses no answer and keeps none in both', () => {
    const answers = buildDetention();
    const personal = Object.keys(personalAnswers(hotline, answers));
    const operational = Object.keys(operationalAnswers(hotline, answers));
    expect([...personal, ...operational].sort()).toEqual(Object.keys(answers).sort());
  });
});

/** Strings a reporter might type for a question, valid or nearly, mixed with any string at all. */
function typed(question: Question): fc.Arbitrary<string> {
  const anything = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  );
  const day = fc.date({
    min: new Date('1890-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const likely = ((): fc.Arbitrary<string> => {
    switch (question.kind) {
      case 'choice':
        return fc.constantFrom(...question.options.map((option) => option.value), 'other ', '');
      case 'yes-no':
        return fc.constantFrom('yes', ' no ', 'да', '');
      case 'consent':
        return fc.constantFrom('yes', 'on', 'TRUE', 'no', '');
      case 'date':
        return day.map((date) => {
          const [y, m, d] = date.toISOString().slice(0, 10).split('-');
          return `${d}.${m}.${y}`;
        });
      case 'datetime':
        return day.map((date) => date.toISOString().slice(0, 16));
      case 'phone':
        return fc.oneof(
          fc.constantFrom('+7 916 123-45-67', '8 (916) 123 45 67', '9161234567', '0049 30 1234567'),
          fc.stringMatching(/^\+?[\d ()-]{6,18}$/),
        );
      case 'place':
        return fc.oneof(
          fc.constantFrom(...question.placeKinds).map((kind) => `${kind}:a-1`),
          fc.constant('court:x'),
          anything,
        );
      default:
        return fc.string({ unit: 'grapheme', maxLength: question.maxLength + 5 });
    }
  })();
  return fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: anything, weight: 1 });
}

/** What a form posts for a step: every question, or only some of them. */
function typedStep(step: Step, { every }: { every: boolean }): fc.Arbitrary<RawAnswers> {
  const model = Object.fromEntries(
    step.questions.map((question) => [question.id, typed(question)]),
  );
  return fc.record(model, every ? {} : { requiredKeys: [] }).map((raw) => {
    const posted: Record<string, string> = {};
    for (const [id, value] of Object.entries(raw)) if (value !== undefined) posted[id] = value;
    return posted;
  });
}

const stepCases = hotline.steps.map((step) => [step.id, step] as const);
const previousAnswers = fc.constantFrom<Answers>(
  buildDetention(),
  buildDetention({ 'taken-from': 'street', 'taken-to': 'police', 'pending-appeal': 'yes' }),
  { situation: 'notice', 'notice-kind': 'paper' },
  { situation: 'lawyer-turned-away' },
  {},
);
const instants = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('validateStep on anything typed', () => {
  it.each(stepCases)('never throws on step %s', (stepId, step) => {
    const raw = typedStep(step, { every: false });
    fc.assert(
      fc.property(
        raw,
        fc.dictionary(fc.string(), fc.string()),
        previousAnswers,
        instants,
        (answers, extra, previous, at) => {
          const result = validateStep(hotline, stepId, { ...extra, ...answers }, at, previous);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });

  it.each(stepCases)('normalises the answers of step %s once and for all', (stepId, step) => {
    const raw = typedStep(step, { every: false });
    fc.assert(
      fc.property(raw, previousAnswers, instants, (answers, previous, at) => {
        const first = validateStep(hotline, stepId, answers, at, previous);
        if (!first.ok) return;
        const again = validateStep(hotline, stepId, rawAnswersOf(first.answers), at, previous);
        expect(again).toEqual(first);
      }),
    );
  });

  it('finds valid answers often enough for the property to mean something', () => {
    const step = hotline.steps.find((candidate) => candidate.id === 'detention-person');
    if (step === undefined) throw new Error('step detention-person');
    const raw = typedStep(step, { every: true });
    const samples = fc.sample(raw, { numRuns: 500, seed: 1 });
    const valid = samples.filter(
      (answers) => validateStep(hotline, 'detention-person', answers, now, buildDetention()).ok,
    );
    expect(valid.length).toBeGreaterThan(10);
  });

  it('never throws on a whole report of arbitrary strings', () => {
    const ids = hotline.steps.flatMap((step) => step.questions.map((question) => question.id));
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string()), fc.string()),
        instants,
        (raw, at) => {
          const result = validateAll(hotline, raw, at);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
