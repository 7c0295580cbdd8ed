import { z } from 'zod';
import type { DataClass } from '../sealing/data-class.ts';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case');
const nonBlank = z.string().regex(/\S/, 'must not be blank');
/** Every text a reporter reads exists in Russian (the source) and English. */
const text = z.strictObject({ ru: nonBlank, en: nonBlank });

/** Kinds of place a place question offers from the organisation's list of places. */
export const placeKinds = [
  'metro-station',
  'conscription-centre',
  'police-station',
  'court',
] as const;
export type PlaceKind = (typeof placeKinds)[number];

/**
 * A condition on answers already given. `equals` and `in` compare a choice or yes-no answer;
 * `answered` is true once the question has any answer. A missing answer makes `equals` and `in`
 * false, so `not` of them is true: write `answered` when the difference matters.
 */
export type AnswerCondition =
  | { all: AnswerCondition[] }
  | { any: AnswerCondition[] }
  | { not: AnswerCondition }
  | { answered: string }
  | { equals: { question: string; value: string } }
  | { in: { question: string; values: string[] } };

export const answerCondition: z.ZodType<AnswerCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(answerCondition).min(1) }),
    z.strictObject({ any: z.array(answerCondition).min(1) }),
    z.strictObject({ not: answerCondition }),
    z.strictObject({ answered: kebabId }),
    z.strictObject({ equals: z.strictObject({ question: kebabId, value: z.string() }) }),
    z.strictObject({
      in: z.strictObject({ question: kebabId, values: z.array(z.string()).min(1) }),
    }),
  ]),
);

const dataClass = z.enum(['operational', 'personal']) satisfies z.ZodType<DataClass>;

const common = {
  id: kebabId,
  label: text,
  hint: text.optional(),
  /**
   * A condition here may also read answers of the same step, which arrive together: "age is
   * required unless a birth date is given".
   */
  required: z.union([z.boolean(), answerCondition]),
  /** Shown instead of the usual message when a required answer is missing. */
  requiredMessage: text.optional(),
  /** Asked only when this holds; it reads answers of earlier steps only. */
  when: answerCondition.optional(),
  dataClass,
};

/** A date or date-time is a past event unless the question says otherwise (an appearance date). */
const allowFuture = z.boolean().optional();

export const question = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('choice'),
    options: z.array(z.strictObject({ value: kebabId, label: text })).min(2),
  }),
  z.strictObject({ ...common, kind: z.literal('text'), maxLength: z.int().min(1).max(1000) }),
  z.strictObject({
    ...common,
    kind: z.literal('long-text'),
    maxLength: z.int().min(1).max(20_000),
  }),
  z.strictObject({ ...common, kind: z.literal('date'), allowFuture }),
  z.strictObject({ ...common, kind: z.literal('datetime'), allowFuture }),
  z.strictObject({ ...common, kind: z.literal('phone') }),
  z.strictObject({ ...common, kind: z.literal('yes-no') }),
  z.strictObject({
    ...common,
    kind: z.literal('place'),
    placeKinds: z.array(z.enum(placeKinds)).min(1),
    /** The reporter can always type a place the list lacks; that text is personal data. */
    freeTextFallback: z.literal(true),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('consent'),
    required: z.literal(true),
    /** What is stored, how, who reads it, and how to have it deleted. */
    consentText: text,
  }),
]);
export type Question = z.infer<typeof question>;
export type QuestionKind = Question['kind'];

export const step = z.strictObject({
  id: kebabId,
  title: text,
  /** The step is shown only when this holds; it reads answers of earlier steps only. */
  when: answerCondition.optional(),
  questions: z.array(question).min(1),
});
export type Step = z.infer<typeof step>;

export const questionnaire = z.strictObject({
  questionnaireId: kebabId,
  version: z.int().min(1),
  title: text,
  /**
   * The UTC offset of a date-time typed without one, and of "today" when a date is checked
   * against the future. A reporter types the time on his own clock, never an offset.
   */
  defaultOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'an offset looks like +03:00'),
  steps: z.array(step).min(1),
});
export type Questionnaire = z.infer<typeof questionnaire>;

/** The kinds whose answer is free text or a phone: always personal, whatever the file says. */
const personalKinds: ReadonlySet<QuestionKind> = new Set(['text', 'long-text', 'phone']);

