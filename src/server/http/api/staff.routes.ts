import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeCurrentStaff } from '../../../app/accounts/describe-current-staff.ts';
import { revokeSessions } from '../../../app/accounts/revoke-sessions.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { revokedSessionsResponse } from '../../../contracts/auth.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { currentStaffResponse, userIdParams } from '../../../contracts/staff.ts';
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
