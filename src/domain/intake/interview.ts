import { z } from 'zod';
import {
  type AnswerError,
  type Answers,
  nextStep,
  progress,
  type RawAnswers,
  validateStep,
  visibleQuestions,
} from './answers.ts';
import type { Question, Questionnaire, Step } from './questionnaire.ts';

export type InterviewLanguage = 'ru' | 'en';

/**
 * A questionnaire asked one question at a time, as a chat asks it: the same steps, conditions
 * and validation as the web form, one answer per message. What the reporter typed is kept as a
 * form would post it, so the finished interview is submitted like any other report.
 */
export type Interview = {
  language: InterviewLanguage;
  /** What the reporter typed or chose, by question id; a skipped question has no entry. */
  raw: Record<string, string>;
  stepId: string;
  questionId: string;
  /**
   * The step's end was reached and some answers did not hold together (neither age nor birth
   * date): the reporter is taken to each failing question, not through the whole step again.
   */
  revisiting: boolean;
};

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** An interview as it was stored; anything else is refused rather than half-read. */
export const interviewSchema = z.strictObject({
  language: z.enum(['ru', 'en']),
  raw: z.record(kebabId, z.string()),
  stepId: kebabId,
  questionId: kebabId,
  revisiting: z.boolean(),
}) satisfies z.ZodType<Interview>;

/** One answer offered as a button; a reporter may also type its label. */
export type Choice = { value: string; label: string };

export type AskedQuestion = {
  step: Step;
  question: Question;
  /** The step among the steps shown so far, counted from 1. */
  position: { index: number; total: number };
  /** The answers offered as buttons; empty when the answer is typed. */
  choices: Choice[];
  /** The reporter may go on without answering. */
  skippable: boolean;
};

export type InterviewTurn =
  | { kind: 'ask'; interview: Interview; error?: AnswerError }
  /** Every step is answered: the answers, as a form posts them, go to the report intake. */
  | { kind: 'complete'; interview: Interview; answers: RawAnswers };

const yesNoLabels = {
  yes: { ru: 'Да', en: 'Yes' },
  no: { ru: 'Нет', en: 'No' },
};
/** The consent question's own label is a sentence; its button says it short. */
const consentLabel = { ru: 'Согласен(на)', en: 'I agree' };

function choiceTexts(question: Question): { value: string; label: { ru: string; en: string } }[] {
  switch (question.kind) {
    case 'choice':
      return question.options;
    case 'yes-no':
      return [
        { value: 'yes', label: yesNoLabels.yes },
        { value: 'no', label: yesNoLabels.no },
      ];
    case 'consent':
      return [{ value: 'yes', label: consentLabel }];
    default:
      return [];
  }
}

/** The answers a chat offers as buttons for a question, in the reporter's language. */
export function choicesOf(question: Question, language: InterviewLanguage): Choice[] {
  return choiceTexts(question).map((choice) => ({
    value: choice.value,
    label: choice.label[language],
  }));
}

function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s.!]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a typed answer means for a question with choices: a typed label (in either language)
 * stands for its option. Anything else is passed on as typed, for the validation to refuse.
 */
function readTyped(question: Question, typed: string): string {
  const wanted = comparable(typed);
  const match = choiceTexts(question).find(
    (choice) =>
      comparable(choice.label.ru) === wanted ||
      comparable(choice.label.en) === wanted ||
      choice.value === wanted,
  );
  return match?.value ?? typed;
}

function isSkippable(question: Question): boolean {
  return question.kind !== 'consent' && question.required !== true;
}

type Before =
  | { ok: true; answers: Answers }
  | { ok: false; step: Step; answers: Answers; errors: AnswerError[] };

/** The answers of the steps before `stepId`, checked again as the web form checks them. */
function answersBefore(form: Questionnaire, raw: RawAnswers, stepId: string, now: Date): Before {
  let answers: Answers = {};
  let step = nextStep(form, answers, null);
  while (step !== null && step.id !== stepId) {
    const checked = validateStep(form, step.id, raw, now, answers);
    if (!checked.ok) return { ok: false, step, answers, errors: checked.errors };
    answers = { ...answers, ...checked.answers };
    step = nextStep(form, answers, step.id);
  }
  return { ok: true, answers };
}

function ask(interview: Interview, error?: AnswerError): InterviewTurn {
  return error === undefined ? { kind: 'ask', interview } : { kind: 'ask', interview, error };
}

/** The first question of the first step: a new interview. */
export function startInterview(form: Questionnaire, language: InterviewLanguage): Interview {
  const step = nextStep(form, {}, null);
  const question = step === null ? undefined : visibleQuestions(form, {}, step.id)[0];
  if (step === null || question === undefined) throw new RangeError('questionnaire asks nothing');
  return { language, raw: {}, stepId: step.id, questionId: question.id, revisiting: false };
}

/** Takes the reporter to the first failing question of a step, with its error. */
function revisit(
  interview: Interview,
  raw: Record<string, string>,
  step: Step,
  questions: Question[],
  errors: AnswerError[],
  after?: Question,
): InterviewTurn {
  const failing = questions.filter((question) =>
    errors.some((error) => error.questionId === question.id),
  );
  const start = after === undefined ? -1 : questions.indexOf(after);
  const target =
    failing.find((question) => questions.indexOf(question) > start) ?? failing[0] ?? questions[0];
  if (target === undefined) throw new RangeError(`step ${step.id} asks nothing`);
  const error = errors.find((candidate) => candidate.questionId === target.id);
  return ask(
    { ...interview, raw, stepId: step.id, questionId: target.id, revisiting: true },
    error,
  );
}

