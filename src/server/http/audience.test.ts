import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { useSharedTestServer } from '../../../test/support/test-server.ts';
import { buildPorts } from '../container.ts';
import { collectRoutes } from './audience.ts';
import { registerErrorHandling } from './errors/error-handler.ts';
import { registerAccessControl } from './plugins/staff-session.ts';

describe('route audiences', () => {
  const shared = useSharedTestServer();

  it('finds every registered route declaring who it is for', () => {
    expect(shared.current().routes.length).toBeGreaterThan(5);
    const undeclared = shared.current().routes.filter((route) => route.audience === undefined);
    expect(undeclared).toEqual([]);
  });

  it('keeps every API route behind a staff audience but login and the public intake', () => {
    const publicApi = ['/api/v1/auth/', '/api/v1/reports', '/api/v1/questionnaires/'];
    const open = shared
      .current()
      .routes.filter(
        (route) =>
          route.url.startsWith('/api/v1/') &&
          !publicApi.some((prefix) => route.url.startsWith(prefix)) &&
          (route.audience === 'public' || route.audience === 'login'),
      );
    expect(open).toEqual([]);
  });

  it('refuses a route that declares no audience', async () => {
    const app = Fastify();
    const routes = collectRoutes(app);
    registerErrorHandling(app);
    await app.register(cookie);
    await app.register(csrf, { cookieOpts: { signed: false } });
    registerAccessControl(app, buildPorts(shared.database()));
    app.get('/forgotten', async () => ({ secret: 'case files' }));
    await app.ready();
    expect(routes).toEqual([{ method: 'GET', url: '/forgotten', audience: undefined }]);
    const response = await app.inject({ method: 'GET', url: '/forgotten' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('case files');
    await app.close();
  });
});
