import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import type { CaseFile } from '../api/api-client.ts';

/** A case as the API sends it to a reader with its key: empty unless a test says otherwise. */
export function buildCaseFile(overrides: Partial<CaseFile> & Pick<CaseFile, 'id'>): CaseFile {
  return {
    status: 'open',
    assigneeIds: [],
    createdAt: '2026-11-20T09:00:00.000Z',
    persons: [],
    report: null,
    laterReports: [],
    mergedInto: null,
    likelyDuplicates: [],
    timeline: [],
    custody: null,
    draftMatter: { deferments: [], appeals: [] },
    facts: {},
    ...overrides,
  };
}

/** The least of a hotline questionnaire the case page needs to label a report. */
export const minimalHotline: Questionnaire = {
  questionnaireId: 'hotline',
  version: 1,
  title: { ru: 'Сообщить о задержании', en: 'Report a detention' },
  defaultOffset: '+03:00',
  steps: [
    {
      id: 'what',
      title: { ru: 'Что случилось', en: 'What happened' },
      questions: [
        {
          id: 'situation',
          kind: 'text',
          maxLength: 200,
          required: false,
          dataClass: 'operational',
          label: { ru: 'Что случилось?', en: 'What happened?' },
        },
      ],
    },
  ],
};
