import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeCurrentStaff } from '../../../app/accounts/describe-current-staff.ts';
import {
  issueTelegramLinkCode,
  readTelegramLink,
  unlinkTelegramChat,
} from '../../../app/accounts/link-telegram-chat.ts';
import { revokeSessions } from '../../../app/accounts/revoke-sessions.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { revokedSessionsResponse } from '../../../contracts/auth.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  currentStaffResponse,
  telegramLinkCodeResponse,
  telegramLinkResponse,
  userIdParams,
} from '../../../contracts/staff.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['staff'];
const errors = { '4xx': errorBody };

export const staffRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/me',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The logged-in staff member and organisation',
        response: { 200: currentStaffResponse, ...errors },
      },
    },
    async (request) => describeCurrentStaff(ports, requireStaff(request)),
  );

  async function telegramLinkOf(current: ReturnType<typeof requireStaff>) {
    const { linked, linkedAt } = await readTelegramLink(ports, current);
    return {
      available: ports.alertChannels.some((channel) => channel.needsTelegramChat),
      linked,
      linkedAt: linkedAt?.toISOString() ?? null,
    };
  }

  app.get(
    '/api/v1/me/telegram',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Whether your alerts also reach your Telegram',
        response: { 200: telegramLinkResponse, ...errors },
      },
    },
    async (request) => telegramLinkOf(requireStaff(request)),
  );

  app.post(
    '/api/v1/me/telegram/link-code',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'A single-use code to send to the organisation’s bot from your chat (15 minutes)',
        response: { 201: telegramLinkCodeResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { code, expiresAt } = await issueTelegramLinkCode(ports, requireStaff(request));
      return reply
        .code(201)
        .send({ code, command: `/link ${code}`, expiresAt: expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/me/telegram',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Stop sending your alerts to Telegram',
        response: { 200: telegramLinkResponse, ...errors },
      },
    },
    async (request) => {
      const current = requireStaff(request);
      await unlinkTelegramChat(ports, current);
      return telegramLinkOf(current);
    },
  );

  app.post(
    '/api/v1/staff-users/:userId/sessions/revoke',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'End every session of a staff member (admins: anyone; others: themselves)',
        params: userIdParams,
        response: { 200: revokedSessionsResponse, ...errors },
      },
    },
    async (request) => {
      const { actor } = requireStaff(request);
      return revokeSessions(ports, actor, { orgId: actor.orgId, userId: request.params.userId });
    },
  );
};
