import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticateSession } from '../../../app/accounts/authenticate-session.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../../app/accounts/enrol-totp.ts';
import { logIn } from '../../../app/accounts/log-in.ts';
import { logOut, logOutEverywhere } from '../../../app/accounts/log-out.ts';
import { requestPasswordReset } from '../../../app/accounts/request-password-reset.ts';
import { setPasswordWithToken } from '../../../app/accounts/set-password-with-token.ts';
import { verifySecondFactor } from '../../../app/accounts/verify-second-factor.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import {
  csrfTokenResponse,
  loginRequest,
  passwordResetAccepted,
  passwordResetRequest,
  revokedSessionsResponse,
  secondFactorRequest,
  sessionStageResponse,
  setPasswordRequest,
  totpConfirmRequest,
  totpConfirmResponse,
  totpEnrolmentResponse,
} from '../../../contracts/auth.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { safeErrorSummary } from '../errors/error-handler.ts';
import { requestLanguage } from '../language.ts';
import {
  clearSessionCookie,
  requireStaff,
  sessionToken,
  setSessionCookie,
} from '../plugins/staff-session.ts';

const tags = ['auth'];
const errors = { '4xx': errorBody };
/** Guessing is slowed per account by the domain's lockout; this slows it per client too. */
const loginRateLimit = { max: 10, timeWindow: '1 minute' };

export const authRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/auth/csrf',
    {
      config: { audience: 'public' },
      schema: {
        tags,
        summary: 'A CSRF token for the next state-changing request',
        response: { 200: csrfTokenResponse },
      },
    },
    async (_request, reply) => ({ csrfToken: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { audience: 'login', rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Check e-mail and password; the session then needs the second factor',
        body: loginRequest,
        response: { 200: sessionStageResponse, ...errors },
      },
    },
    async (request, reply) => {
      const opened = await logIn(ports, request.body);
      setSessionCookie(reply, opened.sessionToken);
      return { stage: opened.stage };
    },
  );

  app.post(
    '/api/v1/auth/second-factor',
    {
      config: { audience: 'login', rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Complete the login with a TOTP code or a recovery code',
        body: secondFactorRequest,
        response: { 200: sessionStageResponse, ...errors },
      },
    },
    async (request, reply) => {
      const opened = await verifySecondFactor(ports, sessionToken(request), request.body);
      setSessionCookie(reply, opened.sessionToken);
      return { stage: opened.stage };
    },
  );

  app.post(
    '/api/v1/auth/totp/enrolment',
    {
      config: { audience: 'login' },
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app (first login only)',
        response: { 200: totpEnrolmentResponse, ...errors },
      },
    },
    async (request) => startTotpEnrolment(ports, sessionToken(request)),
  );

  app.post(
    '/api/v1/auth/totp/enrolment/confirm',
    {
      config: { audience: 'login', rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code; returns recovery codes once',
        body: totpConfirmRequest,
        response: { 200: totpConfirmResponse, ...errors },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmTotpEnrolment(ports, sessionToken(request), request.body);
      setSessionCookie(reply, confirmed.sessionToken);
      return { stage: 'full' as const, recoveryCodes: confirmed.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { audience: 'login', rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Choose a password through a one-time enrolment or reset link',
        body: setPasswordRequest,
        response: { 200: sessionStageResponse, ...errors },
      },
    },
    async (request, reply) => {
      const opened = await setPasswordWithToken(ports, request.body);
      setSessionCookie(reply, opened.sessionToken);
      return { stage: opened.stage };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { audience: 'login', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Mail a one-hour reset link if the address belongs to an active account',
        body: passwordResetRequest,
        response: { 202: passwordResetAccepted, ...errors },
      },
    },
    async (request, reply) => {
      const { delivery } = await requestPasswordReset(ports, {
        email: request.body.email,
        language: requestLanguage(request),
      });
      delivery.catch((error: unknown) => {
        request.log.warn({ failure: safeErrorSummary(error) }, 'password reset mail not sent');
      });
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { audience: 'login' },
      schema: {
        tags,
        summary: 'End this session',
        response: { 204: z.null().meta({ description: 'Logged out' }) },
      },
    },
    async (request, reply) => {
      // A session already gone or half-finished just loses its cookie.
      const current = await authenticateSession(ports, sessionToken(request), 'full').catch(
        () => null,
      );
      if (current !== null) await logOut(ports, current);
      clearSessionCookie(reply);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-everywhere',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'End every session of the current user, on every device',
        response: { 200: revokedSessionsResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await logOutEverywhere(ports, requireStaff(request));
      clearSessionCookie(reply);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return result;
    },
  );
};
