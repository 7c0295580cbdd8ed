import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticateSession } from '../../../app/accounts/authenticate-session.ts';
import { acknowledgeAlert } from '../../../app/alerts/acknowledge-alert.ts';
import { markCaseUrgent } from '../../../app/alerts/mark-case-urgent.ts';
import { readCaseAlerts } from '../../../app/alerts/read-case-alerts.ts';
import { readBoard } from '../../../app/board/read-board.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import {
  acknowledgementResponse,
  alertIdParams,
  boardResponse,
  caseAlertsResponse,
  raisedAlertResponse,
} from '../../../contracts/board.ts';
import { caseIdParams } from '../../../contracts/cases.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import { requireStaff, sessionToken } from '../plugins/staff-session.ts';

const tags = ['board'];
const errors = { '4xx': errorBody };

/** Often enough for proxies to keep the stream open, and for a revoked session to lose it soon. */
const heartbeatMs = 15_000;
/** A burst of changes (a group detention) becomes one reread in every open app. */
const coalesceMs = 50;

/**
 * The live board and alerts: the board as JSON, a server-sent event stream that says when to
 * read it again, taking an alert, marking a case urgent, and a case's alert log.
 */
export const boardRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  const streams = new Set<ServerResponse>();
  // Open streams would keep the server from closing: they end with it.
  app.addHook('onClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.get(
    '/api/v1/board',
    {
      config: { audience: { staff: 'board.read' } },
      schema: {
        tags,
        summary: 'Who is held where now (case codes, never names) and the alerts nobody took yet',
        response: { 200: boardResponse, ...errors },
      },
    },
    async (request) => {
      const board = await readBoard(ports, requireStaff(request));
      return {
        places: board.places.map((place) => ({
          placeId: place.placeId,
          cases: place.cases.map((entry) => ({
            caseId: entry.caseId,
            caseCode: entry.caseCode,
            readerMayOpen: entry.readerMayOpen,
            status: entry.custody.status,
            detainedSince: entry.custody.since.toISOString(),
            lastUpdateAt: entry.custody.lastUpdateAt.toISOString(),
            assignees: entry.assignees,
          })),
        })),
        openAlerts: board.openAlerts.map((alert) => ({
          id: alert.id,
          caseId: alert.caseId,
          caseCode: alert.caseCode,
          placeId: alert.placeId,
          reason: alert.reason,
          raisedAt: alert.raisedAt.toISOString(),
          paged: alert.paged.map((page) => ({ ...page, pagedAt: page.pagedAt.toISOString() })),
          pagedToReader: alert.pagedToReader,
          failedDeliveries: alert.failedDeliveries,
        })),
        readAt: board.readAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/board/events',
    {
      config: { audience: { staff: 'board.read' } },
      schema: {
        tags,
        summary:
          'Server-sent events: `board` whenever the board or the alerts changed, on any app instance',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { actor } = requireStaff(request);
      const token = sessionToken(request);
      // The stream outlives Fastify's reply; the security headers already set go along.
      const headers = reply.getHeaders();
      reply.hijack();
      const stream = reply.raw;
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) stream.setHeader(name, value);
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write('retry: 2000\n\n');
      streams.add(stream);
      let pending: NodeJS.Timeout | null = null;
      const unsubscribe = ports.liveUpdates.subscribe((orgId) => {
        if (orgId !== actor.orgId || pending !== null) return;
        pending = setTimeout(() => {
          pending = null;
          stream.write('event: board\ndata: changed\n\n');
        }, coalesceMs);
      });
      // A session logged out or revoked elsewhere loses its stream at the next heartbeat.
      const heartbeat = setInterval(() => {
        authenticateSession(ports, token, 'full').then(
          () => stream.write(': heartbeat\n\n'),
          () => stream.end(),
        );
      }, heartbeatMs);
      const close = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (pending !== null) clearTimeout(pending);
        streams.delete(stream);
      };
      stream.on('close', close);
    },
  );

  app.post(
    '/api/v1/alerts/:alertId/acknowledge',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Take an alert paged to you (coordinators: any); it stops escalating',
        params: alertIdParams,
        response: { 200: acknowledgementResponse, ...errors },
      },
    },
    async (request) => {
      const result = await acknowledgeAlert(ports, requireStaff(request), request.params.alertId);
      return {
        outcome: result.outcome,
        caseId: result.alert.caseId,
        acknowledgedBy: result.alert.acknowledgedBy,
      };
    },
  );

  app.get(
    '/api/v1/cases/:caseId/alerts',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'The alert log of a case: pages, deliveries, failures and who took it',
        params: caseIdParams,
        response: { 200: caseAlertsResponse, ...errors },
      },
    },
    async (request) => {
      const alerts = await readCaseAlerts(ports, requireStaff(request), request.params.caseId);
      return alerts.map((alert) => ({
        id: alert.id,
        reason: alert.reason,
        status: alert.status,
        raisedAt: alert.raisedAt.toISOString(),
        acknowledgedBy: alert.acknowledgedBy,
        acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
        steps: alert.steps.map((step) => ({
          id: step.id,
          kind: step.kind,
          at: step.at.toISOString(),
          userId: step.userId,
          displayName: step.displayName,
          channel: step.channel,
          attempt: step.attempt,
        })),
      }));
    },
  );

  app.post(
    '/api/v1/cases/:caseId/alerts',
    {
      config: { audience: { staff: 'signed-in' } },
      schema: {
        tags,
        summary: 'Mark a case urgent: the lawyer on duty is paged as for a new detention',
        params: caseIdParams,
        body: z.strictObject({}).optional(),
        response: { 201: raisedAlertResponse, ...errors },
      },
    },
    async (request, reply) => {
      const alert = await markCaseUrgent(ports, requireStaff(request), request.params.caseId);
      return reply.status(201).send({ alertId: alert.id });
    },
  );
};
