import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { explainSituation } from '../../../app/guide/explain-situation.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { readRiskNote } from '../../../app/stats/read-risk-note.ts';
import { checkGuide, type GuideCheck } from '../../../domain/guide/guide-answers.ts';
import { guideQuestionnaire } from '../../../domain/guide/guide-questionnaire.ts';
import {
  type Answers,
  previousStep,
  progress,
  rawAnswersOf,
  visibleQuestions,
  visibleSteps,
} from '../../../domain/intake/answers.ts';
import type { Step } from '../../../domain/intake/questionnaire.ts';
import type { Language } from '../language.ts';
import { guideAnswersOf, registerGuideProblemPages } from './guide-problem-page.ts';
import { answersQuery, renderGuideResult, renderGuideStep } from './guide-view.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';
import { riskNoteSection } from './risk-note-view.ts';

export type GuideRoutesOptions = { ports: Ports };

type Query = {
  language: Language;
  raw: Record<string, string>;
  /** The page the form showed, whose answers this request carries. */
  step: Step | undefined;
  /** A page to show again for a change (Back, or "change this answer"). */
  show: Step | undefined;
  /** The language switch: the same page again, in the other language. */
  switched: boolean;
};

function first(value: unknown): string | undefined {
  const one: unknown = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : undefined;
}

function stepNamed(id: string | undefined): Step | undefined {
  return guideQuestionnaire.steps.find((step) => step.id === id);
}

/** The guide's address, read leniently: its answers, a known page, a language; nothing else. */
function readQuery(request: FastifyRequest): Query {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const raw = guideAnswersOf(query);
  const to = first(query.to);
  const switched = to === 'ru' || to === 'en';
  return {
    language: pageLanguage(request, switched ? to : first(query.lang)),
    raw,
    step: stepNamed(first(query.step)),
    show: stepNamed(first(query.show)),
    switched,
  };
}

export const guideRoutes: FastifyPluginAsync<GuideRoutesOptions> = async (app, { ports }) => {
  const form = guideQuestionnaire;

  registerGuideProblemPages(app);

  function sendStep(
    reply: FastifyReply,
    input: {
      query: Query;
      step: Step;
      before: Answers;
      errors?: Extract<GuideCheck, { ok: false }>['errors'];
      contradictions?: Extract<GuideCheck, { ok: false }>['contradictions'];
      status?: number;
    },
  ): FastifyReply {
    const { query, step, before } = input;
    const steps = visibleSteps(form, before);
    const position = progress(form, before, step.id) ?? { index: 1, total: steps.length };
    const view = renderGuideStep({
      language: query.language,
      step,
      questions: visibleQuestions(form, before, step.id),
      position,
      previousStepId: previousStep(form, before, step.id)?.id ?? null,
      // Later pages depend on this page's answers; only the very last page surely ends it.
      isLast: form.steps.indexOf(step) === form.steps.length - 1,
      raw: query.raw,
      errors: input.errors ?? [],
      contradictions: input.contradictions ?? [],
      intro: position.index === 1,
    });
    return reply
      .status(input.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(publicPage({ language: query.language, ...view }));
  }

  function sendProblem(
    reply: FastifyReply,
    query: Query,
    failed: Extract<GuideCheck, { ok: false }>,
  ) {
    // A page not yet reached, with nothing answered on it, is simply asked, not scolded.
    const untouched =
      failed.step !== query.step &&
      failed.step.questions.every((question) => !Object.hasOwn(query.raw, question.id));
    return sendStep(reply, {
      query,
      step: failed.step,
      before: failed.before,
      ...(untouched ? {} : { errors: failed.errors, contradictions: failed.contradictions }),
      status: untouched ? 200 : 422,
    });
  }

  /** A page shown for what it is, without checking its own answers (first visit, Back, switch). */
  function showPage(reply: FastifyReply, query: Query, target: Step | undefined) {
    const firstStep = form.steps[0] as Step;
    const wanted = target ?? firstStep;
    const walked = checkGuide(query.raw, ports.clock.now(), { before: wanted.id });
    if (!walked.ok) return sendProblem(reply, query, walked);
    const step = walked.reached ? wanted : (walked.next ?? firstStep);
    return sendStep(reply, { query, step, before: walked.answers });
  }

  app.get(
    '/guide',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const query = readQuery(request);
      if (query.show !== undefined) return showPage(reply, query, query.show);
      if (query.step === undefined || query.switched) return showPage(reply, query, query.step);
      const walked = checkGuide(query.raw, ports.clock.now(), { through: query.step.id });
      if (!walked.ok) return sendProblem(reply, query, walked);
      // A page the answers do not lead to (an edited address): from the start.
      if (!walked.reached) return showPage(reply, query, undefined);
      if (walked.next !== null) {
        return sendStep(reply, { query, step: walked.next, before: walked.answers });
      }
      return reply.redirect(
        `/guide/result?${answersQuery(query.language, rawAnswersOf(walked.answers))}`,
        303,
      );
    },
  );

  app.get(
    '/guide/result',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const query = readQuery(request);
      const walked = checkGuide(query.raw, ports.clock.now(), 'end');
      if (!walked.ok) return sendProblem(reply, query, walked);
      const situation = await explainSituation(ports, walked.answers);
      if (!situation.ok) {
        // The guide's own checks come first; a fact the rules still refuse sends him back to
        // the start with his answers kept, rather than to an error.
        return showPage(reply, query, undefined);
      }
      const view = renderGuideResult({
        language: query.language,
        raw: rawAnswersOf(walked.answers),
        situation,
        firstStepId: form.steps[0]?.id ?? '',
        riskNote: riskNoteSection(query.language, await readRiskNote(ports)),
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(publicPage({ language: query.language, ...view, noindex: true }));
    },
  );
};
