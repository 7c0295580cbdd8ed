import { z } from 'zod';
import { alertReasons, alertStepKinds } from '../domain/alerts/alert.ts';
import { custodyStatuses } from '../domain/timeline/custody.ts';

export const alertIdParams = z.strictObject({ alertId: z.uuid() });

const alertReason = z.enum(alertReasons);

export const boardAlertResponse = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseCode: z.string(),
    placeId: z.string().nullable(),
    reason: alertReason,
    raisedAt: z.iso.datetime(),
    paged: z.array(
      z.object({ userId: z.string(), displayName: z.string(), pagedAt: z.iso.datetime() }),
    ),
    pagedToReader: z.boolean(),
    failedDeliveries: z.number().int(),
  })
  .meta({ id: 'BoardAlert', description: 'An alert nobody has taken yet' });
export type BoardAlertResponse = z.infer<typeof boardAlertResponse>;

export const boardResponse = z
  .object({
    places: z.array(
      z.object({
        placeId: z.string().nullable().meta({ description: 'Null: the place is not known' }),
        cases: z.array(
          z.object({
            caseId: z.string(),
            caseCode: z.string(),
            readerMayOpen: z.boolean(),
            status: z.enum(custodyStatuses),
            detainedSince: z.iso.datetime(),
            lastUpdateAt: z.iso.datetime(),
            assignees: z.array(z.object({ userId: z.string(), displayName: z.string() })),
          }),
        ),
      }),
    ),
    openAlerts: z.array(boardAlertResponse),
    readAt: z.iso.datetime(),
  })
  .meta({
    id: 'Board',
    description: 'Who is held where now, by case code (never a name), and the open alerts',
  });
export type BoardResponse = z.infer<typeof boardResponse>;

export const acknowledgementResponse = z
  .object({
    outcome: z.enum(['acknowledged', 'already-acknowledged']),
    caseId: z.string(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'Acknowledgement' });
export type AcknowledgementResponse = z.infer<typeof acknowledgementResponse>;

export const caseAlertsResponse = z
  .array(
    z.object({
      id: z.string(),
      reason: alertReason,
      status: z.enum(['open', 'acknowledged']),
      raisedAt: z.iso.datetime(),
      acknowledgedBy: z.string().nullable(),
      acknowledgedAt: z.iso.datetime().nullable(),
      steps: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(alertStepKinds),
          at: z.iso.datetime(),
          userId: z.string().nullable(),
          displayName: z.string().nullable(),
          channel: z.string().nullable(),
          attempt: z.number().int().nullable(),
        }),
      ),
    }),
  )
  .meta({ id: 'CaseAlerts', description: 'The alert log of a case, oldest first' });
export type CaseAlertsResponse = z.infer<typeof caseAlertsResponse>;

export const raisedAlertResponse = z.object({ alertId: z.string() }).meta({ id: 'RaisedAlert' });
