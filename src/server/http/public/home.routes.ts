import type { FastifyPluginAsync } from 'fastify';
import { type Language, requestLanguage } from '../language.ts';
import { html } from './html.ts';
import { publicPage } from './public-page.ts';

const text = {
  ru: {
    title: 'Помощь призывникам',
    report: 'Сообщить о задержании',
    guide: 'Что делать: пошаговый помощник',
    lead: 'Habeas — система правозащитной группы для помощи призывникам, которых незаконно задерживают.',
    staff: 'Вход для сотрудников',
    stats: 'Статистика задержаний',
    privacy: 'Эта страница не загружает ничего со сторонних сайтов и работает без JavaScript.',
  },
  en: {
    title: 'Help for conscripts',
    report: 'Report a detention',
    guide: 'What to do: a step-by-step guide',
    lead: 'Habeas is a rights group’s system for helping conscripts who are unlawfully detained.',
    staff: 'Staff login',
    stats: 'Detention statistics',
    privacy: 'This page loads nothing from other sites and works without JavaScript.',
  },
} satisfies Record<Language, Record<string, string>>;

/** `?lang=` wins over the browser's preference, so a link can fix the language. */
function pageLanguage(query: unknown, fallback: Language): Language {
  const lang = (query as { lang?: unknown }).lang;
  return lang === 'en' || lang === 'ru' ? lang : fallback;
}

export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const language = pageLanguage(request.query, requestLanguage(request));
      const t = text[language];
      const body = html`<h1>${t.title}</h1>
<p>${t.lead}</p>
<p><a class="report-link" href="/report?lang=${language}">${t.report}</a></p>
<ul class="actions"><li><a href="/guide?lang=${language}">${t.guide}</a></li>
<li><a href="/stats?lang=${language}">${t.stats}</a></li>
<li><a href="/staff/">${t.staff}</a></li></ul>
<p class="muted">${t.privacy}</p>`;
      return reply
        .type('text/html; charset=utf-8')
        .send(publicPage({ language, title: t.title, body }));
    },
  );
};
