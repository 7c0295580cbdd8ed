import type { TFunction } from 'i18next';
import type { CaseFileResponse } from '../../contracts/cases.ts';
import {
  type PlaceKind,
  placeKinds,
  type Question,
  type Questionnaire,
} from '../../domain/intake/questionnaire.ts';
import type { Language } from '../i18n/i18n.ts';
import { formatDate, formatWallClock } from '../ui/format-date.ts';

/**
 * A case without a report has no code to quote, so it goes by the end of its id: the start of a
 * time-ordered id is the same for every case opened within the same minute or so.
 */
export function shortCaseId(caseId: string): string {
  return caseId.replace(/-/g, '').slice(-8);
}

export function caseName(caseId: string, report: { caseCode: string } | null): string {
  return report?.caseCode ?? shortCaseId(caseId);
}

function questionsOf(form: Questionnaire): Question[] {
  return form.steps.flatMap((step) => step.questions);
}

/** The reporter's answer to "what happened", in words; an unknown answer is shown as it is. */
export function situationLabel(form: Questionnaire, situation: string, language: Language): string {
  const question = questionsOf(form).find((candidate) => candidate.id === 'situation');
  if (question?.kind !== 'choice') return situation;
  const option = question.options.find((candidate) => candidate.value === situation);
  return option?.label[language] ?? situation;
}

type Answers = NonNullable<CaseFileResponse['report']>['answers'];
type AnswerValue = Answers[string];

function isPlaceKind(kind: string): kind is PlaceKind {
  return placeKinds.some((known) => known === kind);
}

export type AnswerRow = { questionId: string; label: string; value: string; long: boolean };

function answerText(
  question: Question | undefined,
  answer: AnswerValue,
  language: Language,
  t: TFunction,
): string {
  if (typeof answer !== 'string') {
    if ('freeText' in answer) return answer.freeText;
    const { placeKind, placeId } = answer;
    const kind = isPlaceKind(placeKind) ? t(`case.placeKinds.${placeKind}`) : placeKind;
    return `${kind}: ${placeId}`;
  }
  switch (question?.kind) {
    case 'choice':
      return question.options.find((option) => option.value === answer)?.label[language] ?? answer;
    case 'yes-no':
    case 'consent':
      if (answer === 'yes') return t('case.yes');
      return answer === 'no' ? t('case.no') : answer;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(answer) ? formatDate(answer, language) : answer;
    case 'datetime':
      return formatWallClock(answer, language);
    default:
      return answer;
  }
}

/**
 * The answers of a report in the order the questionnaire asks them, each under its question;
 * answers to questions the questionnaire no longer has follow, under their ids.
 */
export function answerRows(
  form: Questionnaire,
  answers: Answers,
  language: Language,
  t: TFunction,
): AnswerRow[] {
  const questions = questionsOf(form);
  const known = new Set(questions.map((question) => question.id));
  const asked = questions.filter((question) => Object.hasOwn(answers, question.id));
  const rest = Object.keys(answers).filter((questionId) => !known.has(questionId));
  return [
    ...asked.map((question) => ({ questionId: question.id, question })),
    ...rest.map((questionId) => ({ questionId, question: undefined })),
  ].flatMap(({ questionId, question }) => {
    const answer = answers[questionId];
    if (answer === undefined) return [];
    return [
      {
        questionId,
        label: question?.label[language] ?? questionId,
        value: answerText(question, answer, language, t),
        long: question?.kind === 'long-text',
      },
    ];
  });
}
