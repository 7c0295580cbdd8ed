import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Ports } from '../../app/ports/ports.ts';
import {
  type TelegramWebhook,
  telegramWebhookRoutes,
} from '../telegram/telegram-webhook.routes.ts';
import { authRoutes } from './api/auth.routes.ts';
import { boardRoutes } from './api/board.routes.ts';
import { casesRoutes } from './api/cases.routes.ts';
import { documentsRoutes } from './api/documents.routes.ts';
import { evidenceRoutes } from './api/evidence.routes.ts';
import { importsRoutes } from './api/imports.routes.ts';
import { placesRoutes } from './api/places.routes.ts';
import { publicationRoutes } from './api/publication.routes.ts';
import { reportsRoutes } from './api/reports.routes.ts';
import { rosterRoutes } from './api/roster.routes.ts';
import { rulesRoutes } from './api/rules.routes.ts';
import { staffRoutes } from './api/staff.routes.ts';
import { systemRoutes } from './api/system.routes.ts';
import { tasksRoutes } from './api/tasks.routes.ts';
import { timelineRoutes } from './api/timeline.routes.ts';
import { collectRoutes, type RegisteredRoute } from './audience.ts';
import { registerErrorHandling } from './errors/error-handler.ts';
import { zodValidatorCompiler } from './errors/input-validation.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerAccessControl } from './plugins/staff-session.ts';
import { alertAcknowledgeRoutes } from './public/alert-acknowledge.routes.ts';
import { followUpRoutes } from './public/follow-up.routes.ts';
import { guideRoutes } from './public/guide.routes.ts';
import { guideDocumentRoutes } from './public/guide-document.routes.ts';
import { homeRoutes } from './public/home.routes.ts';
import { quickExitRoutes } from './public/quick-exit.routes.ts';
import { reportFormRoutes } from './public/report-form.routes.ts';
import { staticRoutes } from './public/static.routes.ts';
import { statsRoutes } from './public/stats.routes.ts';

export type ServerOptions = {
  ports: Ports;
  /** Where people reach the server; https turns on HSTS and upgrade-insecure-requests. */
  publicUrl: string;
  trustProxy: boolean;
  logLevel: string;
  /** The built staff app (Vite output). */
  staffAppDir: string;
  /** Requests per minute per client, before the stricter limits of login routes. */
  rateLimitPerMinute?: number;
  /** Anti-abuse limits of the public intake; off only for load tests. */
  intakeLimits?: boolean;
  /** How long the public statistics are served before they are computed again. */
  statsMaxAgeMs?: number;
  /** Read the statistics a week at a time (SQLite) rather than in one go (PostgreSQL). */
  statsReadByWeek?: boolean;
  /** The Telegram bot's webhook, when it receives updates that way. */
  telegramWebhook?: TelegramWebhook | null;
};

export type HabeasServer = { app: FastifyInstance; routes: RegisteredRoute[] };

const bodyLimitBytes = 64 * 1024;

export async function buildServer(options: ServerOptions): Promise<HabeasServer> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      // Only method, route pattern, status and time are logged: URLs may carry secrets.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy,
    bodyLimit: bodyLimitBytes,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes = collectRoutes(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app, { https: options.publicUrl.startsWith('https://') });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'habeas_csrf',
    cookieOpts: { httpOnly: true, secure: true, sameSite: 'strict', path: '/', signed: false },
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 300,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('rate limited'), {
        statusCode: context.statusCode,
        code: 'FST_ERR_RATE_LIMITED',
      }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Habeas API',
        version: '1',
        description:
          'Hotline intake, rapid response and case management for legal-aid groups defending conscripts.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'habeas_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  registerAccessControl(app, options.ports);

  await app.register(systemRoutes);
  await app.register(authRoutes, { ports: options.ports });
  await app.register(staffRoutes, { ports: options.ports });
  await app.register(casesRoutes, { ports: options.ports });
  await app.register(timelineRoutes, { ports: options.ports });
  await app.register(importsRoutes, { ports: options.ports });
  await app.register(rulesRoutes, { ports: options.ports });
  await app.register(tasksRoutes, { ports: options.ports });
  await app.register(documentsRoutes, { ports: options.ports });
  await app.register(evidenceRoutes, { ports: options.ports });
  await app.register(placesRoutes, { ports: options.ports });
  await app.register(rosterRoutes, { ports: options.ports });
  await app.register(boardRoutes, { ports: options.ports });
  await app.register(publicationRoutes, { ports: options.ports });
  const intakeLimits = options.intakeLimits ?? true;
  await app.register(reportsRoutes, {
    ports: options.ports,
    publicUrl: options.publicUrl,
    limits: intakeLimits,
  });
  await app.register(homeRoutes);
  await app.register(reportFormRoutes, { ports: options.ports, limits: intakeLimits });
  await app.register(followUpRoutes, { ports: options.ports, limits: intakeLimits });
  await app.register(alertAcknowledgeRoutes, { ports: options.ports, limits: intakeLimits });
  await app.register(guideRoutes, { ports: options.ports });
  await app.register(guideDocumentRoutes, { ports: options.ports });
  await app.register(quickExitRoutes);
  await app.register(statsRoutes, {
    ports: options.ports,
    publicUrl: options.publicUrl,
    ...(options.statsMaxAgeMs === undefined ? {} : { maxAgeMs: options.statsMaxAgeMs }),
    ...(options.statsReadByWeek === undefined ? {} : { readByWeek: options.statsReadByWeek }),
  });
  if (options.telegramWebhook) {
    await app.register(telegramWebhookRoutes, { webhook: options.telegramWebhook });
  }
  await app.register(staticRoutes, { staffAppDir: options.staffAppDir });
  await app.ready();
  return { app, routes };
}
