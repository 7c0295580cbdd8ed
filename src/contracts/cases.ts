import { z } from 'zod';
import { caseFacts } from '../domain/rules/case-facts.ts';
import { custodyResponse, draftMatterBody, timelineEventResponse } from './timeline.ts';

const isoDate = z.iso.date().meta({ description: 'YYYY-MM-DD' });

export const newPersonBody = z
  .strictObject({
    fullName: z.string().trim().min(1).max(200),
    birthDate: isoDate.nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
    notes: z.string().max(10_000).nullable().default(null),
  })
  .meta({ id: 'NewPerson' });

export const createCaseRequest = z
  .strictObject({ person: newPersonBody })
  .meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof createCaseRequest>;

export const createdCaseResponse = z.object({ caseId: z.uuid() }).meta({ id: 'CreatedCase' });

export const caseIdParams = z.strictObject({ caseId: z.uuid() });

const answerValue = z.union([
  z.string(),
  z.object({ placeKind: z.string(), placeId: z.string() }),
  z.object({ freeText: z.string() }),
]);

const channel = z.enum(['web', 'api', 'telegram']);

const openedReport = z.object({
  caseCode: z.string(),
  channel,
  receivedAt: z.iso.datetime(),
  answers: z
    .record(z.string(), answerValue)
    .meta({ description: 'By question id of the questionnaire' }),
});

export const caseFileResponse = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'closed', 'deleted']),
    assigneeIds: z.array(z.string()),
    createdAt: z.iso.datetime(),
    persons: z.array(
      z.object({
        id: z.string(),
        fullName: z.string(),
        birthDate: z.string().nullable(),
        phone: z.string().nullable(),
        notes: z.string().nullable(),
      }),
    ),
    report: openedReport.nullable(),
    laterReports: z
      .array(openedReport)
      .meta({ description: 'Reports that came with duplicates merged into this case' }),
    mergedInto: z
      .string()
      .nullable()
      .meta({ description: 'Set on a duplicate: the case that now holds its records' }),
    likelyDuplicates: z
      .array(z.string())
      .meta({ description: 'Other cases with a person in the same blind-index bucket' }),
    timeline: z.array(timelineEventResponse).meta({ description: 'Oldest first' }),
    custody: custodyResponse.nullable(),
    draftMatter: draftMatterBody,
    facts: caseFacts.meta({
      description:
        'The case as the rules engine reads it: draft matter, birth date, the last refusal at the door',
    }),
  })
  .meta({ id: 'CaseFile', description: 'Opened with the reader’s own key; every read is audited' });
export type CaseFileResponse = z.infer<typeof caseFileResponse>;

export const mergeCasesRequest = z
  .strictObject({
    duplicateCaseId: z.uuid().meta({ description: 'The case folded into this one and closed' }),
  })
  .meta({ id: 'MergeCases' });

export const grantCaseAccessRequest = z
  .strictObject({ userId: z.uuid() })
  .meta({ id: 'GrantCaseAccess' });

export const matchingCasesRequest = z
  .strictObject({ fullName: z.string().trim().min(1).max(200), birthDate: isoDate })
  .meta({
    id: 'MatchingCasesRequest',
    description: 'Sent in the body: personal data never goes into a URL',
  });

export const matchingCasesResponse = z
  .object({
    caseIds: z
      .array(z.string())
      .meta({ description: 'Cases with this person, confirmed after opening' }),
    unopened: z.number().int().meta({ description: 'Candidates you hold no key or right to open' }),
  })
  .meta({ id: 'MatchingCases' });

export const listCasesQuery = z.strictObject({
  status: z.enum(['open', 'closed']).default('open'),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Only cases assigned to you' }),
  placeId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: 'Only cases with a timeline event at this place' }),
  dueSoon: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Only cases with an open task overdue or due within 7 days' }),
  campaign: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(40)
    .optional()
    .meta({ description: 'Only cases opened during this campaign' }),
});

export const caseListResponse = z
  .object({
    cases: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['open', 'closed']),
        createdAt: z.iso.datetime(),
        assigneeIds: z.array(z.string()),
        likelyDuplicates: z
          .array(z.string())
          .meta({ description: 'Other cases with a person in the same blind-index bucket' }),
        custody: custodyResponse.nullable(),
        campaignId: z.string().nullable(),
        report: z
          .object({
            caseCode: z.string(),
            channel,
            situation: z.string().nullable(),
            receivedAt: z.iso.datetime(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseList', description: 'Operational data only: listing opens no case' });

export const campaignListResponse = z
  .object({
    campaigns: z.array(
      z.object({
        id: z.string(),
        name: z.object({ ru: z.string(), en: z.string() }),
        startsOn: isoDate,
        endsOn: isoDate,
        quota: z.number().int().nullable(),
        decree: z.object({
          title: z.object({ ru: z.string(), en: z.string() }),
          sourceUrls: z.array(z.string()),
        }),
        dispatchWindows: z.array(z.object({ from: isoDate, to: isoDate })),
      }),
    ),
  })
  .meta({ id: 'CampaignList', description: 'Conscription campaigns, oldest first, with sources' });
export type CampaignListResponse = z.infer<typeof campaignListResponse>;
