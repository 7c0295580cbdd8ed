import { placeFreeTextMaxLength } from './answers.ts';
import type { Question, Questionnaire } from './questionnaire.ts';

const dateLike = /^[0-9T:./+\- ]{1,32}$/;

function acceptable(question: Question, value: string): boolean {
  switch (question.kind) {
    case 'choice':
      return question.options.some((option) => option.value === value);
    case 'yes-no':
      return value === 'yes' || value === 'no';
    case 'date':
    case 'datetime':
      return dateLike.test(value);
    case 'text':
      return [...value].length <= question.maxLength && !/\p{Cc}/u.test(value);
    case 'place':
      return [...value].length <= placeFreeTextMaxLength && !/\p{Cc}/u.test(value);
    // Consent is given by the person, never by a link; his own words and his phone are typed
    // by him, so a link cannot put words in his mouth.
    case 'consent':
    case 'long-text':
    case 'phone':
      return false;
  }
}

/**
 * Answers a link may fill in before the person sees the form (the rights guide sends what he
 * told it): only questions the questionnaire has, only values that could be answers, each
 * shown on its page and checked again when he sends it. Everything else is dropped.
 */
export function prefilledAnswers(
  form: Questionnaire,
  offered: Readonly<Record<string, string>>,
): Record<string, string> {
  const prefill: Record<string, string> = {};
  for (const question of form.steps.flatMap((step) => step.questions)) {
    const value = Object.hasOwn(offered, question.id) ? offered[question.id]?.trim() : undefined;
    if (value !== undefined && value !== '' && acceptable(question, value)) {
      prefill[question.id] = value;
    }
  }
  return prefill;
}
