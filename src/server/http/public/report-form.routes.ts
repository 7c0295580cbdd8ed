import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { hotlineQuestionnaireId, submitReport } from '../../../app/intake/submit-report.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import {
  type AnswerError,
  type Answers,
  nextStep,
  previousStep,
  progress,
  type RawAnswers,
  validateStep,
  visibleQuestions,
  visibleSteps,
} from '../../../domain/intake/answers.ts';
import { prefilledAnswers } from '../../../domain/intake/prefill.ts';
import type { Questionnaire, Step } from '../../../domain/intake/questionnaire.ts';
import type { Language } from '../language.ts';
import { registerIntakeProblemPages, sendProblemPage } from './intake-problem-page.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';
import { answerPrefix, honeypotField, renderStep } from './report-form-view.ts';
import { type StartStamps, startStamps } from './start-stamp.ts';

export type ReportFormRoutesOptions = {
  ports: Ports;
  /** Anti-abuse limits (rate caps, minimum fill time); off only for load tests. */
  limits: boolean;
  stamps?: StartStamps;
};

/** Nobody reads and answers the whole questionnaire faster than this; a program does. */
export const minimumFillMs = 3_000;

/** The first string of each field a form posted; a repeated field counts once. */
function formFields(body: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (typeof body !== 'object' || body === null) return fields;
  for (const [name, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields.set(name, first);
  }
  return fields;
}

/** The answers posted, to questions the questionnaire has: other fields never travel on. */
function postedAnswers(form: Questionnaire, fields: Map<string, string>): Record<string, string> {
  const known = new Set(
    form.steps.flatMap((step) => step.questions.map((question) => question.id)),
  );
  const raw: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (!name.startsWith(answerPrefix)) continue;
    const id = name.slice(answerPrefix.length);
    if (known.has(id)) raw[id] = value;
  }
  return raw;
}

/**
 * Answers a link offers as `a.<questionId>` (the rights guide's "report" button): the first
 * string of each, for the questionnaire to sift.
 */
function offeredAnswers(query: Record<string, unknown>): Record<string, string> {
  const offered: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const one: unknown = Array.isArray(value) ? value[0] : value;
    if (name.startsWith(answerPrefix) && typeof one === 'string') {
      offered[name.slice(answerPrefix.length)] = one;
    }
  }
  return offered;
}

type Walked =
  | { ok: true; answers: Answers; reached: boolean }
  | { ok: false; step: Step; answers: Answers; errors: AnswerError[] };

/**
 * The answers of the steps shown before `stepId`, checked again: hidden fields come from the
 * client, so an earlier step that no longer validates is shown again with its errors.
 */
function answersBefore(form: Questionnaire, stepId: string, raw: RawAnswers, now: Date): Walked {
  let answers: Answers = {};
  let step = nextStep(form, answers, null);
  while (step !== null && step.id !== stepId) {
    const checked = validateStep(form, step.id, raw, now, answers);
    if (!checked.ok) return { ok: false, step, answers, errors: checked.errors };
    answers = { ...answers, ...checked.answers };
    step = nextStep(form, answers, step.id);
  }
  return { ok: true, answers, reached: step !== null };
}

/**
 * The public web form of the hotline, one step per page, working without JavaScript. Nothing is
 * stored before the final submit: earlier answers travel in hidden fields, checked again on
 * every post. Against programs, without a CAPTCHA: a form token, a honeypot field, a signed start
 * time with a minimum fill time, and a cap on posts per client.
 */
