import {
  type AnswerErrorCode,
  type Answers,
  nextStep,
  type RawAnswers,
  validateStep,
} from '../intake/answers.ts';
import type { Step } from '../intake/questionnaire.ts';
import { addCalendarDays, addMonths, moscowDateOf } from '../rules/calendar-date.ts';
import { guideQuestionnaire } from './guide-questionnaire.ts';

type Text = { ru: string; en: string };

export type GuideErrorCode = AnswerErrorCode | 'OUT_OF_RANGE' | 'CONTRADICTION';

/** A problem with one answer, shown next to its field. */
export type GuideError = { questionId: string; code: GuideErrorCode; message: Text };

/**
 * Two answers that cannot both be true. The guide does not guess which one is wrong: it asks,
 * in plain words, and offers to change either.
 */
export type Contradiction = {
  id: string;
  /** The question asked earlier in the interview, and the later one, where it was noticed. */
  questionIds: [string, string];
  question: Text;
};

export type GuideCheck =
  | { ok: true; answers: Answers; reached: boolean; next: Step | null }
  | {
      ok: false;
      step: Step;
      /** The answers of the pages before `step`, which decide what it shows. */
      before: Answers;
      errors: GuideError[];
      contradictions: Contradiction[];
    };

/** The guide reasons about recent events only; older dates are far more often typing slips. */
const pastYears = 5;
/** "Detained now" means days, not months. */
const detentionDays = 30;

