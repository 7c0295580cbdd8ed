import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ports } from '../../../app/ports/ports.ts';
import { addShift } from '../../../app/roster/add-shift.ts';
import { changeShift } from '../../../app/roster/change-shift.ts';
import { readRoster } from '../../../app/roster/read-roster.ts';
import { removeShift } from '../../../app/roster/remove-shift.ts';
import { setEscalationMinutes } from '../../../app/roster/set-escalation-minutes.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  escalationBody,
  rosterQuery,
  rosterResponse,
  shiftBody,
  shiftIdParams,
  shiftResponse,
} from '../../../contracts/roster.ts';
import type { Shift } from '../../../domain/roster/shift.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['roster'];
const errors = { '4xx': errorBody };

function shiftInput(body: z.output<typeof shiftBody>) {
  return {
    userId: body.userId,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    region: body.region,
  };
}

function shiftBodyOf(shift: Shift & { displayName?: string }) {
  return {
    id: shift.id,
    userId: shift.userId,
    displayName: shift.displayName ?? '',
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    region: shift.region,
  };
}

/** The duty roster: who is on duty when, coverage gaps, and the escalation delay. */
export const rosterRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/roster',
    {
      config: { audience: { staff: 'roster.read' } },
      schema: {
        tags,
        summary: 'Shifts of a period (up to 35 days), its coverage gaps, and who is on duty now',
        querystring: rosterQuery,
        response: { 200: rosterResponse, ...errors },
      },
    },
    async (request) => {
      const { from, to, region } = request.query;
      const { actor } = requireStaff(request);
      const roster = await readRoster(ports, actor, {
        orgId: actor.orgId,
        from: new Date(from),
        to: new Date(to),
        ...(region === undefined ? {} : { region }),
      });
      return {
        ...roster,
        shifts: roster.shifts.map(shiftBodyOf),
        gaps: roster.gaps.map((gap) => ({
          from: gap.from.toISOString(),
          to: gap.to.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/v1/roster/shifts',
    {
      config: { audience: { staff: 'roster.manage' } },
      schema: {
        tags,
        summary: 'Put a staff member on duty; refused when the shift ends before it starts',
        body: shiftBody,
        response: { 201: shiftResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = requireStaff(request);
      const shift = await addShift(ports, actor, {
        ...shiftInput(request.body),
        orgId: actor.orgId,
      });
      return reply.status(201).send(shiftBodyOf(shift));
    },
  );

  app.put(
    '/api/v1/roster/shifts/:shiftId',
    {
      config: { audience: { staff: 'roster.manage' } },
      schema: {
        tags,
        summary: 'Change a shift: its times, who is on duty, its region',
        params: shiftIdParams,
        body: shiftBody,
        response: { 200: shiftResponse, ...errors },
      },
    },
    async (request) => {
      const shift = await changeShift(
        ports,
        requireStaff(request),
        request.params.shiftId,
        shiftInput(request.body),
      );
      return shiftBodyOf(shift);
    },
  );

  app.delete(
    '/api/v1/roster/shifts/:shiftId',
    {
      config: { audience: { staff: 'roster.manage' } },
      schema: {
        tags,
        summary: 'Take a shift off the roster',
        params: shiftIdParams,
        response: { 204: z.null().meta({ description: 'Removed' }), ...errors },
      },
    },
    async (request, reply) => {
      await removeShift(ports, requireStaff(request), request.params.shiftId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/roster/escalation',
    {
      config: { audience: { staff: 'roster.manage' } },
      schema: {
        tags,
        summary: 'Minutes an alert waits to be taken before it moves to the next person',
        body: escalationBody,
        response: { 204: z.null().meta({ description: 'Saved' }), ...errors },
      },
    },
    async (request, reply) => {
      await setEscalationMinutes(ports, requireStaff(request), request.body.escalationMinutes);
      return reply.status(204).send(null);
    },
  );
};
