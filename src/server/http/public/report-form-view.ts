import type { AnswerError } from '../../../domain/intake/answers.ts';
import type { Question, Questionnaire, Step } from '../../../domain/intake/questionnaire.ts';
import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';

/** The honeypot: hidden by a class, so only a program that fills every field fills it. */
export const honeypotField = 'website';
/** Answers travel as `a.<questionId>`, apart from the form's own fields. */
export const answerPrefix = 'a.';

const texts = {
  ru: {
    step: (index: number, total: number) => `Шаг ${index} из ${total}`,
    next: 'Далее',
    back: 'Назад',
    send: 'Отправить',
    errorTitle: 'Проверьте ответы',
    errorPrefix: 'Ошибка',
    dateHint: 'Можно также написать дату так: ДД.ММ.ГГГГ.',
    placeHint: 'Напишите название или адрес.',
    optionalHint: 'Если не знаете, оставьте пустым.',
    honeypot: 'Оставьте это поле пустым',
    yes: 'Да',
    no: 'Нет',
    tooFastTitle: 'Проверьте, пожалуйста, ответы',
    tooFast: 'Проверьте ответы и нажмите «Отправить» ещё раз. Пока ничего не сохранено.',
    switchLabel: 'English',
  },
  en: {
    step: (index: number, total: number) => `Step ${index} of ${total}`,
    next: 'Next',
    back: 'Back',
    send: 'Send',
    errorTitle: 'Please check your answers',
    errorPrefix: 'Error',
    dateHint: 'You can also type the date as DD.MM.YYYY.',
    placeHint: 'Type the name or the address.',
    optionalHint: 'Leave empty if you do not know.',
    honeypot: 'Leave this field empty',
    yes: 'Yes',
    no: 'No',
    tooFastTitle: 'Please check your answers',
    tooFast: 'Please check your answers and press “Send” again. Nothing has been stored yet.',
    switchLabel: 'Русский',
  },
} satisfies Record<Language, Record<string, unknown>>;

export type StepView = {
  language: Language;
  questionnaire: Questionnaire;
  step: Step;
  /** The step's questions shown for the answers so far. */
  questions: Question[];
  position: { index: number; total: number };
  isFirst: boolean;
  isLast: boolean;
  /** Everything typed so far, by question id, as the form posted it. */
  raw: Readonly<Record<string, string>>;
  errors: AnswerError[];
  /** The final submit came sooner than a person fills the form. */
  tooFast: boolean;
  csrfToken: string;
  started: string;
};

/** What one question needs to be drawn: the guide's pages draw their questions the same way. */
export type QuestionView = {
  language: Language;
  raw: Readonly<Record<string, string>>;
  errors: readonly { questionId: string; message: { ru: string; en: string } }[];
};

export const fieldId = (question: Question) => `q-${question.id}`;

/** A `datetime-local` input shows only `YYYY-MM-DDTHH:MM`; a stored answer carries an offset. */
function shownValue(question: Question, raw: string): string {
  if (question.kind === 'datetime') {
    const stored = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00[+-]\d{2}:\d{2}$/.exec(raw);
    if (stored !== null) return stored[1] ?? raw;
  }
  return raw;
}

function describedBy(ids: (string | null)[]): Html {
  const present = ids.filter((id): id is string => id !== null);
  return present.length === 0 ? html`` : html` aria-describedby="${present.join(' ')}"`;
}

function optionsOf(question: Question, language: Language): { value: string; label: string }[] {
  if (question.kind === 'choice') {
    return question.options.map((option) => ({
      value: option.value,
      label: option.label[language],
    }));
  }
  const t = texts[language];
  return [
    { value: 'yes', label: t.yes },
    { value: 'no', label: t.no },
  ];
}

