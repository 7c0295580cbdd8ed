import type { FastifyPluginAsync } from 'fastify';
import { followUpReport } from '../../../app/intake/follow-up-report.ts';
import { hotlineQuestionnaireId } from '../../../app/intake/submit-report.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { readRiskNote } from '../../../app/stats/read-risk-note.ts';
import { followUpParams } from '../../../contracts/intake.ts';
import type { FollowUpStatus } from '../../../domain/intake/report.ts';
import type { Language } from '../language.ts';
import { html } from './html.ts';
import { registerIntakeProblemPages, sendProblemPage } from './intake-problem-page.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';
import { riskNoteSection } from './risk-note-view.ts';

export type FollowUpRoutesOptions = { ports: Ports; limits: boolean };

const texts = {
  ru: {
    title: 'Ваше обращение',
    code: 'Код обращения',
    codeHint: 'Назовите этот код, если будете писать или звонить нам.',
    status: 'Состояние',
    receivedAt: 'Время получения',
    statuses: {
      received: 'Получено — юристы группы видят ваше сообщение',
      'lawyer-assigned': 'Назначен юрист',
      closed: 'Закрыто',
    },
    savedTitle: 'Сообщение отправлено',
    save: 'Сохраните адрес этой страницы так, чтобы его не увидели посторонние: например, в заметке, которую знаете только вы. По нему вы узнаете, как идёт дело; любой, у кого есть этот адрес, увидит код и состояние, но не ваши ответы.',
    next: 'Что дальше: оператор горячей линии прочитает сообщение и свяжется с вами по оставленным контактам. Держите телефон включённым.',
  },
  en: {
    title: 'Your report',
    code: 'Report code',
    codeHint: 'Give this code if you write to us or call us.',
    status: 'Status',
    receivedAt: 'Received at',
    statuses: {
      received: 'Received — the group’s lawyers can see your report',
      'lawyer-assigned': 'A lawyer has been assigned',
      closed: 'Closed',
    },
    savedTitle: 'Your report has been sent',
    save: 'Save the address of this page where nobody else will see it: for example in a note only you know about. It shows how the case is going; anyone who has this address sees the code and the status, but not your answers.',
    next: 'What happens next: a hotline operator will read the report and contact you the way you gave. Please keep your phone switched on.',
  },
} satisfies Record<Language, Record<string, unknown>>;

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** DD.MM.YYYY HH:MM on the questionnaire's clock: the minute is all that is kept. */
function wallClock(date: Date, offset: string): string {
  const shifted = new Date(date.getTime() + offsetMinutes(offset) * 60_000).toISOString();
  return `${shifted.slice(8, 10)}.${shifted.slice(5, 7)}.${shifted.slice(0, 4)} ${shifted.slice(11, 16)}`;
}

/**
 * The reporter's follow-up page at the secret address given after sending: the case code and
 * how far the case has come, nothing personal. An unknown address gets the same page as any
 * missing one.
 */
export const followUpRoutes: FastifyPluginAsync<FollowUpRoutesOptions> = async (
  app,
  { ports, limits },
) => {
  registerIntakeProblemPages(app);

  app.get(
    '/r/:followUpToken',
    {
      config: {
        audience: 'public',
        rateLimit: limits ? { max: 20, timeWindow: '1 minute' } : false,
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      const query = request.query as { lang?: unknown; received?: unknown };
      const language = pageLanguage(request, query.lang);
      const params = followUpParams.safeParse(request.params);
      const followUp = params.success
        ? await followUpReport(ports, params.data.followUpToken)
        : null;
      if (followUp === null) return sendProblemPage(reply, language, 'not-found');
      const t = texts[language];
      const status: FollowUpStatus = followUp.status;
      const offset = ports.questionnaires.current(hotlineQuestionnaireId).defaultOffset;
      const justSent =
        query.received === '1'
          ? html`<section class="notice" aria-labelledby="sent-title">
<h2 id="sent-title">${t.savedTitle}</h2>
<p>${t.save}</p>
<p>${t.next}</p>
</section>`
          : html``;
      const body = html`<h1>${t.title}</h1>
${justSent}
<p class="case-code-label">${t.code}</p>
<p class="case-code">${followUp.caseCode}</p>
<p class="muted">${t.codeHint}</p>
<dl class="facts">
<dt>${t.status}</dt><dd>${t.statuses[status]}</dd>
<dt>${t.receivedAt}</dt><dd><time datetime="${followUp.receivedAt.toISOString()}">${wallClock(followUp.receivedAt, offset)}</time> (UTC${offset})</dd>
</dl>
${riskNoteSection(language, await readRiskNote(ports))}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(publicPage({ language, title: t.title, body, noindex: true }));
    },
  );
};
