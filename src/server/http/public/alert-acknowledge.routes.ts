import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { acknowledgeAlertByLink } from '../../../app/alerts/acknowledge-alert.ts';
import { AppError } from '../../../app/app-error.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Language } from '../language.ts';
import { html } from './html.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';

const texts = {
  ru: {
    title: 'Принять вызов',
    ask: 'Нажмите кнопку, чтобы принять вызов: дежурство перестанет передавать его дальше, а дело закрепится за вами.',
    button: 'Принимаю вызов',
    doneTitle: 'Вызов принят',
    done: 'Дело закреплено за вами. Откройте его в Habeas:',
    takenTitle: 'Вызов уже принят',
    taken: 'Его принял другой сотрудник. Дело в Habeas:',
    open: 'Открыть дело',
    invalidTitle: 'Ссылка не действует',
    invalid:
      'Ссылка недействительна, устарела или уже использована. Откройте доску дежурства в Habeas.',
  },
  en: {
    title: 'Take the alert',
    ask: 'Press the button to take the alert: it stops moving on to others, and the case is assigned to you.',
    button: 'I take it',
    doneTitle: 'Alert taken',
    done: 'The case is assigned to you. Open it in Habeas:',
    takenTitle: 'Already taken',
    taken: 'A colleague took it first. The case in Habeas:',
    open: 'Open the case',
    invalidTitle: 'This link does not work',
    invalid: 'The link is invalid, expired or already used. Open the duty board in Habeas.',
  },
} satisfies Record<Language, Record<string, string>>;

const tokenParams = z.strictObject({ token: z.string().regex(/^[\w-]{20,100}$/) });

function send(
  reply: FastifyReply,
  language: Language,
  title: string,
  body: ReturnType<typeof html>,
  status = 200,
) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(publicPage({ language, title, body, noindex: true }));
}

/**
 * The link in an alert e-mail. Opening it only shows a button: mail scanners that follow links
 * must not take alerts on anyone's behalf. Pressing it spends the single-use token.
 */
export const alertAcknowledgeRoutes: FastifyPluginAsync<{ ports: Ports; limits: boolean }> = async (
  app,
  { ports, limits },
) => {
  await app.register(formbody);
  const rateLimit = limits ? { max: 20, timeWindow: '1 minute' } : false;

  function invalid(reply: FastifyReply, language: Language) {
    const t = texts[language];
    return send(
      reply,
      language,
      t.invalidTitle,
      html`<h1>${t.invalidTitle}</h1><p>${t.invalid}</p>`,
      400,
    );
  }

  app.get(
    '/alerts/acknowledge/:token',
    { config: { audience: 'public', rateLimit }, schema: { hide: true } },
    async (request, reply) => {
      const language = pageLanguage(request, (request.query as { lang?: unknown }).lang);
      const params = tokenParams.safeParse(request.params);
      if (!params.success) return invalid(reply, language);
      const t = texts[language];
      return send(
        reply,
        language,
        t.title,
        html`<h1>${t.title}</h1>
<p>${t.ask}</p>
<form method="post" action="/alerts/acknowledge/${params.data.token}">
<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">
<input type="hidden" name="lang" value="${language}">
<button type="submit" class="primary">${t.button}</button>
</form>`,
      );
    },
  );

  app.post(
    '/alerts/acknowledge/:token',
    { config: { audience: 'public', rateLimit }, schema: { hide: true } },
    async (request, reply) => {
      const lang = (request.body as { lang?: unknown } | undefined)?.lang;
      const language = pageLanguage(request, lang);
      const params = tokenParams.safeParse(request.params);
      if (!params.success) return invalid(reply, language);
      const t = texts[language];
      try {
        const result = await acknowledgeAlertByLink(ports, params.data.token);
        const link = html`<p><a href="/staff/cases/${result.alert.caseId}">${t.open} ${result.alert.caseCode}</a></p>`;
        return result.outcome === 'acknowledged'
          ? send(reply, language, t.doneTitle, html`<h1>${t.doneTitle}</h1><p>${t.done}</p>${link}`)
          : send(
              reply,
              language,
              t.takenTitle,
              html`<h1>${t.takenTitle}</h1><p>${t.taken}</p>${link}`,
            );
      } catch (error) {
        if (error instanceof AppError && error.code === 'TOKEN_INVALID')
          return invalid(reply, language);
        throw error;
      }
    },
  );
};
