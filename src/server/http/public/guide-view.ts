import type { Situation } from '../../../app/guide/explain-situation.ts';
import type { Advice } from '../../../domain/guide/guide-advice.ts';
import {
  type Contradiction,
  type GuideError,
  shownDate,
  stepOfQuestion,
} from '../../../domain/guide/guide-answers.ts';
import type { Question, Step } from '../../../domain/intake/questionnaire.ts';
import type { Finding } from '../../../domain/rules/evaluate.ts';
import type { Confidence, FindingKind, Source } from '../../../domain/rules/rule-pack.ts';
import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';
import { answerPrefix, fieldId, renderQuestion } from './report-form-view.ts';

const texts = {
  ru: {
    title: 'Что делать: пошаговый помощник',
    intro:
      'Ответьте на несколько вопросов, и помощник скажет, что происходит с точки зрения закона и что делать сейчас. Ответы хранятся только в адресе страницы: мы их не сохраняем и не записываем. Если вы отвечаете за близкого человека, отвечайте за него.',
    step: (index: number, total: number) => `Шаг ${index} из ${total}`,
    next: 'Далее',
    finish: 'Узнать, что делать',
    back: 'Назад',
    errorTitle: 'Проверьте ответы',
    contradictionTitle: 'Ответы не сходятся',
    change: (label: string) => `Изменить ответ «${label}»`,
    switchLabel: 'English',
    resultTitle: 'Что происходит и что делать',
    asOf: (date: string) => `Расчёт на ${date} по правилам, которые ведут юристы группы.`,
    privacy:
      'Ваши ответы есть только в адресе этой страницы; сервер их не сохраняет и не записывает в журналы. Адрес остаётся в истории браузера: если телефоном могут завладеть другие, закройте вкладку и очистите историю.',
    adviceTitle: 'Что делать сейчас',
    noAdvice:
      'Для ваших ответов у помощника нет особых советов. Если что-то изменится (повестка, задержание), пройдите его снова.',
    findingsTitle: 'Что происходит с точки зрения закона',
    noFindings: 'По вашим ответам правила ничего не находят.',
    kinds: {
      ground: 'Нарушения, на которые можно жаловаться',
      consequence: 'Последствия',
      right: 'Ваши права',
      deadline: 'Сроки',
      advice: 'Советы',
    } satisfies Record<FindingKind, string>,
    confidence: {
      high: 'Уверенность высокая: мы видели текст закона, или несколько надёжных источников согласны.',
      medium: 'Уверенность средняя: один надёжный источник или пересказы закона без его текста.',
      low: 'Уверенность низкая: слабый источник или наш вывод. Проверьте с юристом.',
    } satisfies Record<Confidence, string>,
    disputed: 'Вопрос спорный: есть другое прочтение или законопроект.',
    alternative: 'Другое прочтение:',
    sources: 'Источники',
    documentsTitle: 'Документы для вашей ситуации',
    documentsLead:
      'Эти документы подходят к вашим ответам. Откройте документ, впишите недостающее (имена, куда подаёте) и скачайте его в PDF или DOCX, уже заполненным вашими ответами. Ничего не сохраняется.',
    reportTitle: 'Сообщить правозащитникам',
    reportLead:
      'Откроется форма обращения, в которой уже заполнено то, что вы рассказали здесь. Вы проверите каждый шаг и сами решите, отправлять ли.',
    reportButton: 'Сообщить правозащитной группе',
    edit: 'Изменить ответы',
    restart: 'Начать заново',
    print: 'Чтобы распечатать эту страницу, выберите «Печать» в меню браузера.',
    problemsTitle: 'Проверьте ответы',
  },
  en: {
    title: 'What to do: a step-by-step guide',
    intro:
      'Answer a few questions and the guide tells you what is happening legally and what to do now. Your answers live only in the page’s address: we neither store nor log them. If you answer for someone close to you, answer as him.',
    step: (index: number, total: number) => `Step ${index} of ${total}`,
    next: 'Next',
    finish: 'See what to do',
    back: 'Back',
    errorTitle: 'Please check your answers',
    contradictionTitle: 'Your answers do not fit together',
    change: (label: string) => `Change the answer “${label}”`,
    switchLabel: 'Русский',
    resultTitle: 'What is happening and what to do',
    asOf: (date: string) => `Worked out for ${date} under the rules the group’s lawyers maintain.`,
    privacy:
      'Your answers exist only in this page’s address; the server neither stores nor logs them. The address stays in the browser’s history: if others may get hold of your phone, close the tab and clear the history.',
    adviceTitle: 'What to do now',
    noAdvice:
      'The guide has no particular advice for your answers. If something changes (a notice, a detention), go through it again.',
    findingsTitle: 'What is happening legally',
    noFindings: 'The rules find nothing for your answers.',
    kinds: {
      ground: 'Breaches you can complain about',
      consequence: 'Consequences',
      right: 'Your rights',
      deadline: 'Deadlines',
      advice: 'Advice',
    } satisfies Record<FindingKind, string>,
    confidence: {
      high: 'High confidence: we saw the text of the law, or several reliable sources agree.',
      medium: 'Medium confidence: one reliable source, or summaries of the law without its text.',
      low: 'Low confidence: a weak source or our own inference. Check with a lawyer.',
    } satisfies Record<Confidence, string>,
    disputed: 'This is disputed: there is another reading, or a bill.',
    alternative: 'Another reading:',
    sources: 'Sources',
    documentsTitle: 'Documents for your situation',
    documentsLead:
      'These documents fit your answers. Open one, fill in what is missing (names, where you send it) and download it as PDF or DOCX, already filled with your answers. Nothing is stored.',
    reportTitle: 'Report to the rights group',
    reportLead:
      'This opens the report form with what you told the guide already filled in. You check every step and decide yourself whether to send it.',
    reportButton: 'Report to the rights group',
    edit: 'Change my answers',
    restart: 'Start again',
    print: 'To print this page, choose “Print” in your browser’s menu.',
    problemsTitle: 'Please check your answers',
  },
} as const;

