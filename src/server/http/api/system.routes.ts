import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from '../../../contracts/health.ts';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { audience: 'public' },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: healthResponse } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/openapi.json',
    {
      config: { audience: 'public' },
      schema: {
        tags: ['system'],
        summary: 'This document: the OpenAPI 3.1 description of the whole API',
      },
    },
    async () => app.swagger(),
  );
};