/** The answers a condition may compare a question's answer with; undefined: not comparable. */
function comparableValues(question: Question): string[] | undefined {
  if (question.kind === 'choice') return question.options.map((option) => option.value);
  if (question.kind === 'yes-no') return ['yes', 'no'];
  if (question.kind === 'consent') return ['yes'];
  return undefined;
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** Each question a condition reads, with the values it compares that question's answer to. */
function references(condition: AnswerCondition): { question: string; values: string[] }[] {
  if ('all' in condition) return condition.all.flatMap(references);
  if ('any' in condition) return condition.any.flatMap(references);
  if ('not' in condition) return references(condition.not);
  if ('answered' in condition) return [{ question: condition.answered, values: [] }];
  if ('equals' in condition) {
    return [{ question: condition.equals.question, values: [condition.equals.value] }];
  }
  return [{ question: condition.in.question, values: condition.in.values }];
}

type Located = { question: Question; stepIndex: number };

function conditionProblems(
  where: string,
  field: 'when' | 'required',
  condition: AnswerCondition,
  located: ReadonlyMap<string, Located>,
  /** The index of the first step whose questions this condition may not read. */
  readableBefore: number,
): string[] {
  const problems: string[] = [];
  for (const reference of references(condition)) {
    const target = located.get(reference.question);
    if (target === undefined) {
      problems.push(
        `${where}: ${field} refers to question ${reference.question}, which does not exist`,
      );
      continue;
    }
    if (target.stepIndex >= readableBefore) {
      const scope = field === 'when' ? 'an earlier step' : 'this or an earlier step';
      problems.push(
        `${where}: ${field} refers to question ${reference.question}, which is not asked in ${scope}`,
      );
      continue;
    }
    if (reference.values.length === 0) continue;
    const allowed = comparableValues(target.question);
    if (allowed === undefined) {
      problems.push(
        `${where}: ${field} compares question ${reference.question}, a ${target.question.kind} answer; only a choice or yes-no answer can be compared (use answered)`,
      );
      continue;
    }
    for (const value of reference.values) {
      if (!allowed.includes(value)) {
        problems.push(
          `${where}: ${field} compares question ${reference.question} with ${value}, which is not one of its answers`,
        );
      }
    }
  }
  return problems;
}

function semanticProblems(form: Questionnaire): string[] {
  const problems: string[] = [];
  for (const id of duplicates(form.steps.map((step) => step.id))) {
    problems.push(`step ${id} is defined twice`);
  }
  const allQuestions = form.steps.flatMap((step) => step.questions);
  for (const id of duplicates(allQuestions.map((question) => question.id))) {
    problems.push(`question ${id} is defined twice`);
  }
  const located = new Map<string, Located>();
  form.steps.forEach((step, stepIndex) => {
    for (const question of step.questions) {
      if (!located.has(question.id)) located.set(question.id, { question, stepIndex });
    }
  });
  form.steps.forEach((step, stepIndex) => {
    if (step.when !== undefined) {
      problems.push(...conditionProblems(`step ${step.id}`, 'when', step.when, located, stepIndex));
    }
    for (const question of step.questions) {
      const where = `question ${question.id}`;
      if (question.when !== undefined) {
        problems.push(...conditionProblems(where, 'when', question.when, located, stepIndex));
      }
      if (typeof question.required !== 'boolean') {
        problems.push(
          ...conditionProblems(where, 'required', question.required, located, stepIndex + 1),
        );
      }
      if (personalKinds.has(question.kind) && question.dataClass !== 'personal') {
        problems.push(`${where}: a ${question.kind} answer is personal data, never operational`);
      }
      if (question.kind === 'choice') {
        for (const value of duplicates(question.options.map((option) => option.value))) {
          problems.push(`${where}: option ${value} is listed twice`);
        }
        for (const language of ['ru', 'en'] as const) {
          const labels = question.options.map((option) => option.label[language].trim());
          for (const label of duplicates(labels)) {
            problems.push(`${where}: two options read "${label}" (${language})`);
          }
        }
      }
      if (question.kind === 'place') {
        for (const kind of duplicates(question.placeKinds)) {
          problems.push(`${where}: place kind ${kind} is listed twice`);
        }
      }
    }
  });
  return problems;
}

function idAt(list: unknown, index: unknown): string | undefined {
  if (!Array.isArray(list) || typeof index !== 'number') return undefined;
  const id = (list[index] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Names a schema issue by its step and question id, as an author reads the file. */
function locate(raw: unknown, path: PropertyKey[]): string {
  const [first, stepIndex, second, questionIndex, ...rest] = path;
  if (first !== 'steps' || typeof raw !== 'object' || raw === null) return path.join('.');
  const steps = (raw as { steps?: unknown }).steps;
  const stepId = idAt(steps, stepIndex) ?? `#${String(stepIndex)}`;
  if (second !== 'questions') {
    return [`step ${stepId}`, ...path.slice(2).map(String)].join(' ');
  }
  const step = Array.isArray(steps) ? (steps[stepIndex as number] as unknown) : undefined;
  const questions = (step as { questions?: unknown } | undefined)?.questions;
  const questionId = idAt(questions, questionIndex);
  const at =
    questionId === undefined
      ? `step ${stepId} question #${String(questionIndex)}`
      : `question ${questionId}`;
  return [at, ...rest.map(String)].join(' ');
}

/**
 * Checks a questionnaire read from JSON: its schema, then what a schema cannot say: unique step,
 * question and option ids, conditions that read only questions asked before (so a form without
 * JavaScript can decide a whole page at once), compared values that are real answers, and free
 * text never marked operational. Each problem names the step or question.
 */
export function validateQuestionnaire(
  raw: unknown,
): { ok: true; questionnaire: Questionnaire } | { ok: false; problems: string[] } {
  const parsed = questionnaire.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) => `${locate(raw, issue.path) || 'questionnaire'}: ${issue.message}`,
      ),
    };
  }
  const problems = semanticProblems(parsed.data);
  return problems.length === 0 ? { ok: true, questionnaire: parsed.data } : { ok: false, problems };
}
