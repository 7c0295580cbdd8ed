import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Question, type Questionnaire, validateQuestionnaire } from './questionnaire.ts';

const hotlineFile = new URL('../../../content/questionnaires/hotline/v1.json', import.meta.url);

function readHotline(): unknown {
  return JSON.parse(readFileSync(hotlineFile, 'utf8'));
}

function text(words: string) {
  return { ru: `${words} (ru)`, en: words };
}

function buildQuestion(overrides: Partial<Question> & { id: string }): Question {
  return {
    kind: 'yes-no',
    label: text(overrides.id),
    required: true,
    dataClass: 'operational',
    ...overrides,
  } as Question;
}

function buildQuestionnaire(steps: Questionnaire['steps']): Questionnaire {
  return {
    questionnaireId: 'test',
    version: 1,
    title: text('Test'),
    defaultOffset: '+03:00',
    steps,
  };
}

/** Two steps: a choice, then a question that depends on it. */
function buildTwoSteps(second: Partial<Question> = {}): Questionnaire {
  return buildQuestionnaire([
    {
      id: 'first',
      title: text('First'),
      questions: [
        buildQuestion({
          id: 'colour',
          kind: 'choice',
          options: [
            { value: 'red', label: text('Red') },
            { value: 'blue', label: text('Blue') },
          ],
        }),
      ],
    },
    {
      id: 'second',
      title: text('Second'),
      questions: [buildQuestion({ id: 'sure', ...second })],
    },
  ]);
}

function problemsOf(raw: unknown): string[] {
  const result = validateQuestionnaire(raw);
  return result.ok ? [] : result.problems;
}

describe('the shipped hotline questionnaire', () => {
  const result = validateQuestionnaire(readHotline());
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const hotline = result.questionnaire;
  const questions = hotline.steps.flatMap((step) => step.questions);
  const byId = (id: string) => questions.find((question) => question.id === id);

  it('passes validation', () => {
    expect(problemsOf(readHotline())).toEqual([]);
  });

  it('asks who and what first and ends with consent, which every path reaches', () => {
    expect(hotline.steps.map((step) => step.id).slice(0, 2)).toEqual(['who', 'what']);
    const last = hotline.steps.at(-1);
    expect(last?.id).toBe('consent');
    expect(last?.when).toBeUndefined();
    expect(last?.questions.map((question) => question.kind)).toContain('consent');
  });

  it('opens a step for every situation a reporter can choose', () => {
    const situation = byId('situation');
    if (situation?.kind !== 'choice') throw new Error('situation is a choice');
    const opened = JSON.stringify(hotline.steps.map((step) => step.when));
    for (const option of situation.options) {
      expect(opened).toContain(`"value":"${option.value}"`);
    }
  });

  it('marks names, phones, birth dates and typed text personal, and choices operational', () => {
    for (const id of [
      'person-name',
      'person-birth-date',
      'contact-phone',
      'taken-from-address',
      'appeal-case-number',
      'detention-details',
      'reporter-contact',
    ]) {
      expect(byId(id)?.dataClass, id).toBe('personal');
    }
    for (const id of [
      'reporter-role',
      'situation',
      'taken-from-station',
      'detained-at',
      'consent',
    ]) {
      expect(byId(id)?.dataClass, id).toBe('operational');
    }
  });

  it('writes every Russian text in Cyrillic', () => {
    const texts = JSON.stringify(hotline).match(/"ru":"[^"]*"/g) ?? [];
    expect(texts.length).toBeGreaterThan(50);
    for (const ru of texts) expect(ru).toMatch(/[а-яё0-9]/i);
  });
});

