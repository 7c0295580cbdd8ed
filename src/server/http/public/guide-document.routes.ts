import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { DocumentFieldsError, FactsRefusedError } from '../../../app/app-error.ts';
import { renderDocumentFromFacts } from '../../../app/documents/render-document-from-facts.ts';
import type { DocumentFormat } from '../../../app/ports/documents.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { FieldProblem } from '../../../domain/documents/document-field.ts';
import {
  type DocumentKind,
  isDocumentKind,
  templateFields,
} from '../../../domain/documents/document-template.ts';
import { checkGuide } from '../../../domain/guide/guide-answers.ts';
import { guideDocumentValues } from '../../../domain/guide/guide-document-values.ts';
import { guideFacts } from '../../../domain/guide/guide-facts.ts';
import { type Answers, rawAnswersOf } from '../../../domain/intake/answers.ts';
import { moscowDateOf } from '../../../domain/rules/calendar-date.ts';
import type { Language } from '../language.ts';
import { documentFieldPrefix, renderGuideDocument } from './guide-document-view.ts';
import {
  guideAnswersOf,
  registerGuideProblemPages,
  sendGuideProblem,
} from './guide-problem-page.ts';
import { answersQuery } from './guide-view.ts';
import { pageLanguage } from './page-language.ts';
import { publicPage } from './public-page.ts';

export type GuideDocumentRoutesOptions = { ports: Ports };

const mediaTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function firstStrings(input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) return fields;
  for (const [name, value] of Object.entries(input)) {
    const one: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof one === 'string') fields[name] = one;
  }
  return fields;
}

/**
 * Documents from the guide: a page per document with its fields filled from the answers, and a
 * post that returns the DOCX or PDF at once. Nothing is stored: the file is made from the
 * request and forgotten; names travel in the body of a post, never in an address.
 */
export const guideDocumentRoutes: FastifyPluginAsync<GuideDocumentRoutesOptions> = async (
  app,
  { ports },
) => {
  // Form bodies for these routes only, as for the report form.
  await app.register(formbody);
  registerGuideProblemPages(app);

  function sendForm(
    reply: FastifyReply,
    input: {
      language: Language;
      kind: DocumentKind;
      answers: Answers;
      values: Record<string, string>;
      problems?: FieldProblem[];
      status?: number;
    },
  ): FastifyReply {
    const view = renderGuideDocument({
      language: input.language,
      template: ports.documents.templates.current(input.kind),
      raw: rawAnswersOf(input.answers),
      values: input.values,
      problems: input.problems ?? [],
      csrfToken: reply.generateCsrf(),
    });
    return reply
      .status(input.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(publicPage({ language: input.language, ...view, noindex: true }));
  }

  app.get(
    '/guide/document',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const query = firstStrings(request.query);
      const language = pageLanguage(request, query.lang);
      const kind = query.kind ?? '';
      if (!isDocumentKind(kind)) return sendGuideProblem(reply, language, 'not-found');
      const raw = guideAnswersOf(query);
      const walked = checkGuide(raw, ports.clock.now(), 'end');
      if (!walked.ok) return reply.redirect(`/guide/result?${answersQuery(language, raw)}`, 303);
      return sendForm(reply, {
        language,
        kind,
        answers: walked.answers,
        values: guideDocumentValues(walked.answers),
      });
    },
  );

  app.post(
    '/guide/document',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const fields = firstStrings(request.body);
      const to = fields.to;
      const switched = to === 'ru' || to === 'en';
      const language = pageLanguage(request, switched ? to : fields.lang);
      const kind = fields.kind ?? '';
      if (!isDocumentKind(kind)) return sendGuideProblem(reply, language, 'not-found');
      const raw = guideAnswersOf(fields);
      const now = ports.clock.now();
      const walked = checkGuide(raw, now, 'end');
      if (!walked.ok) return reply.redirect(`/guide/result?${answersQuery(language, raw)}`, 303);
      const values = guideDocumentValues(walked.answers);
      // What he typed wins over what the guide knew, an emptied field included.
      for (const field of templateFields(ports.documents.templates.current(kind))) {
        const typed = fields[`${documentFieldPrefix}${field}`];
        if (typed === undefined) continue;
        if (typed.trim() === '') delete values[field];
        else values[field] = typed.trim();
      }
      const form = { language, kind, answers: walked.answers, values };
      if (switched) return sendForm(reply, form);
      const format: DocumentFormat = fields.format === 'docx' ? 'docx' : 'pdf';
      try {
        const rendered = await renderDocumentFromFacts(ports, {
          kind,
          facts: { values, caseFacts: guideFacts(walked.answers) },
          format,
          today: moscowDateOf(now),
        });
        return reply
          .type(mediaTypes[format])
          .header('content-disposition', `attachment; filename="${kind}.${format}"`)
          .send(Buffer.from(rendered.bytes));
      } catch (error) {
        if (error instanceof DocumentFieldsError) {
          return sendForm(reply, { ...form, problems: error.problems, status: 422 });
        }
        if (error instanceof FactsRefusedError) {
          return reply.redirect(`/guide/result?${answersQuery(language, raw)}`, 303);
        }
        throw error;
      }
    },
  );
};
