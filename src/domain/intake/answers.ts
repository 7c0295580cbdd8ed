import { isCalendarDate } from '../rules/calendar-date.ts';
import type { DataClass } from '../sealing/data-class.ts';
import {
  type AnswerCondition,
  type PlaceKind,
  placeKinds,
  type Question,
  type Questionnaire,
  type Step,
} from './questionnaire.ts';

/** A place chosen from the organisation's list, or typed because the list lacks it. */
export type PlaceAnswer = { placeKind: PlaceKind; placeId: string } | { freeText: string };
export type AnswerValue = string | PlaceAnswer;
/** Normalised answers by question id; a question left empty has no entry. */
export type Answers = Readonly<Record<string, AnswerValue>>;
/** Answers as a form posts them: strings by question id, with whatever else the form sends. */
export type RawAnswers = Readonly<Record<string, string>>;

export type AnswerErrorCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'NOT_AN_OPTION'
  | 'INVALID_DATE'
  | 'DATE_IN_FUTURE'
  | 'INVALID_PHONE'
  | 'CONSENT_REQUIRED'
  | 'UNKNOWN_QUESTION';

export type AnswerError = {
  questionId: string;
  code: AnswerErrorCode;
  message: { ru: string; en: string };
};

export type AnswersValidation =
  | { ok: true; answers: Answers }
  | { ok: false; errors: AnswerError[] };

/** Free text typed instead of a place: as long as an address needs, no longer. */
export const placeFreeTextMaxLength = 200;
/**
 * A reporter reads the time of a detention off his own phone, which may run a few minutes ahead
 * of the server: refusing "just now" would lose a report over a clock.
 */
const clockSkewMs = 5 * 60_000;
const earliestYear = 1900;

function has(answers: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.hasOwn(answers, id) && answers[id] !== undefined;
}