describe('validateQuestionnaire', () => {
  it('accepts a question that depends on an earlier step', () => {
    expect(
      problemsOf(buildTwoSteps({ when: { equals: { question: 'colour', value: 'red' } } })),
    ).toEqual([]);
  });

  it('refuses a question id defined twice, naming it', () => {
    const form = buildTwoSteps({ id: 'colour' });
    expect(problemsOf(form)).toContain('question colour is defined twice');
  });

  it('refuses a step id defined twice, naming it', () => {
    const form = buildTwoSteps();
    const [first, second] = form.steps;
    if (first === undefined || second === undefined) throw new Error('two steps');
    expect(problemsOf({ ...form, steps: [first, { ...second, id: 'first' }] })).toContain(
      'step first is defined twice',
    );
  });

  it('refuses a when that points forward, naming the question', () => {
    const form = buildTwoSteps();
    const [first, second] = form.steps;
    if (first === undefined || second === undefined) throw new Error('two steps');
    const [colour] = first.questions;
    if (colour === undefined) throw new Error('one question');
    const forward = {
      ...form,
      steps: [{ ...first, questions: [{ ...colour, when: { answered: 'sure' } }] }, second],
    };
    expect(problemsOf(forward)).toEqual([
      'question colour: when refers to question sure, which is not asked in an earlier step',
    ]);
  });

  it('refuses a step whose when points to its own or a later step, naming the step', () => {
    const form = buildTwoSteps();
    const [first, second] = form.steps;
    if (first === undefined || second === undefined) throw new Error('two steps');
    const own = { ...form, steps: [first, { ...second, when: { answered: 'sure' } }] };
    expect(problemsOf(own)).toEqual([
      'step second: when refers to question sure, which is not asked in an earlier step',
    ]);
  });

  it('refuses a when between questions of one step: a form without JavaScript cannot show it', () => {
    const form = buildQuestionnaire([
      {
        id: 'only',
        title: text('Only'),
        questions: [
          buildQuestion({ id: 'a' }),
          buildQuestion({ id: 'b', when: { equals: { question: 'a', value: 'yes' } } }),
        ],
      },
    ]);
    expect(problemsOf(form)).toEqual([
      'question b: when refers to question a, which is not asked in an earlier step',
    ]);
  });

  it('lets required read the same step, but not a later one', () => {
    const sameStep = buildQuestionnaire([
      {
        id: 'only',
        title: text('Only'),
        questions: [
          buildQuestion({ id: 'a', required: false }),
          buildQuestion({ id: 'b', required: { not: { answered: 'a' } } }),
        ],
      },
    ]);
    expect(problemsOf(sameStep)).toEqual([]);
    const laterStep = buildTwoSteps();
    const [first, second] = laterStep.steps;
    if (first === undefined || second === undefined) throw new Error('two steps');
    const [colour] = first.questions;
    if (colour === undefined) throw new Error('one question');
    const forward = {
      ...laterStep,
      steps: [{ ...first, questions: [{ ...colour, required: { answered: 'sure' } }] }, second],
    };
    expect(problemsOf(forward)).toEqual([
      'question colour: required refers to question sure, which is not asked in this or an earlier step',
    ]);
  });

  it('refuses a condition on a question that does not exist', () => {
    expect(problemsOf(buildTwoSteps({ when: { answered: 'ghost' } }))).toEqual([
      'question sure: when refers to question ghost, which does not exist',
    ]);
  });

  it('refuses a comparison with a value that is not one of the answers', () => {
    expect(
      problemsOf(buildTwoSteps({ when: { in: { question: 'colour', values: ['red', 'green'] } } })),
    ).toEqual([
      'question sure: when compares question colour with green, which is not one of its answers',
    ]);
  });

  it('refuses to compare a typed answer, which only answered can test', () => {
    const form = buildQuestionnaire([
      {
        id: 'first',
        title: text('First'),
        questions: [
          buildQuestion({ id: 'name', kind: 'text', maxLength: 50, dataClass: 'personal' }),
        ],
      },
      {
        id: 'second',
        title: text('Second'),
        when: { equals: { question: 'name', value: 'Ivan' } },
        questions: [buildQuestion({ id: 'sure' })],
      },
    ]);
    expect(problemsOf(form)).toEqual([
      'step second: when compares question name, a text answer; only a choice or yes-no answer can be compared (use answered)',
    ]);
  });

  it('refuses an option listed twice', () => {
    const form = buildTwoSteps({
      kind: 'choice',
      options: [
        { value: 'yes', label: text('Yes') },
        { value: 'yes', label: text('Also yes') },
      ],
    } as Partial<Question>);
    expect(problemsOf(form)).toEqual(['question sure: option yes is listed twice']);
  });

  it('refuses free text or a phone marked operational', () => {
    const form = buildTwoSteps({ kind: 'phone', dataClass: 'operational' });
    expect(problemsOf(form)).toEqual([
      'question sure: a phone answer is personal data, never operational',
    ]);
  });

  it('refuses a text without its English, naming the question', () => {
    const form = buildTwoSteps({ label: { ru: 'Вы уверены?' } } as Partial<Question>);
    expect(problemsOf(form)).toEqual([expect.stringMatching(/^question sure label en: /)]);
  });

  it('refuses a blank text', () => {
    const form = buildTwoSteps({ hint: { ru: '  ', en: 'Hint' } });
    expect(problemsOf(form)).toEqual([
      expect.stringMatching(/^question sure hint ru: must not be blank/),
    ]);
  });

  it('refuses an id that is not kebab-case', () => {
    expect(problemsOf(buildTwoSteps({ id: 'Sure_Now' }))).toEqual([
      'question Sure_Now id: use lower-case kebab-case',
    ]);
  });

  it('refuses consent that is not required, and a place without a free-text fallback', () => {
    const consent = buildTwoSteps({
      kind: 'consent',
      required: false,
      consentText: text('We store this'),
    } as unknown as Partial<Question>);
    expect(problemsOf(consent)).toEqual([expect.stringMatching(/^question sure required: /)]);
    const place = buildTwoSteps({
      kind: 'place',
      placeKinds: ['metro-station'],
      freeTextFallback: false,
    } as unknown as Partial<Question>);
    expect(problemsOf(place)).toEqual([expect.stringMatching(/^question sure freeTextFallback: /)]);
  });
});
