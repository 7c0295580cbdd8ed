import type { CaseDocument, DocumentTemplate } from '../api/api-client.ts';
import type { FakeReply } from './fake-server.ts';

/** Complaint 2 as the API lists it: a few of its fields, enough to fill in and generate. */
export const lawyerAccessTemplate: DocumentTemplate = {
  kind: 'lawyer-access-complaint',
  version: 1,
  title: {
    ru: 'Жалоба военному прокурору на недопуск представителя (адвоката) с нотариальной доверенностью',
    en: 'Complaint to the military prosecutor about a representative (lawyer) refused access despite a notarised power of attorney',
  },
  purpose: {
    ru: 'Когда представителя не пустили к задержанному.',
    en: 'When the representative was not let in.',
  },
  fields: [
    {
      name: 'applicant.fullName',
      label: { ru: 'ФИО призывника', en: 'Conscript’s full name' },
      type: 'person-name',
      required: true,
    },
    {
      name: 'refusal.date',
      label: { ru: 'Дата недопуска представителя', en: 'Representative refused on' },
      type: 'date',
      required: true,
    },
    {
      name: 'grounds',
      label: { ru: 'Правовые основания', en: 'Legal grounds' },
      type: 'long-text',
      required: true,
    },
    {
      name: 'refusal.time',
      label: { ru: 'Время недопуска представителя', en: 'Representative refused at (time)' },
      type: 'time',
      required: false,
    },
  ],
};

export function buildCaseDocument(caseId: string, overrides: Partial<CaseDocument>): CaseDocument {
  return {
    id: '0190b8a0-0000-7000-8000-0000000d0001',
    caseId,
    kind: 'lawyer-access-complaint',
    templateVersion: 1,
    docxSha256: 'a'.repeat(64),
    pdfSha256: 'b'.repeat(64),
    status: 'drafted',
    stage: 'drafted',
    sentOn: null,
    sentVia: null,
    receivedOn: null,
    registeredOn: null,
    extended: false,
    answerDue: null,
    answeredOn: null,
    followUp: null,
    createdBy: '0190b8a0-0000-7000-8000-000000000004',
    createdAt: '2026-11-29T09:00:00.000Z',
    ...overrides,
  };
}

/** The case page also asks for the templates and the case's documents. */
export function documentRoutes(caseId: string, documents: CaseDocument[] = []) {
  return {
    'GET /api/v1/documents/templates': (): FakeReply => ({
      status: 200,
      body: { templates: [lawyerAccessTemplate] },
    }),
    [`GET /api/v1/cases/${caseId}/documents`]: (): FakeReply => ({
      status: 200,
      body: { documents },
    }),
  };
}
