import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { guideQuestionnaire } from '../../../domain/guide/guide-questionnaire.ts';
import { safeErrorSummary } from '../errors/error-handler.ts';
import type { Language } from '../language.ts';
import { html } from './html.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';
import { answerPrefix } from './report-form-view.ts';

/** Longer than any answer the guide asks for: a value this long is not an answer. */
const maxValueLength = 200;
const questionIds = new Set(
  guideQuestionnaire.steps.flatMap((step) => step.questions.map((question) => question.id)),
);

/**
 * The guide's answers among the fields of an address or a form: `a.<questionId>` for questions
 * the guide asks, the first of a repeated one, none longer than an answer can be. Anything
 * else is ignored, so an old or edited link still opens a page instead of failing.
 */
export function guideAnswersOf(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith(answerPrefix)) continue;
    const id = name.slice(answerPrefix.length);
    const answer: unknown = Array.isArray(value) ? value[0] : value;
    if (questionIds.has(id) && typeof answer === 'string' && answer.length <= maxValueLength) {
      raw[id] = answer;
    }
  }
  return raw;
}

export type GuideProblem = 'not-found' | 'expired' | 'busy' | 'failed';

const statuses: Record<GuideProblem, number> = {
  'not-found': 404,
  expired: 403,
  busy: 429,
  failed: 500,
};

const texts: Record<Language, Record<GuideProblem, [string, string]> & { restart: string }> = {
  ru: {
    'not-found': ['Страница не найдена', 'Проверьте адрес страницы или начните заново.'],
    expired: [
      'Форма устарела',
      'Страница была открыта слишком давно или в другом окне. Вернитесь назад, обновите страницу и отправьте форму ещё раз.',
    ],
    busy: [
      'Слишком много запросов',
      'Подождите минуту и обновите страницу: ваши ответы в её адресе.',
    ],
    failed: [
      'Что-то пошло не так',
      'Обновите страницу через несколько минут: ваши ответы в её адресе.',
    ],
    restart: 'Начать заново',
  },
  en: {
    'not-found': ['Page not found', 'Please check the address of the page, or start again.'],
    expired: [
      'The form has expired',
      'The page was open too long or in another window. Go back, reload the page and send the form again.',
    ],
    busy: [
      'Too many requests',
      'Please wait a minute and reload the page: your answers are in its address.',
    ],
    failed: [
      'Something went wrong',
      'Please reload the page in a few minutes: your answers are in its address.',
    ],
    restart: 'Start again',
  },
};

/** A page saying what to do next, with a way back to the start of the guide. */
export function sendGuideProblem(
  reply: FastifyReply,
  language: Language,
  problem: GuideProblem,
  status: number = statuses[problem],
): FastifyReply {
  const t = texts[language];
  const [title, lead] = t[problem];
  const body = html`<h1>${title}</h1>
<p>${lead}</p>
<ul class="actions"><li><a href="/guide?lang=${language}">${t.restart}</a></li></ul>`;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(publicPage({ language, title, body, noindex: true }));
}

/**
 * Failures on the guide's routes (a rate cap, a stale form, a broken body, a fault) as pages a
 * person can read, not the API's JSON. Applies to the routes of the plugin that calls it.
 */
export function registerGuideProblemPages(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const status =
      'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error(
        { failure: safeErrorSummary(error), route: request.routeOptions.url },
        'request failed',
      );
    }
    const query = (request.query ?? {}) as { lang?: unknown };
    const body = (request.body ?? {}) as { lang?: unknown };
    const language = pageLanguage(request, body.lang ?? query.lang);
    const code = 'code' in error ? error.code : undefined;
    const problem: GuideProblem =
      code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET'
        ? 'expired'
        : status === 429
          ? 'busy'
          : 'failed';
    return sendGuideProblem(reply, language, problem, status >= 400 && status < 600 ? status : 500);
  });
}