const guideFormId = 'guide-form';

/** The answers as query parameters, as a link or a GET form carries them. */
export function answersQuery(language: Language, raw: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams({ lang: language });
  for (const [id, value] of Object.entries(raw)) query.append(`${answerPrefix}${id}`, value);
  return query.toString();
}

function labelOf(questionId: string, language: Language): string {
  const question = stepOfQuestion(questionId)?.questions.find((q) => q.id === questionId);
  return question?.label[language] ?? questionId;
}

export type GuideStepView = {
  language: Language;
  step: Step;
  questions: Question[];
  position: { index: number; total: number };
  previousStepId: string | null;
  isLast: boolean;
  /** Every answer so far, as the form carries it. */
  raw: Readonly<Record<string, string>>;
  errors: GuideError[];
  contradictions: Contradiction[];
  /** The first page also says what the guide is. */
  intro: boolean;
};

function problemSummary(view: GuideStepView): Html {
  const t = texts[view.language];
  if (view.contradictions.length > 0) {
    const items = view.contradictions.map((contradiction) => {
      const [earlier] = contradiction.questionIds;
      const earlierStep = stepOfQuestion(earlier);
      const elsewhere = earlierStep !== undefined && earlierStep.id !== view.step.id;
      const change = elsewhere
        ? html` <button type="submit" form="${guideFormId}" name="show" value="${earlierStep.id}" class="link-button">${t.change(labelOf(earlier, view.language))}</button>`
        : html``;
      return html`<li><p>${contradiction.question[view.language]}</p>${change}</li>`;
    });
    return html`<section class="error-summary" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.contradictionTitle}</h2>
<ul>${items}</ul>
</section>`;
  }
  if (view.errors.length === 0) return html``;
  const items = view.errors.map((error) => {
    const question = view.questions.find((candidate) => candidate.id === error.questionId);
    const message = error.message[view.language];
    if (question === undefined) return html`<li>${message}</li>`;
    return html`<li><a href="#${fieldId(question)}">${question.label[view.language]} — ${message}</a></li>`;
  });
  return html`<section class="error-summary" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.errorTitle}</h2>
<ul>${items}</ul>
</section>`;
}

