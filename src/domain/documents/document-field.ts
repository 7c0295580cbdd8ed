import type { Text } from '../rules/rule-pack.ts';

/**
 * How a field's value is written and shown: a date is stored as YYYY-MM-DD and printed as
 * «17 октября 2025 г.»; a person's name may be declined; long text may hold several paragraphs
 * separated by blank lines.
 */
export type DocumentFieldType = 'text' | 'long-text' | 'date' | 'time' | 'person-name';

export type DocumentFieldDefinition = {
  type: DocumentFieldType;
  label: Text;
};

/**
 * Every field a template may use, one name for one thing in templates, API and screens. A
 * template naming a field that is not here is refused when it is loaded.
 */
export const documentFields = {
  'applicant.fullName': {
    type: 'person-name',
    label: { ru: 'ФИО призывника', en: 'Conscript’s full name' },
  },
  'applicant.birthDate': {
    type: 'date',
    label: { ru: 'Дата рождения призывника', en: 'Conscript’s birth date' },
  },
  'applicant.address': {
    type: 'text',
    label: { ru: 'Адрес призывника', en: 'Conscript’s address' },
  },
  'representative.fullName': {
    type: 'person-name',
    label: { ru: 'ФИО представителя (адвоката)', en: 'Representative’s (lawyer’s) full name' },
  },
  'representative.contacts': {
    type: 'text',
    label: {
      ru: 'Адрес и контакты представителя для ответа',
      en: 'Representative’s address and contacts for the answer',
    },
  },
  'powerOfAttorney.issuedOn': {
    type: 'date',
    label: { ru: 'Дата доверенности', en: 'Power of attorney dated' },
  },
  'powerOfAttorney.notarisedOn': {
    type: 'date',
    label: {
      ru: 'Дата нотариально удостоверенной доверенности',
      en: 'Notarised power of attorney dated',
    },
  },
  'detention.date': { type: 'date', label: { ru: 'Дата задержания', en: 'Detained on' } },
  'detention.time': { type: 'time', label: { ru: 'Время задержания', en: 'Detained at (time)' } },
  'detention.place': {
    type: 'text',
    label: { ru: 'Место задержания', en: 'Where he was detained' },
  },
  'centre.name': {
    type: 'text',
    label: { ru: 'Сборный пункт (военкомат)', en: 'Conscription centre' },
  },
  'centre.address': {
    type: 'text',
    label: { ru: 'Адрес сборного пункта', en: 'Conscription centre’s address' },
  },
  'refusal.date': {
    type: 'date',
    label: { ru: 'Дата недопуска представителя', en: 'Representative refused on' },
  },
  'refusal.time': {
    type: 'time',
    label: { ru: 'Время недопуска представителя', en: 'Representative refused at (time)' },
  },
  'decision.commission': {
    type: 'text',
    label: { ru: 'Призывная комиссия, принявшая решение', en: 'Commission that decided' },
  },
  'decision.date': { type: 'date', label: { ru: 'Дата решения о призыве', en: 'Decided on' } },
  'decision.learnedOn': {
    type: 'date',
    label: { ru: 'Дата, когда он узнал о решении', en: 'Learned of the decision on' },
  },
  'court.name': { type: 'text', label: { ru: 'Суд', en: 'Court' } },
  'court.address': { type: 'text', label: { ru: 'Адрес суда', en: 'Court’s address' } },
  'court.caseNumber': {
    type: 'text',
    label: { ru: 'Номер судебного дела', en: 'Court case number' },
  },
  'appeal.filedDate': {
    type: 'date',
    label: { ru: 'Дата подачи иска (жалобы)', en: 'Claim (complaint) filed on' },
  },
  'prosecutor.name': {
    type: 'text',
    label: { ru: 'Военная прокуратура', en: 'Military prosecutor’s office' },
  },
  'prosecutor.address': {
    type: 'text',
    label: { ru: 'Адрес военной прокуратуры', en: 'Military prosecutor’s office address' },
  },
  'notice.defects': {
    type: 'text',
    label: { ru: 'Недостатки повестки', en: 'What the notice lacks' },
  },
  grounds: {
    type: 'long-text',
    label: { ru: 'Правовые основания', en: 'Legal grounds' },
  },
  'document.date': { type: 'date', label: { ru: 'Дата документа', en: 'Document date' } },
} as const satisfies Record<string, DocumentFieldDefinition>;

export type DocumentFieldName = keyof typeof documentFields;

export function isDocumentFieldName(name: string): name is DocumentFieldName {
  return Object.hasOwn(documentFields, name);
}

/** Field values as staff review them: dates as YYYY-MM-DD, times as HH:MM, text as typed. */
export type DocumentValues = Partial<Record<DocumentFieldName, string>>;

/** Cases of Russian grammar a name may be put in inside a template (`{{name|genitive}}`). */
export const grammaticalCases = ['genitive', 'dative', 'accusative', 'instrumental'] as const;
export type GrammaticalCase = (typeof grammaticalCases)[number];

/**
 * Declines a full name written surname first ("Иванов Иван Иванович"). Supplied from outside
 * the domain (an adapter over a declension library), so the domain stays free of dependencies.
 */
export type DeclineName = (fullName: string, grammaticalCase: GrammaticalCase) => string;

/** A problem with one field, named as the field is named everywhere. */
export type FieldProblem = { field: string; message: Text };
