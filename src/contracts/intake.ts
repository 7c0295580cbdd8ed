import { z } from 'zod';

export const submitReportRequest = z
  .strictObject({
    answers: z
      .record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a question id'), z.string().max(10_000))
      .meta({
        description:
          'Answers by question id, as text, following the questionnaire at GET /api/v1/questionnaires/hotline',
      }),
  })
  .meta({ id: 'SubmitReportRequest' });

export const submittedReportResponse = z
  .object({
    caseCode: z.string().meta({ description: 'To quote when calling the hotline' }),
    followUpUrl: z
      .string()
      .meta({ description: 'Secret link to follow the report; keep it private' }),
  })
  .meta({ id: 'SubmittedReport' });

export const followUpParams = z.strictObject({ followUpToken: z.string().regex(/^[\w-]{43}$/) });

export const followUpResponse = z
  .object({
    caseCode: z.string(),
    status: z.enum(['received', 'lawyer-assigned', 'closed']),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReportFollowUp' });
