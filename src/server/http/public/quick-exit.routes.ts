import type { FastifyPluginAsync } from 'fastify';

/** Where the quick exit lands: a site anyone might have open. */
export const neutralSite = 'https://yandex.ru/pogoda';

/**
 * The quick exit: leaves for a neutral site and asks the browser to forget this one (its cache,
 * the form token cookie, any storage), where the browser honours Clear-Site-Data. The browser's
 * history still holds the pages seen; the form pages are never cached.
 */
export const quickExitRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/exit',
    { config: { audience: 'public' }, schema: { hide: true } },
    async (_request, reply) =>
      reply.header('clear-site-data', '"cache", "cookies", "storage"').redirect(neutralSite, 303),
  );
};