export const reportFormRoutes: FastifyPluginAsync<ReportFormRoutesOptions> = async (
  app,
  { ports, limits, stamps = startStamps() },
) => {
  // Form bodies are parsed for this form only: the JSON API keeps refusing them with 415, so a
  // page elsewhere cannot post a plain HTML form to it.
  await app.register(formbody);
  registerIntakeProblemPages(app);
  const questionnaire = () => ports.questionnaires.current(hotlineQuestionnaireId);

  function sendStep(
    reply: FastifyReply,
    input: {
      language: Language;
      step: Step;
      before: Answers;
      raw: RawAnswers;
      errors?: AnswerError[];
      tooFast?: boolean;
      started: string;
      status?: number;
    },
  ): FastifyReply {
    const form = questionnaire();
    const { step, before } = input;
    // Progress counts the steps this step's own answers open, when they are already valid.
    const own = validateStep(form, step.id, input.raw, ports.clock.now(), before);
    const known = own.ok ? { ...before, ...own.answers } : before;
    const steps = visibleSteps(form, known);
    const index = steps.findIndex((candidate) => candidate.id === step.id);
    const position = progress(form, known, step.id) ?? { index: 1, total: steps.length };
    const view = renderStep({
      language: input.language,
      questionnaire: form,
      step,
      questions: visibleQuestions(form, before, step.id),
      position,
      isFirst: index <= 0,
      isLast: nextStep(form, known, step.id) === null,
      raw: input.raw,
      errors: input.errors ?? [],
      tooFast: input.tooFast ?? false,
      csrfToken: reply.generateCsrf(),
      started: input.started,
    });
    return reply
      .status(input.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(publicPage({ language: input.language, ...view }));
  }

  const postLimit = limits ? { max: 20, timeWindow: '1 minute' } : false;

  app.get(
    '/report',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const language = pageLanguage(request, query.lang);
      const form = questionnaire();
      const first = nextStep(form, {}, null);
      if (first === null) return sendProblemPage(reply, language, 'failed');
      return sendStep(reply, {
        language,
        step: first,
        before: {},
        raw: prefilledAnswers(form, offeredAnswers(query)),
        started: stamps.issue(ports.clock.now()),
      });
    },
  );

  app.post(
    '/report',
    { config: { audience: 'public', rateLimit: postLimit }, schema: { hide: true } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const posted = pageLanguage(request, fields.get('lang'));
      // A program that fills every field it finds; nothing is stored and nothing is hinted.
      if ((fields.get(honeypotField) ?? '') !== '')
        return sendProblemPage(reply, posted, 'refused');
      const form = questionnaire();
      const step = form.steps.find((candidate) => candidate.id === fields.get('step'));
      if (step === undefined) return sendProblemPage(reply, posted, 'refused');
      const now = ports.clock.now();
      const raw = postedAnswers(form, fields);
      const nav = fields.get('nav') ?? 'next';
      const language: Language = nav === 'language' ? (posted === 'ru' ? 'en' : 'ru') : posted;
      const startedStamp = fields.get('started') ?? '';
      const startedAt = stamps.startedAt(startedStamp);
      const started = startedAt === null ? stamps.issue(now) : startedStamp;

      const walked = answersBefore(form, step.id, raw, now);
      if (!walked.ok) {
        return sendStep(reply, {
          language,
          step: walked.step,
          before: walked.answers,
          raw,
          errors: walked.errors,
          started,
          status: 422,
        });
      }
      if (!walked.reached) {
        // A step the answers do not lead to (a stale or edited form): back to the start.
        const first = nextStep(form, {}, null) ?? step;
        return sendStep(reply, { language, step: first, before: {}, raw, started });
      }
      const before = walked.answers;
      if (nav === 'language') return sendStep(reply, { language, step, before, raw, started });
      if (nav === 'back') {
        const previous = previousStep(form, before, step.id);
        if (previous === null) return sendStep(reply, { language, step, before, raw, started });
        const earlier = answersBefore(form, previous.id, raw, now);
        return sendStep(reply, {
          language,
          step: previous,
          before: earlier.answers,
          raw,
          started,
        });
      }

      const checked = validateStep(form, step.id, raw, now, before);
      if (!checked.ok) {
        return sendStep(reply, {
          language,
          step,
          before,
          raw,
          errors: checked.errors,
          started,
          status: 422,
        });
      }
      const answers = { ...before, ...checked.answers };
      const following = nextStep(form, answers, step.id);
      if (following !== null) {
        return sendStep(reply, { language, step: following, before: answers, raw, started });
      }

      if (limits && (startedAt === null || now.getTime() - startedAt < minimumFillMs)) {
        return sendStep(reply, { language, step, before, raw, tooFast: true, started });
      }
      const submitted = await submitReport(ports, { channel: 'web', answers: raw });
      if (submitted.ok) {
        // submitReport has committed: only now may the reporter be told it was received.
        return reply.redirect(`/r/${submitted.followUpToken}?received=1`, 303);
      }
      const failing = new Set(submitted.errors.map((error) => error.questionId));
      const first = visibleSteps(form, answers).find((candidate) =>
        candidate.questions.some((question) => failing.has(question.id)),
      );
      if (first === undefined) return sendProblemPage(reply, language, 'refused');
      const earlier = answersBefore(form, first.id, raw, now);
      return sendStep(reply, {
        language,
        step: first,
        before: earlier.answers,
        raw,
        errors: submitted.errors.filter((error) =>
          first.questions.some((question) => question.id === error.questionId),
        ),
        started,
        status: 422,
      });
    },
  );
};