/**
 * The interview checked against the questionnaire as it is now: a stored interview may outlive
 * a new questionnaire version, or a question may no longer be shown. Earlier steps that no
 * longer hold are asked again, with their errors; a vanished question restarts its step.
 */
export function resumeInterview(
  form: Questionnaire,
  interview: Interview,
  now: Date,
): InterviewTurn {
  const step = form.steps.find((candidate) => candidate.id === interview.stepId);
  if (step === undefined) return ask(startInterview(form, interview.language));
  const before = answersBefore(form, interview.raw, step.id, now);
  if (!before.ok) {
    const questions = visibleQuestions(form, before.answers, before.step.id);
    return revisit(interview, interview.raw, before.step, questions, before.errors);
  }
  const questions = visibleQuestions(form, before.answers, step.id);
  if (questions.length === 0) return ask(startInterview(form, interview.language));
  if (questions.some((question) => question.id === interview.questionId)) return ask(interview);
  const first = questions[0];
  return ask({ ...interview, questionId: first?.id ?? '', revisiting: false });
}

/** The question the interview stands at, with what a chat needs to ask it. */
export function askedQuestion(form: Questionnaire, interview: Interview, now: Date): AskedQuestion {
  const step = form.steps.find((candidate) => candidate.id === interview.stepId);
  if (step === undefined) throw new RangeError(`questionnaire has no step ${interview.stepId}`);
  const before = answersBefore(form, interview.raw, step.id, now);
  const question = visibleQuestions(form, before.answers, step.id).find(
    (candidate) => candidate.id === interview.questionId,
  );
  if (question === undefined) {
    throw new RangeError(`step ${step.id} does not ask ${interview.questionId} now`);
  }
  // The step's own answers, where they already hold, show how many steps the path has.
  const own = validateStep(form, step.id, interview.raw, now, before.answers);
  const known = own.ok ? { ...before.answers, ...own.answers } : before.answers;
  return {
    step,
    question,
    position: progress(form, known, step.id) ?? { index: 1, total: 1 },
    choices: choicesOf(question, interview.language),
    skippable: isSkippable(question),
  };
}

/**
 * One answer to the question asked: a typed text, a chosen option's value, or an empty string
 * to skip. A wrong answer is refused with the same message the web form shows, and the same
 * question is asked again; nothing typed before is lost. A requirement that depends on another
 * answer of the step ("age or birth date") is checked when the step is done.
 */
export function answerInterview(
  form: Questionnaire,
  interview: Interview,
  typed: string,
  now: Date,
): InterviewTurn {
  const resumed = resumeInterview(form, interview, now);
  if (resumed.kind !== 'ask' || resumed.error !== undefined) return resumed;
  const current = resumed.interview;
  if (current.questionId !== interview.questionId || current.stepId !== interview.stepId) {
    return resumed;
  }
  const step = form.steps.find((candidate) => candidate.id === current.stepId);
  const before = step === undefined ? undefined : answersBefore(form, current.raw, step.id, now);
  if (step === undefined || before === undefined || !before.ok) return resumed;
  const questions = visibleQuestions(form, before.answers, step.id);
  const question = questions.find((candidate) => candidate.id === current.questionId);
  if (question === undefined) return resumed;

  const value = typed.trim() === '' ? '' : readTyped(question, typed);
  const raw: Record<string, string> = { ...current.raw };
  if (value === '') delete raw[question.id];
  else raw[question.id] = value;

  const checked = validateStep(form, step.id, raw, now, before.answers);
  const ownError = checked.ok
    ? undefined
    : checked.errors.find(
        (error) =>
          error.questionId === question.id &&
          !(error.code === 'REQUIRED' && typeof question.required !== 'boolean'),
      );
  if (ownError !== undefined) return ask(current, ownError);

  if (!current.revisiting) {
    const following = questions[questions.indexOf(question) + 1];
    if (following !== undefined) {
      return ask({ ...current, raw, questionId: following.id });
    }
  }
  if (!checked.ok) return revisit(current, raw, step, questions, checked.errors, question);

  const answers = { ...before.answers, ...checked.answers };
  const next = nextStep(form, answers, step.id);
  if (next === null) {
    const done = { ...current, raw, revisiting: false };
    return { kind: 'complete', interview: done, answers: raw };
  }
  const first = visibleQuestions(form, answers, next.id)[0];
  if (first === undefined) throw new RangeError(`step ${next.id} asks nothing`);
  return ask({ ...current, raw, stepId: next.id, questionId: first.id, revisiting: false });
}

/**
 * Takes the interview back to the first question a whole-report check refused (the report
 * intake checks everything again on submit), with its error.
 */
export function reopenInterview(
  form: Questionnaire,
  interview: Interview,
  errors: AnswerError[],
  now: Date,
): InterviewTurn {
  let answers: Answers = {};
  let step = nextStep(form, answers, null);
  while (step !== null) {
    const questions = visibleQuestions(form, answers, step.id);
    if (questions.some((question) => errors.some((error) => error.questionId === question.id))) {
      return revisit(interview, interview.raw, step, questions, errors);
    }
    const checked = validateStep(form, step.id, interview.raw, now, answers);
    if (!checked.ok) return revisit(interview, interview.raw, step, questions, checked.errors);
    answers = { ...answers, ...checked.answers };
    step = nextStep(form, answers, step.id);
  }
  return resumeInterview(form, interview, now);
}
