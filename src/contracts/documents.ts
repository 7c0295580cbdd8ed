import { z } from 'zod';
import { sendingMethods } from '../domain/documents/case-document.ts';
import { documentValueMaxLength } from '../domain/documents/compose-document.ts';
import { documentFields } from '../domain/documents/document-field.ts';
import { documentKinds } from '../domain/documents/document-template.ts';
import { text } from '../domain/rules/rule-pack.ts';

const calendarDate = z.iso.date();
const fieldNames = Object.keys(documentFields) as [string, ...string[]];

export const documentKind = z.enum(documentKinds).meta({ id: 'DocumentKind' });

export const caseDocumentParams = z.strictObject({ caseId: z.uuid(), documentId: z.uuid() });
export const caseDocumentFileParams = caseDocumentParams.extend({
  format: z.enum(['docx', 'pdf']),
});
export const prepareDocumentQuery = z.strictObject({ kind: documentKind });

/** Field values as staff review them; which are required is the template's to say. */
const documentValues = z
  .partialRecord(z.enum(fieldNames), z.string().max(documentValueMaxLength))
  .meta({
    id: 'DocumentValues',
    description: 'Field values by field name: dates as YYYY-MM-DD, times as HH:MM, text as typed',
  });

const templateField = z.object({
  name: z.string(),
  label: text,
  type: z.enum(['text', 'long-text', 'date', 'time', 'person-name']),
  required: z.boolean(),
});

const fieldProblem = z.object({ field: z.string(), message: text });

export const documentTemplatesResponse = z
  .object({
    templates: z.array(
      z.object({
        kind: documentKind,
        version: z.number().int(),
        title: text,
        purpose: text,
        fields: z.array(templateField),
      }),
    ),
  })
  .meta({ id: 'DocumentTemplates', description: 'The newest published version of each kind' });
export type DocumentTemplatesResponse = z.infer<typeof documentTemplatesResponse>;

export const preparedDocumentResponse = z
  .object({
    kind: documentKind,
    version: z.number().int(),
    values: documentValues,
    problems: z.array(fieldProblem).meta({ description: 'Every field still missing or malformed' }),
  })
  .meta({
    id: 'PreparedDocument',
    description:
      'What the case gives for the template, to review before generating; an audited read',
  });
export type PreparedDocumentResponse = z.infer<typeof preparedDocumentResponse>;

export const newCaseDocument = z
  .strictObject({ kind: documentKind, values: documentValues })
  .meta({ id: 'NewCaseDocument' });
export type NewCaseDocument = z.input<typeof newCaseDocument>;

export const newDocumentBatch = z
  .strictObject({
    kind: documentKind,
    caseIds: z.array(z.uuid()).min(1).max(100),
    values: documentValues.meta({
      description: 'Values for every case, over what each case gives',
    }),
  })
  .meta({ id: 'NewDocumentBatch' });
export type NewDocumentBatch = z.input<typeof newDocumentBatch>;

export const documentTracking = z
  .discriminatedUnion('step', [
    z.strictObject({
      step: z.literal('sent'),
      sentOn: calendarDate,
      via: z.enum(sendingMethods),
      receivedOn: calendarDate.optional().meta({
        description: 'When the addressee got it (post); the day it was sent when absent',
      }),
    }),
    z.strictObject({ step: z.literal('registered'), registeredOn: calendarDate }),
    z.strictObject({ step: z.literal('extended') }),
    z.strictObject({ step: z.literal('answered'), answeredOn: calendarDate }),
  ])
  .meta({ id: 'DocumentTracking' });
export type DocumentTracking = z.input<typeof documentTracking>;

export const caseDocumentResponse = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: documentKind,
    templateVersion: z.number().int(),
    docxSha256: z.string(),
    pdfSha256: z.string(),
    status: z.enum(['drafted', 'sent', 'answered']),
    stage: z.enum(['drafted', 'answer-due', 'overdue', 'answered']),
    sentOn: calendarDate.nullable(),
    sentVia: z.enum(sendingMethods).nullable(),
    receivedOn: calendarDate.nullable(),
    registeredOn: calendarDate.nullable(),
    extended: z.boolean(),
    answerDue: calendarDate.nullable().meta({
      description: '59-FZ art. 12, computed by the rules; null for a court claim',
    }),
    answeredOn: calendarDate.nullable(),
    followUp: text.nullable().meta({ description: 'For an overdue one: what to send next' }),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseDocument' });
export type CaseDocumentResponse = z.infer<typeof caseDocumentResponse>;

export const caseDocumentsResponse = z
  .object({ documents: z.array(caseDocumentResponse) })
  .meta({ id: 'CaseDocuments', description: 'Newest first; an audited read of the case' });
export type CaseDocumentsResponse = z.infer<typeof caseDocumentsResponse>;

export const documentFile = z.any().meta({
  description: 'The DOCX or PDF file, opened with your key; every download is audited',
});
