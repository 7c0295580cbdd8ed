import {
  type DocumentFieldName,
  documentFields,
  type FieldProblem,
} from '../../../domain/documents/document-field.ts';
import type { DocumentTemplate } from '../../../domain/documents/document-template.ts';
import type { Language } from '../language.ts';
import { answersQuery } from './guide-view.ts';
import { type Html, html } from './html.ts';
import { answerPrefix } from './report-form-view.ts';

/** Document fields travel as `f.<field>`, apart from the guide's answers (`a.<question>`). */
export const documentFieldPrefix = 'f.';

const texts = {
  ru: {
    back: 'Вернуться к вашей странице',
    lead: 'Проверьте и впишите недостающее. Документ собирается на сервере и сразу отдаётся вам: ни ответы, ни документ не сохраняются и не попадают в журналы.',
    required: 'обязательно',
    groundsHint:
      'Можно оставить пустым: правовые основания подставятся из правил с их источниками.',
    errorTitle: 'Не хватает сведений для документа',
    errorPrefix: 'Ошибка',
    pdf: 'Скачать PDF',
    docx: 'Скачать DOCX (Word)',
    switchLabel: 'English',
  },
  en: {
    back: 'Back to your page',
    lead: 'Check and fill in what is missing. The document is put together on the server and handed to you at once: neither your answers nor the document are stored or logged.',
    required: 'required',
    groundsHint: 'May be left empty: the legal grounds come from the rules, with their sources.',
    errorTitle: 'The document needs more details',
    errorPrefix: 'Error',
    pdf: 'Download PDF',
    docx: 'Download DOCX (Word)',
    switchLabel: 'Русский',
  },
} as const;

/** Filled by the server itself: the document is dated the day it is made. */
const automatic: ReadonlySet<DocumentFieldName> = new Set(['document.date']);

const fieldId = (field: DocumentFieldName) => `f-${field.replace(/\./g, '-')}`;

export type GuideDocumentView = {
  language: Language;
  template: DocumentTemplate;
  /** The guide's answers, carried so that the document can be made from them. */
  raw: Readonly<Record<string, string>>;
  /** What each field holds now: the guide's answers, then what was typed. */
  values: Readonly<Record<string, string>>;
  problems: FieldProblem[];
  csrfToken: string;
};

function renderField(view: GuideDocumentView, field: DocumentFieldName, required: boolean): Html {
  const t = texts[view.language];
  const definition = documentFields[field];
  const id = fieldId(field);
  const problem = view.problems.find((candidate) => candidate.field === field);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const isGrounds = field === 'grounds';
  const describedBy = [isGrounds ? hintId : null, problem === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');
  const attributes = html`id="${id}" name="${documentFieldPrefix}${field}"${
    describedBy === '' ? html`` : html` aria-describedby="${describedBy}"`
  }${problem === undefined ? html`` : html` aria-invalid="true"`}${
    required && !isGrounds ? html` required` : html``
  }`;
  const value = view.values[field] ?? '';
  let input: Html;
  switch (definition.type) {
    case 'date':
      input = html`<input type="date" ${attributes} value="${value}" autocomplete="off">`;
      break;
    case 'time':
      input = html`<input type="time" ${attributes} value="${value}" autocomplete="off">`;
      break;
    case 'long-text':
      input = html`<textarea ${attributes} rows="6">${value}</textarea>`;
      break;
    default:
      input = html`<input type="text" ${attributes} value="${value}" autocomplete="off">`;
  }
  const mark = required && !isGrounds ? html` <span class="muted">(${t.required})</span>` : html``;
  const hint = isGrounds ? html`<p class="hint" id="${hintId}">${t.groundsHint}</p>` : html``;
  const error =
    problem === undefined
      ? html``
      : html`<p class="field-error" id="${errorId}"><span class="visually-hidden">${t.errorPrefix}: </span>${problem.message[view.language]}</p>`;
  return html`<div class="${problem === undefined ? 'field' : 'field field-invalid'}"><label for="${id}">${definition.label[view.language]}${mark}</label>${hint}${error}${input}</div>`;
}

/**
 * The page of one document: every field its template reads, filled from the guide's answers
 * where they say it, posted (not put in the address: names go here) to get the file.
 */
export function renderGuideDocument(view: GuideDocumentView): {
  title: string;
  body: Html;
  languageSwitch: Html;
} {
  const t = texts[view.language];
  const { template } = view;
  const title = template.title[view.language];
  const carried = Object.entries(view.raw).map(
    ([id, value]) => html`<input type="hidden" name="${answerPrefix}${id}" value="${value}">`,
  );
  const fields = [
    ...template.requires.map((field) => ({ field, required: true })),
    ...template.optional.map((field) => ({ field, required: false })),
  ].filter(({ field }) => !automatic.has(field));
  const summary =
    view.problems.length === 0
      ? html``
      : html`<section class="error-summary" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.errorTitle}</h2>
<ul>${view.problems.map((problem) => {
          const known = fields.some(({ field }) => field === problem.field);
          const message = problem.message[view.language];
          return known
            ? html`<li><a href="#${fieldId(problem.field as DocumentFieldName)}">${message}</a></li>`
            : html`<li>${message}</li>`;
        })}</ul>
</section>`;
  const body = html`<p class="no-print"><a href="/guide/result?${answersQuery(view.language, view.raw)}">${t.back}</a></p>
<h1>${title}</h1>
<p>${template.purpose[view.language]}</p>
<p class="notice">${t.lead}</p>
${summary}
<form id="document-form" method="post" action="/guide/document" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="lang" value="${view.language}">
<input type="hidden" name="kind" value="${template.kind}">
${carried}
${fields.map(({ field, required }) => renderField(view, field, required))}
<div class="form-nav"><button type="submit" name="format" value="pdf" class="primary">${t.pdf}</button> <button type="submit" name="format" value="docx" class="secondary">${t.docx}</button></div>
</form>`;
  const other: Language = view.language === 'ru' ? 'en' : 'ru';
  const languageSwitch = html`<button type="submit" form="document-form" name="to" value="${other}" class="lang link-button" lang="${other}">${t.switchLabel}</button>`;
  return {
    title: `${view.problems.length > 0 ? `${t.errorPrefix}: ` : ''}${title}`,
    body,
    languageSwitch,
  };
}
