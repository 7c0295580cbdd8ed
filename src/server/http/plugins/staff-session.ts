import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type AuthenticatedSession,
  authenticateSession,
} from '../../../app/accounts/authenticate-session.ts';
import { authorise } from '../../../app/accounts/staff-actor.ts';
import { AppError } from '../../../app/app-error.ts';
import type { Ports } from '../../../app/ports/ports.ts';

export const sessionCookieName = 'habeas_session';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session token, carried only by an HttpOnly, Secure, SameSite=Strict cookie. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName];
}

/** The staff session the access-control hook resolved for a staff route. */
export function requireStaff(request: FastifyRequest): AuthenticatedSession {
  if (request.staff === null)
    throw new AppError('UNAUTHENTICATED', 'staff route without staff session');
  return request.staff;
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  // No Max-Age: the cookie dies with the browser; the server enforces idle and absolute limits.
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
  });
}

/**
 * Enforces every route's declared audience before its handler runs, and CSRF tokens on every
 * state-changing request that a browser could send with cookies. A route that declares no
 * audience is refused: forgetting to protect a route must not leave it open.
 */
export function registerAccessControl(app: FastifyInstance, ports: Ports): void {
  app.decorateRequest('staff', null);

  app.addHook('preValidation', (request, reply, done) => {
    if (
      !unsafeMethods.has(request.method) ||
      request.routeOptions.config.csrf === false ||
      request.is404
    ) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });

  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    const audience = request.routeOptions.config.audience;
    if (audience === undefined)
      throw new AppError('FORBIDDEN', `route ${request.routeOptions.url} declares no audience`);
    if (audience === 'public' || audience === 'login') return;
    request.staff = await authenticateSession(ports, sessionToken(request), 'full');
    if (audience.staff !== 'signed-in') {
      const { actor } = request.staff;
      authorise(actor, audience.staff, { type: 'organisation', orgId: actor.orgId });
    }
  });
}