function answerTo(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** Whether a condition holds for the answers; an unanswered question equals nothing. */
function holds(condition: AnswerCondition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((part) => holds(part, answers));
  if ('any' in condition) return condition.any.some((part) => holds(part, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  if ('answered' in condition) return has(answers, condition.answered);
  if ('equals' in condition) {
    return answerTo(answers, condition.equals.question) === condition.equals.value;
  }
  const value = answerTo(answers, condition.in.question);
  return typeof value === 'string' && condition.in.values.includes(value);
}

function askedIn(step: Step, earlier: Answers): Question[] {
  if (step.when !== undefined && !holds(step.when, earlier)) return [];
  return step.questions.filter(
    (question) => question.when === undefined || holds(question.when, earlier),
  );
}

type Walk = {
  shown: { step: Step; questions: Question[] }[];
  /** The answers that count: those to questions shown. */
  counted: Record<string, AnswerValue>;
};

/**
 * The steps shown for these answers, in order, each with its questions shown. Only answers to
 * questions shown count: an answer left behind on a path the reporter turned away from (he went
 * back and chose "a notice" instead of "detained") neither shows nor hides anything.
 */
function walk(form: Questionnaire, answers: Answers, beforeStepId?: string): Walk {
  const shown: Walk['shown'] = [];
  const counted: Record<string, AnswerValue> = {};
  for (const step of form.steps) {
    if (step.id === beforeStepId) break;
    const questions = askedIn(step, counted);
    if (questions.length === 0) continue;
    shown.push({ step, questions });
    for (const question of questions) {
      const value = answerTo(answers, question.id);
      if (value !== undefined) counted[question.id] = value;
    }
  }
  return { shown, counted };
}

function stepById(form: Questionnaire, stepId: string): Step {
  const found = form.steps.find((step) => step.id === stepId);
  if (found === undefined) throw new RangeError(`questionnaire has no step ${stepId}`);
  return found;
}

/** The steps the reporter goes through given his answers so far, in order. */
export function visibleSteps(form: Questionnaire, answers: Answers): Step[] {
  return walk(form, answers).shown.map(({ step }) => step);
}

/** The questions of a step shown for the answers of earlier steps; empty when the step is skipped. */
export function visibleQuestions(
  form: Questionnaire,
  answers: Answers,
  stepId: string,
): Question[] {
  const step = stepById(form, stepId);
  return askedIn(step, walk(form, answers, stepId).counted);
}

/**
 * The step after `currentStepId` (the first step when null), skipping steps whose condition
 * does not hold; null after the last. Throws on a step id the questionnaire lacks.
 */
export function nextStep(
  form: Questionnaire,
  answers: Answers,
  currentStepId: string | null,
): Step | null {
  const shown = visibleSteps(form, answers);
  if (currentStepId === null) return shown[0] ?? null;
  const current = form.steps.indexOf(stepById(form, currentStepId));
  return shown.find((step) => form.steps.indexOf(step) > current) ?? null;
}

/** The step before `currentStepId` among those shown, for a "back" link; null at the first. */
export function previousStep(
  form: Questionnaire,
  answers: Answers,
  currentStepId: string,
): Step | null {
  const current = form.steps.indexOf(stepById(form, currentStepId));
  return visibleSteps(form, answers).findLast((step) => form.steps.indexOf(step) < current) ?? null;
}

/**
 * Where a step stands among the steps shown: `index` counts from 1. The total grows as answers
 * open a path (a detention asks more than a notice); null for a step not shown.
 */
export function progress(
  form: Questionnaire,
  answers: Answers,
  stepId: string,
): { index: number; total: number } | null {
  const shown = visibleSteps(form, answers);
  const index = shown.findIndex((step) => step.id === stepId);
  return index === -1 ? null : { index: index + 1, total: shown.length };
}

const messages: Record<Exclude<AnswerErrorCode, 'TOO_LONG'>, { ru: string; en: string }> = {
  REQUIRED: { ru: 'Ответьте, пожалуйста, на этот вопрос.', en: 'Please answer this question.' },
  NOT_AN_OPTION: {
    ru: 'Выберите один из предложенных вариантов.',
    en: 'Please choose one of the options given.',
  },
  INVALID_DATE: {
    ru: 'Не получилось прочитать дату. Напишите её так: 14.03.2025.',
    en: 'We could not read this date. Please write it like 14.03.2025.',
  },
  DATE_IN_FUTURE: {
    ru: 'Эта дата ещё не наступила. Проверьте её, пожалуйста.',
    en: 'This date has not come yet. Please check it.',
  },
  INVALID_PHONE: {
    ru: 'Не получилось прочитать номер. Напишите его так: +7 916 123-45-67.',
    en: 'We could not read this number. Please write it like +7 916 123-45-67.',
  },
  CONSENT_REQUIRED: {
    ru: 'Без вашего согласия мы не можем сохранить сообщение и помочь.',
    en: 'Without your consent we cannot store the report and help.',
  },
  UNKNOWN_QUESTION: {
    ru: 'В анкете нет такого вопроса.',
    en: 'The questionnaire has no such question.',
  },
};

const dateTimeMessages = {
  INVALID_DATE: {
    ru: 'Не получилось прочитать дату и время. Напишите так: 14.03.2025 08:30.',
    en: 'We could not read this date and time. Please write it like 14.03.2025 08:30.',
  },
  DATE_IN_FUTURE: {
    ru: 'Это время ещё не наступило. Проверьте дату и время, пожалуйста.',
    en: 'This time has not come yet. Please check the date and time.',
  },
};

function error(question: Question, code: AnswerErrorCode, maxLength = 0): AnswerError {
  if (code === 'TOO_LONG') {
    return {
      questionId: question.id,
      code,
      message: {
        ru: `Слишком длинный ответ: не больше ${maxLength} знаков.`,
        en: `This answer is too long: ${maxLength} characters at most.`,
      },
    };
  }
  if (code === 'REQUIRED' && question.requiredMessage !== undefined) {
    return { questionId: question.id, code, message: question.requiredMessage };
  }
  if (question.kind === 'datetime' && (code === 'INVALID_DATE' || code === 'DATE_IN_FUTURE')) {
    return { questionId: question.id, code, message: dateTimeMessages[code] };
  }
  return { questionId: question.id, code, message: messages[code] };
}

type Normalised =
  | { ok: true; value: AnswerValue | undefined }
  | { ok: false; code: AnswerErrorCode; maxLength?: number };

const empty: Normalised = { ok: true, value: undefined };

/**
 * One line of text: control characters become spaces, runs of spaces one space, Unicode in NFC
 * (the same name typed on two keyboards compares equal), no spaces around.
 */
function oneLine(raw: string): string {
  return raw
    .replace(/\p{Cc}/gu, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Free text keeps its lines (a form posts CRLF) and drops other control characters. */
function manyLines(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .normalize('NFC')
    .trim();
}

function lengthOf(value: string): number {
  return [...value].length;
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** Today's date where the questionnaire's reporters are, as YYYY-MM-DD. */
function todayAt(now: Date, offset: string): string {
  return new Date(now.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
}

function pad(value: string): string {
  return value.padStart(2, '0');
}

/** YYYY-MM-DD from the ISO form a date input posts, or the D.M.YYYY a person types. */
function calendarDate(year: string, month: string, day: string): string | undefined {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) && Number(year) >= earliestYear ? date : undefined;
}

function parseDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (iso !== null) return calendarDate(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');
  const typed = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(raw);
  if (typed !== null) return calendarDate(typed[3] ?? '', typed[2] ?? '', typed[1] ?? '');
  return undefined;
}

const isoDateTime =
  /^(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?: ?(Z|[+-]\d{2}:?\d{2}))?$/i;
const typedDateTime = /^(\d{1,2}[./]\d{1,2}[./]\d{4}),? +(\d{1,2})[:.](\d{2})$/;

/**
 * A date-time to the minute with its offset, `YYYY-MM-DDTHH:MM:00+03:00`: the time as the
 * reporter lived it, and the instant. Seconds are dropped: nobody knows them.
 */
function parseDateTime(
  raw: string,
  defaultOffset: string,
): { value: string; instant: number } | undefined {
  const iso = isoDateTime.exec(raw);
  const match = iso ?? typedDateTime.exec(raw);
  if (match === null) return undefined;
  const [, dateText = '', hourText = '', minuteText = ''] = match;
  const secondText = iso?.[4];
  const offsetText = iso?.[5];
  const date = parseDate(dateText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (date === undefined || hour > 23 || minute > 59 || Number(secondText ?? 0) > 59) {
    return undefined;
  }
  let offset = defaultOffset;
  if (offsetText !== undefined) {
    if (offsetText.toUpperCase() === 'Z') {
      offset = '+00:00';
    } else {
      const digits = offsetText.replace(':', '');
      offset = `${digits.slice(0, 3)}:${digits.slice(3)}`;
      if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3)) > 59) return undefined;
    }
  }
  const wallClock = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
    minute,
  );
  return {
    value: `${date}T${pad(String(hour))}:${pad(minuteText)}:00${offset}`,
    instant: wallClock - offsetMinutes(offset) * 60_000,
  };
}

/**
 * Digits with a leading +. A Russian number is written 8 916 …, +7 916 … or 916 … without the
 * country: all three become +7916…. Other countries need their + (or 00).
 */
function parsePhone(raw: string): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(raw)) return undefined;
  const phone = internationalForm(raw.startsWith('+'), raw.replace(/\D/g, ''));
  return phone !== undefined && /^\+[1-9]\d{7,14}$/.test(phone) ? phone : undefined;
}

function internationalForm(withPlus: boolean, digits: string): string | undefined {
  if (withPlus) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (/^[78]\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  // Without its 8: area codes start with 3, 4 or 8, mobiles with 9. No area code starts with 89,
  // so 89… is a mobile written with its 8 and missing a digit.
  if (/^[3489]\d{9}$/.test(digits) && !digits.startsWith('89')) return `+7${digits}`;
  return undefined;
}

const placeIdPattern = /^([a-z]+(?:-[a-z]+)*):([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;

/**
 * A place answer is posted as `<kind>:<id>` when chosen from the list (the form's option value)
 * and as the text itself when typed. Whether the id exists is the caller's to check: the list of
 * places belongs to the organisation, not to the questionnaire.
 */
function parsePlace(question: Question & { kind: 'place' }, raw: string): Normalised {
  const value = oneLine(raw);
  if (value === '') return empty;
  const match = placeIdPattern.exec(value);
  const kind = placeKinds.find((candidate) => candidate === match?.[1]);
  if (match !== null && kind !== undefined) {
    return question.placeKinds.includes(kind)
      ? { ok: true, value: { placeKind: kind, placeId: match[2] ?? '' } }
      : { ok: false, code: 'NOT_AN_OPTION' };
  }
  return lengthOf(value) > placeFreeTextMaxLength
    ? { ok: false, code: 'TOO_LONG', maxLength: placeFreeTextMaxLength }
    : { ok: true, value: { freeText: value } };
}

const consentGiven = new Set(['yes', 'on', 'true']);

function normalise(form: Questionnaire, question: Question, raw: string, now: Date): Normalised {
  switch (question.kind) {
    case 'text':
    case 'long-text': {
      const value = question.kind === 'text' ? oneLine(raw) : manyLines(raw);
      if (value === '') return empty;
      return lengthOf(value) > question.maxLength
        ? { ok: false, code: 'TOO_LONG', maxLength: question.maxLength }
        : { ok: true, value };
    }
    case 'choice':
    case 'yes-no': {
      const value = raw.trim();
      if (value === '') return empty;
      const values =
        question.kind === 'choice' ? question.options.map((option) => option.value) : ['yes', 'no'];
      return values.includes(value) ? { ok: true, value } : { ok: false, code: 'NOT_AN_OPTION' };
    }
    case 'consent': {
      const value = raw.trim();
      if (value === '') return empty;
      return consentGiven.has(value.toLowerCase())
        ? { ok: true, value: 'yes' }
        : { ok: false, code: 'CONSENT_REQUIRED' };
    }
    case 'date': {
      const value = raw.trim();
      if (value === '') return empty;
      const date = parseDate(value);
      if (date === undefined) return { ok: false, code: 'INVALID_DATE' };
      if (question.allowFuture !== true && date > todayAt(now, form.defaultOffset)) {
        return { ok: false, code: 'DATE_IN_FUTURE' };
      }
      return { ok: true, value: date };
    }
    case 'datetime': {
      const value = raw.trim();
      if (value === '') return empty;
      const parsed = parseDateTime(value, form.defaultOffset);
      if (parsed === undefined) return { ok: false, code: 'INVALID_DATE' };
      if (question.allowFuture !== true && parsed.instant > now.getTime() + clockSkewMs) {
        return { ok: false, code: 'DATE_IN_FUTURE' };
      }
      return { ok: true, value: parsed.value };
    }
    case 'phone': {
      const value = raw.trim();
      if (value === '') return empty;
      const phone = parsePhone(value);
      return phone === undefined
        ? { ok: false, code: 'INVALID_PHONE' }
        : { ok: true, value: phone };
    }
    case 'place':
      return parsePlace(question, raw);
  }
}

function rawValue(raw: RawAnswers, id: string): string {
  const value: unknown = Object.hasOwn(raw, id) ? raw[id] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Checks the questions a step shows, given the answers counted before it. */
function checkStep(
  form: Questionnaire,
  questions: Question[],
  raw: RawAnswers,
  now: Date,
  earlier: Answers,
): { answers: Record<string, AnswerValue>; errors: AnswerError[] } {
  const answers: Record<string, AnswerValue> = {};
  const failed = new Map<string, Normalised & { ok: false }>();
  // What a `required` condition reads: earlier answers and this step's, a wrong answer counting
  // as answered (it gets its own error; it should not also make a neighbour required).
  const context: Record<string, AnswerValue> = { ...earlier };
  for (const question of questions) {
    const text = rawValue(raw, question.id);
    const result = normalise(form, question, text, now);
    if (result.ok) {
      if (result.value !== undefined) {
        answers[question.id] = result.value;
        context[question.id] = result.value;
      }
    } else {
      failed.set(question.id, result);
      context[question.id] = text.trim();
    }
  }
  const errors: AnswerError[] = [];
  for (const question of questions) {
    const failure = failed.get(question.id);
    if (failure !== undefined) {
      errors.push(error(question, failure.code, failure.maxLength));
      continue;
    }
    if (has(answers, question.id)) continue;
    if (question.kind === 'consent') {
      errors.push(error(question, 'CONSENT_REQUIRED'));
      continue;
    }
    const required =
      typeof question.required === 'boolean'
        ? question.required
        : holds(question.required, context);
    if (required) errors.push(error(question, 'REQUIRED'));
  }
  return { answers, errors };
}

/**
 * Validates and normalises the answers of one step as posted by a form or a bot: trimmed,
 * dates YYYY-MM-DD, date-times YYYY-MM-DDTHH:MM:00±HH:MM, phones +digits. `previous` holds the
 * answers of earlier steps, which decide the questions shown; answers to questions not shown,
 * and fields that are not questions (a form token), are left out. A step that is not shown
 * gives no answers. Never throws on what a reporter typed; throws on a step id it lacks.
 */
export function validateStep(
  form: Questionnaire,
  stepId: string,
  rawAnswers: RawAnswers,
  now: Date,
  previous: Answers,
): AnswersValidation {
  const step = stepById(form, stepId);
  const earlier = walk(form, previous, stepId).counted;
  const questions = askedIn(step, earlier);
  const { answers, errors } = checkStep(form, questions, rawAnswers, now, earlier);
  return errors.length === 0 ? { ok: true, answers } : { ok: false, errors };
}

/**
 * Validates a whole report at once, as the JSON API receives it: every step shown for these
 * answers, in order. An id that is no question of the questionnaire is refused; an answer to a
 * question not shown (another path's) is left out, so it is never stored.
 */
export function validateAll(
  form: Questionnaire,
  rawAnswers: RawAnswers,
  now: Date,
): AnswersValidation {
  const known = new Set(
    form.steps.flatMap((step) => step.questions.map((question) => question.id)),
  );
  const errors: AnswerError[] = Object.keys(rawAnswers)
    .filter((id) => !known.has(id))
    .map((id) => ({
      questionId: id,
      code: 'UNKNOWN_QUESTION',
      message: messages.UNKNOWN_QUESTION,
    }));
  const answers: Record<string, AnswerValue> = {};
  for (const step of form.steps) {
    const questions = askedIn(step, answers);
    if (questions.length === 0) continue;
    const checked = checkStep(form, questions, rawAnswers, now, answers);
    Object.assign(answers, checked.answers);
    errors.push(...checked.errors);
  }
  return errors.length === 0 ? { ok: true, answers } : { ok: false, errors };
}

/** Answers back as a form would post them: to show a step again with what was typed. */
export function rawAnswersOf(answers: Answers): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers)) {
    if (typeof value === 'string') raw[id] = value;
    else raw[id] = 'freeText' in value ? value.freeText : `${value.placeKind}:${value.placeId}`;
  }
  return raw;
}

/** The class of one answer: a place typed by hand is personal even where a place id is not. */
function classOf(question: Question, value: AnswerValue): DataClass {
  if (typeof value !== 'string' && 'freeText' in value) return 'personal';
  return question.dataClass;
}

function answersOfClass(form: Questionnaire, answers: Answers, wanted: DataClass): Answers {
  const selected: Record<string, AnswerValue> = {};
  for (const question of form.steps.flatMap((step) => step.questions)) {
    const value = answerTo(answers, question.id);
    if (value !== undefined && classOf(question, value) === wanted) selected[question.id] = value;
  }
  return selected;
}

/** The answers to seal with the case key: names, phones, birth dates, anything typed. */
export function personalAnswers(form: Questionnaire, answers: Answers): Answers {
  return answersOfClass(form, answers, 'personal');
}

/** The answers kept in clear for alerts, rules and statistics: choices, place ids, times. */
export function operationalAnswers(form: Questionnaire, answers: Answers): Answers {
  return answersOfClass(form, answers, 'operational');
}
