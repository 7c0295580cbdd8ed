import type { FastifyInstance } from 'fastify';
import type { AuthenticatedSession } from '../../app/accounts/authenticate-session.ts';
import type { Action } from '../../domain/access/can.ts';

/**
 * Who a route is for. `public`: anyone. `login`: the steps of logging in, which check their own
 * half-finished session. `staff`: a fully logged-in staff member, holding the named permission
 * within the organisation (or just signed in); per-case checks happen in the use cases.
 */
export type Audience = 'public' | 'login' | { staff: Action | 'signed-in' };

declare module 'fastify' {
  interface FastifyContextConfig {
    audience?: Audience;
    /** false for routes that take no cookie and change no session (public JSON API). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    staff: AuthenticatedSession | null;
  }
}

export type RegisteredRoute = { method: string; url: string; audience: Audience | undefined };

/**
 * Records every route as it is registered, so that a test can walk them all and fail on one
 * that declares no audience.
 */
export function collectRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, audience: route.config?.audience });
    }
  });
  return routes;
}