/**
 * One page of the guide as a GET form: the answers so far travel in the address, so the page
 * can be reloaded, bookmarked or sent on, and the server keeps nothing between pages.
 */
export function renderGuideStep(view: GuideStepView): {
  title: string;
  body: Html;
  languageSwitch: Html;
} {
  const t = texts[view.language];
  const shown = new Set(view.questions.map((question) => question.id));
  const carried = Object.entries(view.raw)
    .filter(([id]) => !shown.has(id))
    .map(([id, value]) => html`<input type="hidden" name="${answerPrefix}${id}" value="${value}">`);
  const back =
    view.previousStepId === null
      ? html``
      : html` <button type="submit" name="show" value="${view.previousStepId}" class="secondary">${t.back}</button>`;
  const intro = view.intro ? html`<p class="lead">${t.intro}</p>` : html``;
  const stepTitle = view.step.title[view.language];
  const body = html`${intro}<p class="progress">${t.step(view.position.index, view.position.total)}</p>
<h1>${stepTitle}</h1>
${problemSummary(view)}
<form id="${guideFormId}" method="get" action="/guide" novalidate>
<input type="hidden" name="lang" value="${view.language}">
<input type="hidden" name="step" value="${view.step.id}">
${carried}
${view.questions.map((question) => renderQuestion(view, question))}
<div class="form-nav"><button type="submit" class="primary">${view.isLast ? t.finish : t.next}</button>${back}</div>
</form>`;
  const other: Language = view.language === 'ru' ? 'en' : 'ru';
  const languageSwitch = html`<button type="submit" form="${guideFormId}" name="to" value="${other}" class="lang link-button" lang="${other}">${t.switchLabel}</button>`;
  const problem = view.errors.length > 0 || view.contradictions.length > 0;
  return {
    title: `${problem ? `${t.problemsTitle}: ` : ''}${stepTitle} — ${t.title}`,
    body,
    languageSwitch,
  };
}

function renderSources(language: Language, sources: Source[]): Html {
  const t = texts[language];
  const items = sources.map((source) => {
    const links = source.urls.map(
      (url) => html` <a href="${url}" rel="noreferrer noopener" class="source-link">${url}</a>`,
    );
    return html`<li>${source.law}, ${source.article}.${links}</li>`;
  });
  return html`<p class="sources-title">${t.sources}</p><ul class="sources">${items}</ul>`;
}

function renderAdvice(language: Language, advice: Advice): Html {
  const t = texts[language];
  return html`<article class="advice" id="advice-${advice.id}">
<h3>${advice.title[language]}</h3>
<p>${advice.text[language]}</p>
<p class="confidence confidence-${advice.confidence}">${t.confidence[advice.confidence]}</p>
${renderSources(language, advice.sources)}
</article>`;
}

function renderFinding(language: Language, finding: Finding): Html {
  const t = texts[language];
  const dates =
    finding.dates.length === 0
      ? html``
      : html`<dl class="facts">${finding.dates.map(
          (dated) =>
            html`<dt>${dated.label[language]}</dt><dd><time datetime="${dated.date}">${shownDate(dated.date)}</time></dd>`,
        )}</dl>`;
  const disputed = finding.disputed
    ? html`<div class="disputed"><p>${t.disputed}</p>${finding.alternatives.map(
        (alternative) => html`<p>${t.alternative} ${alternative.statement[language]}</p>`,
      )}</div>`
    : html``;
  return html`<article class="finding" id="finding-${finding.ruleId}-${finding.outcomeId}">
<h3>${finding.title[language]}</h3>
<p>${finding.statement[language]}</p>
${dates}<p class="law">${finding.ruleStatement[language]}</p>
<p class="confidence confidence-${finding.confidence}">${t.confidence[finding.confidence]}</p>
${disputed}${renderSources(language, finding.sources)}
</article>`;
}

