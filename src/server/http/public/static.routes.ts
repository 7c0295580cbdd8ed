import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const publicDir = path.dirname(fileURLToPath(import.meta.url));
const immutable = 'public, max-age=31536000, immutable';

/**
 * The public stylesheet and the built staff app. Vite fingerprints the staff app's assets, so
 * they are cached for good; its HTML, like every other response, is never cached.
 */
export const staticRoutes: FastifyPluginAsync<{ staffAppDir: string }> = async (
  app,
  { staffAppDir },
) => {
  await app.register(fastifyStatic, { root: publicDir, serve: false });

  app.get(
    '/assets/public.css',
    { config: { audience: 'public' }, schema: { hide: true } },
    (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').sendFile('public.css', publicDir),
  );

  app.get('/staff', { config: { audience: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.redirect('/staff/', 301),
  );

  app.get<{ Params: { '*': string } }>(
    '/staff/*',
    { config: { audience: 'public' }, schema: { hide: true } },
    (request, reply) => {
      if (!existsSync(path.join(staffAppDir, 'index.html'))) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The staff app is not built. Run: npm run build:web');
      }
      const wanted = request.params['*'];
      if (wanted.startsWith('assets/')) {
        return reply.header('cache-control', immutable).sendFile(wanted, staffAppDir);
      }
      return reply.sendFile('index.html', staffAppDir);
    },
  );
};