/** One question as form fields, with its hint and its error next to it. */
export function renderQuestion(view: QuestionView, question: Question): Html {
  const { language } = view;
  const t = texts[language];
  const id = fieldId(question);
  const error = view.errors.find((candidate) => candidate.questionId === question.id);
  // Places come from the organisation's list, which the web form cannot offer yet: the
  // questionnaire's "choose from the list" would point at nothing, so a place asks for text.
  const hintText =
    question.kind === 'place'
      ? [t.placeHint, question.required === false ? t.optionalHint : null].filter(Boolean).join(' ')
      : [question.hint?.[language], question.kind === 'date' ? t.dateHint : null]
          .filter(Boolean)
          .join(' ');
  const hintId = hintText === '' ? null : `${id}-hint`;
  const errorId = error === undefined ? null : `${id}-error`;
  const hint = hintId === null ? html`` : html`<p class="hint" id="${hintId}">${hintText}</p>`;
  const errorLine =
    error === undefined
      ? html``
      : html`<p class="field-error" id="${errorId ?? ''}"><span class="visually-hidden">${t.errorPrefix}: </span>${error.message[language]}</p>`;
  const value = shownValue(question, view.raw[question.id] ?? '');
  const name = `${answerPrefix}${question.id}`;
  const required = question.required === true ? html` required` : html``;
  const invalid = error === undefined ? html`` : html` aria-invalid="true"`;
  const fieldClass = error === undefined ? 'field' : 'field field-invalid';

  if (question.kind === 'choice' || question.kind === 'yes-no') {
    const options = optionsOf(question, language);
    const radios = options.map((option, index) => {
      const optionId = index === 0 ? id : `${id}-${option.value}`;
      const checked = option.value === value ? html` checked` : html``;
      return html`<div class="option"><input type="radio" id="${optionId}" name="${name}" value="${option.value}"${checked}${required}${invalid}><label for="${optionId}">${option.label}</label></div>`;
    });
    const many = options.length > 6 ? ' options-many' : '';
    return html`<fieldset class="${fieldClass}"${describedBy([hintId, errorId])}>
<legend>${question.label[language]}</legend>
${hint}${errorLine}<div class="options${many}">${radios}</div>
</fieldset>`;
  }

  if (question.kind === 'consent') {
    const textId = `${id}-text`;
    const checked = value === '' ? html`` : html` checked`;
    return html`<div class="${fieldClass}">
<p class="consent-text" id="${textId}">${question.consentText[language]}</p>
${errorLine}<div class="option"><input type="checkbox" id="${id}" name="${name}" value="yes"${checked} required${invalid}${describedBy([textId, errorId])}><label for="${id}">${question.label[language]}</label></div>
</div>`;
  }

  const label = html`<label for="${id}">${question.label[language]}</label>`;
  const attributes = html`id="${id}" name="${name}"${required}${invalid}${describedBy([hintId, errorId])}`;
  let input: Html;
  switch (question.kind) {
    case 'long-text':
      input = html`<textarea ${attributes} rows="6" maxlength="${question.maxLength}">${value}</textarea>`;
      break;
    case 'date':
      input = html`<input type="date" ${attributes} value="${value}" autocomplete="off">`;
      break;
    case 'datetime':
      input = html`<input type="datetime-local" ${attributes} value="${value}" autocomplete="off">`;
      break;
    case 'phone':
      input = html`<input type="tel" ${attributes} value="${value}" autocomplete="off">`;
      break;
    case 'text':
      input = html`<input type="text" ${attributes} value="${value}" maxlength="${question.maxLength}" autocomplete="off">`;
      break;
    case 'place':
      input = html`<input type="text" ${attributes} value="${value}" autocomplete="off">`;
      break;
  }
  return html`<div class="${fieldClass}">${label}${hint}${errorLine}${input}</div>`;
}

function errorSummary(view: StepView): Html {
  const t = texts[view.language];
  if (view.tooFast) {
    return html`<section class="notice" aria-labelledby="notice-title">
<h2 id="notice-title">${t.tooFastTitle}</h2>
<p>${t.tooFast}</p>
</section>`;
  }
  if (view.errors.length === 0) return html``;
  const byQuestion = new Map(view.questions.map((question) => [question.id, question]));
  const items = view.errors.map((error) => {
    const question = byQuestion.get(error.questionId);
    const message = error.message[view.language];
    if (question === undefined) return html`<li><a href="#report-form">${message}</a></li>`;
    // The summary names the question: the same message may stand for two of them.
    return html`<li><a href="#${fieldId(question)}">${question.label[view.language]} — ${message}</a></li>`;
  });
  return html`<section class="error-summary" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.errorTitle}</h2>
<ul>${items}</ul>
</section>`;
}

/**
 * One step of the questionnaire as a plain HTML form. What was answered on other steps travels
 * in hidden fields, so the server keeps nothing until the final submit.
 */
export function renderStep(view: StepView): { title: string; body: Html; languageSwitch: Html } {
  const t = texts[view.language];
  const shown = new Set(view.questions.map((question) => question.id));
  const carried = Object.entries(view.raw)
    .filter(([id]) => !shown.has(id))
    .map(([id, value]) => html`<input type="hidden" name="${answerPrefix}${id}" value="${value}">`);
  const stepTitle = view.step.title[view.language];
  const hasProblem = view.errors.length > 0 || view.tooFast;
  const back = view.isFirst
    ? html``
    : html` <button type="submit" name="nav" value="back" class="secondary">${t.back}</button>`;
  const body = html`<p class="progress">${t.step(view.position.index, view.position.total)}</p>
<h1>${stepTitle}</h1>
${errorSummary(view)}
<form id="report-form" method="post" action="/report" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="lang" value="${view.language}">
<input type="hidden" name="step" value="${view.step.id}">
<input type="hidden" name="started" value="${view.started}">
${carried}
${view.questions.map((question) => renderQuestion(view, question))}
<div class="trap"><label for="${honeypotField}">${t.honeypot}</label><input type="text" id="${honeypotField}" name="${honeypotField}" tabindex="-1" autocomplete="off"></div>
<div class="form-nav"><button type="submit" name="nav" value="next" class="primary">${view.isLast ? t.send : t.next}</button>${back}</div>
</form>`;
  const other: Language = view.language === 'ru' ? 'en' : 'ru';
  const languageSwitch = html`<button type="submit" form="report-form" name="nav" value="language" class="lang link-button" lang="${other}">${t.switchLabel}</button>`;
  const title = `${hasProblem ? `${t.errorPrefix}: ` : ''}${stepTitle} — ${view.questionnaire.title[view.language]}`;
  return { title, body, languageSwitch };
}
