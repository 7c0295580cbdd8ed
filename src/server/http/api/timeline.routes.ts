import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveDraftMatter } from '../../../app/cases/save-draft-matter.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { recordTimelineEvent } from '../../../app/timeline/record-timeline-event.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  draftMatterBody,
  newTimelineEventRequest,
  type TimelineEventResponse,
  timelineEventResponse,
} from '../../../contracts/timeline.ts';
import type { Custody } from '../../../domain/timeline/custody.ts';
import type { TimelineEvent } from '../../../domain/timeline/timeline-event.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['cases'];
const errors = { '4xx': errorBody };

export function timelineEventBody(event: TimelineEvent): TimelineEventResponse {
  return {
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt.toISOString(),
    placeId: event.placeId,
    powerOfAttorney: event.powerOfAttorney,
    note: event.note,
    recordedBy: event.recordedBy,
    recordedAt: event.recordedAt.toISOString(),
  };
}

export function custodyBody(custody: Custody | null) {
  return custody === null
    ? null
    : {
        ...custody,
        since: custody.since.toISOString(),
        lastUpdateAt: custody.lastUpdateAt.toISOString(),
      };
}

export const timelineRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.post(
    '/api/v1/cases/:caseId/timeline',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Record an event on the case timeline; refused when it cannot be true (e.g. a transfer before the detention)',
        params: caseIdParams,
        body: newTimelineEventRequest,
        response: { 201: timelineEventResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { occurredAt, ...rest } = request.body;
      const event = await recordTimelineEvent(ports, requireStaff(request), request.params.caseId, {
        ...rest,
        occurredAt: new Date(occurredAt),
      });
      return reply.status(201).send(timelineEventBody(event));
    },
  );

  app.put(
    '/api/v1/cases/:caseId/draft-matter',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Replace the draft matter: decision, notice, medical category, deferments, appeals, power of attorney',
        params: caseIdParams,
        body: draftMatterBody,
        response: { 204: z.null().meta({ description: 'Saved' }), ...errors },
      },
    },
    async (request, reply) => {
      await saveDraftMatter(ports, requireStaff(request), request.params.caseId, request.body);
      return reply.status(204).send(null);
    },
  );
};
