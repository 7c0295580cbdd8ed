import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { safeErrorSummary } from '../errors/error-handler.ts';
import type { Language } from '../language.ts';
import { html } from './html.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';

export type IntakeProblem = 'not-found' | 'refused' | 'expired' | 'rate-limited' | 'failed';

const statuses: Record<IntakeProblem, number> = {
  'not-found': 404,
  refused: 400,
  expired: 403,
  'rate-limited': 429,
  failed: 500,
};

const texts: Record<IntakeProblem, Record<Language, { title: string; lead: string }>> = {
  'not-found': {
    ru: { title: 'Страница не найдена', lead: 'Проверьте адрес страницы.' },
    en: { title: 'Page not found', lead: 'Please check the address of the page.' },
  },
  refused: {
    ru: {
      title: 'Сообщение не принято',
      lead: 'Форму не удалось прочитать, ничего не сохранено. Начните, пожалуйста, заново.',
    },
    en: {
      title: 'The report was not accepted',
      lead: 'We could not read the form and nothing was stored. Please start again.',
    },
  },
  expired: {
    ru: {
      title: 'Форма устарела',
      lead: 'Страница была открыта слишком давно или в другом окне, ничего не сохранено. Начните, пожалуйста, заново.',
    },
    en: {
      title: 'The form has expired',
      lead: 'The page was open too long or in another window, and nothing was stored. Please start again.',
    },
  },
  'rate-limited': {
    ru: {
      title: 'Слишком много запросов',
      lead: 'Подождите минуту и вернитесь назад в браузере: введённое обычно сохраняется.',
    },
    en: {
      title: 'Too many requests',
      lead: 'Please wait a minute and go back in your browser: what you typed is usually kept.',
    },
  },
  failed: {
    ru: {
      title: 'Что-то пошло не так',
      lead: 'Сообщение не сохранено. Попробуйте ещё раз через несколько минут.',
    },
    en: {
      title: 'Something went wrong',
      lead: 'The report was not stored. Please try again in a few minutes.',
    },
  },
};

const startAgain: Record<Language, string> = {
  ru: 'Начать заново',
  en: 'Start again',
};

/**
 * A neutral page for what went wrong on the public intake: it says what to do next and nothing
 * about why (a follow-up address that never existed and one that was deleted look the same).
 */
export function sendProblemPage(
  reply: FastifyReply,
  language: Language,
  problem: IntakeProblem,
): FastifyReply {
  const t = texts[problem][language];
  const body = html`<h1>${t.title}</h1>
<p>${t.lead}</p>
<ul class="actions"><li><a href="/report?lang=${language}">${startAgain[language]}</a></li></ul>`;
  return reply
    .status(statuses[problem])
    .type('text/html; charset=utf-8')
    .send(publicPage({ language, title: t.title, body, noindex: true }));
}

function problemOf(error: FastifyError | Error): IntakeProblem {
  const code = 'code' in error ? error.code : undefined;
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') return 'expired';
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status === 429) return 'rate-limited';
  if (status !== undefined && status >= 400 && status < 500) return 'refused';
  return 'failed';
}

/**
 * Failures of the public pages (a stale form token, a rate cap, a broken body) as pages a person
 * can read, not the JSON of the API. Applies to the routes of the plugin that calls it.
 */
export function registerIntakeProblemPages(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const problem = problemOf(error);
    if (problem === 'failed') {
      request.log.error(
        { failure: safeErrorSummary(error), route: request.routeOptions.url },
        'request failed',
      );
    }
    const chosen = (request.body as { lang?: unknown } | undefined)?.lang;
    return sendProblemPage(reply, pageLanguage(request, chosen), problem);
  });
}