const kindOrder: FindingKind[] = ['ground', 'right', 'deadline', 'consequence', 'advice'];

export type GuideResultView = {
  language: Language;
  raw: Readonly<Record<string, string>>;
  situation: Extract<Situation, { ok: true }>;
  firstStepId: string;
  /** Stations where detentions were reported lately: where to take care with the metro. */
  riskNote: Html;
};

/**
 * The personal page: what to do now, what is happening legally (the rules' findings with their
 * sources and confidence), the documents that fit, and a way to report with what was said.
 */
export function renderGuideResult(view: GuideResultView): {
  title: string;
  body: Html;
  languageSwitch: Html;
} {
  const { language, situation } = view;
  const t = texts[language];
  const advice =
    situation.advice.length === 0
      ? html`<p>${t.noAdvice}</p>`
      : html`${situation.advice.map((item) => renderAdvice(language, item))}`;
  const groups = kindOrder.flatMap((kind) => {
    const found = situation.findings.filter((finding) => finding.kind === kind);
    if (found.length === 0) return [];
    return [
      html`<h3 class="kind">${t.kinds[kind]}</h3>${found.map((finding) => renderFinding(language, finding))}`,
    ];
  });
  const findings = groups.length === 0 ? html`<p>${t.noFindings}</p>` : html`${groups}`;
  const documents =
    situation.documents.length === 0
      ? html``
      : html`<section aria-labelledby="documents-title">
<h2 id="documents-title">${t.documentsTitle}</h2>
<p>${t.documentsLead}</p>
<ul class="documents">${situation.documents.map(
          (document) =>
            html`<li data-kind="${document.kind}"><a href="/guide/document?${answersQuery(language, view.raw)}&amp;kind=${document.kind}">${document.title[language]}</a></li>`,
        )}</ul>
</section>`;
  const prefill = Object.entries(situation.reportPrefill).map(
    ([id, value]) => html`<input type="hidden" name="${answerPrefix}${id}" value="${value}">`,
  );
  const query = answersQuery(language, view.raw);
  const report = html`<section class="no-print report-box" aria-labelledby="report-title">
<h2 id="report-title">${t.reportTitle}</h2>
<p>${t.reportLead}</p>
<form method="get" action="/report">
<input type="hidden" name="lang" value="${language}">
${prefill}
<button type="submit" class="primary">${t.reportButton}</button>
</form>
</section>`;
  const adviceSection = html`<section aria-labelledby="advice-title">
<h2 id="advice-title">${t.adviceTitle}</h2>
${advice}
</section>`;
  // Someone held right now needs the rights group before anything else on the page.
  const heldNow = view.raw['detained-now'] === 'yes';
  const body = html`<h1>${t.resultTitle}</h1>
<p class="muted">${t.asOf(shownDate(situation.asOf))}</p>
<p class="notice no-print">${t.privacy}</p>
${heldNow ? [report, adviceSection] : [adviceSection, report]}
${view.riskNote}
${documents}
<section aria-labelledby="findings-title">
<h2 id="findings-title">${t.findingsTitle}</h2>
${findings}
</section>
<ul class="actions no-print">
<li><a href="/guide?${query}&amp;show=${view.firstStepId}">${t.edit}</a></li>
<li><a href="/guide?lang=${language}">${t.restart}</a></li>
</ul>
<p class="muted no-print">${t.print}</p>`;
  const other: Language = language === 'ru' ? 'en' : 'ru';
  const languageSwitch = html`<a class="lang" href="/guide/result?${answersQuery(other, view.raw)}" hreflang="${other}" lang="${other}">${t.switchLabel}</a>`;
  return { title: t.resultTitle, body, languageSwitch };
}