function text(value: Answers[string] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** DD.MM.YYYY, as people write dates in Russia (and as the hints ask). */
export function shownDate(value: string): string {
  return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
}

function shownDateTime(value: string): string {
  return `${shownDate(value)} ${value.slice(11, 16)}`;
}

type Range = { from: string; to: string };

function rangeOf(questionId: string, today: string): Range | null {
  switch (questionId) {
    case 'detained-at':
    case 'lawyer-refused-at':
      return { from: addCalendarDays(today, -detentionDays), to: today };
    case 'notice-appearance-date':
      return { from: addMonths(today, -12 * pastYears), to: addMonths(today, 12) };
    case 'notice-posted-on':
    case 'notice-signed-on':
    case 'decision-made-on':
    case 'decision-learned-on':
    case 'appeal-filed-on':
      return { from: addMonths(today, -12 * pastYears), to: today };
    default:
      return null;
  }
}

function rangeMessage(questionId: string, range: Range): Text {
  if (questionId === 'detained-at' || questionId === 'lawyer-refused-at') {
    return {
      ru: `Вы ответили, что задержаны сейчас: укажите дату не раньше ${shownDate(range.from)}.`,
      en: `You said you are held now: please give a date no earlier than ${shownDate(range.from)}.`,
    };
  }
  return {
    ru: `Укажите дату между ${shownDate(range.from)} и ${shownDate(range.to)}: помощник считает сроки только для недавних событий.`,
    en: `Please give a date between ${shownDate(range.from)} and ${shownDate(range.to)}: the guide works out periods for recent events only.`,
  };
}

/**
 * Dates the questionnaire accepts but the guide cannot reason about: too old, or too far ahead.
 * A date-time counts by its local day, as the person lived it.
 */
function rangeErrors(step: Step, answers: Answers, today: string): GuideError[] {
  return step.questions.flatMap((question) => {
    const value = text(answers[question.id]);
    const range = rangeOf(question.id, today);
    if (value === undefined || range === null) return [];
    const day = value.slice(0, 10);
    if (day >= range.from && day <= range.to) return [];
    return [
      { questionId: question.id, code: 'OUT_OF_RANGE', message: rangeMessage(question.id, range) },
    ];
  });
}

type Check = {
  id: string;
  questionIds: [string, string];
  /** The plain-language question, or null when these answers hold together. */
  ask(answers: Answers, today: string): Text | null;
};

/** A date answer `later` that falls before the date answer `earlier`. */
function order(
  id: string,
  earlier: string,
  later: string,
  ask: (first: string, second: string) => Text,
): Check {
  return {
    id,
    questionIds: [earlier, later],
    ask(answers) {
      const first = text(answers[earlier]);
      const second = text(answers[later]);
      if (first === undefined || second === undefined) return null;
      // Date-times carry their offsets; comparing the instants is what "before" means.
      const before = first.length > 10 ? Date.parse(second) < Date.parse(first) : second < first;
      return before ? ask(first, second) : null;
    },
  };
}

const checks: Check[] = [
  order('appeal-before-decision', 'decision-made-on', 'appeal-filed-on', (decided, filed) => ({
    ru: `Вы указали, что подали жалобу или иск ${shownDate(filed)}, а решение приняли ${shownDate(decided)}, то есть позже. Обжаловать решение, которого ещё нет, нельзя. Какая дата неверна?`,
    en: `You said you filed the complaint or claim on ${shownDate(filed)}, but the decision was made on ${shownDate(decided)}, later. A decision cannot be appealed before it exists. Which date is wrong?`,
  })),
  order(
    'learned-before-decision',
    'decision-made-on',
    'decision-learned-on',
    (decided, learned) => ({
      ru: `Вы указали, что узнали о решении ${shownDate(learned)}, а приняли его ${shownDate(decided)}, то есть позже. Какая дата неверна?`,
      en: `You said you learned of the decision on ${shownDate(learned)}, but it was made on ${shownDate(decided)}, later. Which date is wrong?`,
    }),
  ),
  order(
    'posted-after-appearance',
    'notice-posted-on',
    'notice-appearance-date',
    (posted, appearance) => ({
      ru: `Вы указали, что повестку разместили ${shownDate(posted)}, а явиться нужно ${shownDate(appearance)}, то есть раньше. Повестка не может вызывать на день до её появления. Какая дата неверна?`,
      en: `You said the notice was posted on ${shownDate(posted)}, but it calls you for ${shownDate(appearance)}, earlier. A notice cannot call you for a day before it existed. Which date is wrong?`,
    }),
  ),
  order(
    'signed-after-appearance',
    'notice-signed-on',
    'notice-appearance-date',
    (signed, appearance) => ({
      ru: `Вы указали, что повестку вручили ${shownDate(signed)}, а явиться нужно ${shownDate(appearance)}, то есть раньше. Какая дата неверна?`,
      en: `You said the notice was handed to you on ${shownDate(signed)}, but it calls you for ${shownDate(appearance)}, earlier. Which date is wrong?`,
    }),
  ),
  order('lawyer-before-detention', 'detained-at', 'lawyer-refused-at', (detained, refused) => ({
    ru: `Вы указали, что адвоката не пустили ${shownDateTime(refused)}, а задержали вас ${shownDateTime(detained)}, то есть позже. Какое время неверно?`,
    en: `You said the lawyer was refused at ${shownDateTime(refused)}, but you were detained at ${shownDateTime(detained)}, later. Which time is wrong?`,
  })),
  {
    id: 'appeared-before-appearance-date',
    questionIds: ['notice-appearance-date', 'notice-appeared'],
    ask(answers, today) {
      const appearance = text(answers['notice-appearance-date']);
      const appeared = text(answers['notice-appeared']);
      if (appearance === undefined || appeared === undefined) return null;
      if (appeared === 'not-yet' && appearance < today) {
        return {
          ru: `Вы ответили, что дата явки ещё не наступила, но указали ${shownDate(appearance)}, а этот день уже прошёл. Что верно?`,
          en: `You said the appearance date has not come, but you gave ${shownDate(appearance)}, which has passed. Which is right?`,
        };
      }
      if (appeared === 'no' && appearance > today) {
        return {
          ru: `Вы ответили, что дата явки прошла, но указали ${shownDate(appearance)}, а этот день ещё не наступил. Что верно?`,
          en: `You said the appearance date has passed, but you gave ${shownDate(appearance)}, which has not come yet. Which is right?`,
        };
      }
      return null;
    },
  },
];

/** The page a question is asked on. */
export function stepOfQuestion(questionId: string): Step | undefined {
  return guideQuestionnaire.steps.find((step) =>
    step.questions.some((question) => question.id === questionId),
  );
}

function askedOn(step: Step, questionId: string): boolean {
  return step.questions.some((question) => question.id === questionId);
}

/** Where a walk through the pages stops: after a page, before a page, or at the end. */
export type GuideStop = { through: string } | { before: string } | 'end';

/**
 * Walks the interview's pages in order, checking each as a form would post it: the
 * questionnaire's own validation, then the guide's date ranges, then answers that contradict an
 * earlier one. Stops at the first page with a problem, or where `stop` says. `reached` tells
 * whether the page named by `stop` is one the answers lead to; `next` is the page after the
 * walk. Never throws on what was typed.
 */
export function checkGuide(raw: RawAnswers, now: Date, stop: GuideStop): GuideCheck {
  const form = guideQuestionnaire;
  const today = moscowDateOf(now);
  const beforeIndex =
    typeof stop === 'object' && 'before' in stop
      ? form.steps.findIndex((candidate) => candidate.id === stop.before)
      : -1;
  let answers: Answers = {};
  let step = nextStep(form, answers, null);
  while (step !== null) {
    if (beforeIndex !== -1 && form.steps.indexOf(step) >= beforeIndex) {
      const reached = form.steps.indexOf(step) === beforeIndex;
      return { ok: true, answers, reached, next: step };
    }
    const checked = validateStep(form, step.id, raw, now, answers);
    if (!checked.ok) {
      return { ok: false, step, before: answers, errors: checked.errors, contradictions: [] };
    }
    const ranged = rangeErrors(step, checked.answers, today);
    if (ranged.length > 0) {
      return { ok: false, step, before: answers, errors: ranged, contradictions: [] };
    }
    const merged: Answers = { ...answers, ...checked.answers };
    const current = step;
    const contradictions = checks.flatMap((check): Contradiction[] => {
      const [, later] = check.questionIds;
      const question = askedOn(current, later) ? check.ask(merged, today) : null;
      return question === null ? [] : [{ id: check.id, questionIds: check.questionIds, question }];
    });
    if (contradictions.length > 0) {
      const errors = contradictions.map(
        (contradiction): GuideError => ({
          questionId: contradiction.questionIds[1],
          code: 'CONTRADICTION',
          message: contradiction.question,
        }),
      );
      return { ok: false, step, before: answers, errors, contradictions };
    }
    answers = merged;
    const following = nextStep(form, answers, step.id);
    if (typeof stop === 'object' && 'through' in stop && step.id === stop.through) {
      return { ok: true, answers, reached: true, next: following };
    }
    step = following;
  }
  return { ok: true, answers, reached: stop === 'end', next: null };
}
