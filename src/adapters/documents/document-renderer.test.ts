import { describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../test/support/document-text.ts';
import { seedStoryFacts } from '../../../test/support/seed-story.ts';
import { renderDocumentFromFacts } from '../../app/documents/render-document-from-facts.ts';
import type { DocumentFormat } from '../../app/ports/documents.ts';
import type { DocumentKind } from '../../domain/documents/document-template.ts';
import { cachedRulePacks } from '../rules/cached-rule-packs.ts';
import { documentRenderer } from './document-renderer.ts';
import { petrovichDeclineName } from './petrovich-names.ts';
import { templateFiles } from './template-files.ts';

const deps = {
  documents: {
    templates: templateFiles(),
    renderer: documentRenderer(),
    declineName: petrovichDeclineName,
  },
  rulePacks: cachedRulePacks(),
};

const name = 'Примеров Иван Сергеевич';
const centre = 'Сборный пункт на улице Угрешской';
const caseNumber = '№ 2а-4821/2025';
const dated = '18 октября 2025 г.';

/** What each document must show of the seed story, and the articles it must cite. */
const expected: Record<DocumentKind, string[]> = {
  'detention-complaint': [
    name,
    'Примерова Ивана Сергеевича',
    centre,
    caseNumber,
    dated,
    '10 сентября 2025 г.',
    'п. 4 ст. 29 Федерального закона № 53-ФЗ',
    'ч. 1 ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ',
    'ст. 48 Конституции',
  ],
  'lawyer-access-complaint': [
    name,
    'к Примерову Ивану Сергеевичу',
    centre,
    dated,
    'нотариально удостоверенной доверенности от 5 сентября 2025 г.',
    'ч. 1–2 ст. 48 Конституции Российской Федерации',
    'ч. 1 ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ',
  ],
  'lawyer-admission-request': [name, centre, dated, 'ст. 48 Конституции'],
  'medical-board-refusal': [
    name,
    centre,
    caseNumber,
    dated,
    '12 мая 2006 г. рождения',
    'ст. 31 Федерального закона от 28.03.1998 № 53-ФЗ',
    'от 11.11.2006 № 663',
  ],
  'appeal-pending-statement': [name, caseNumber, dated, '1 июля 2025 г.', 'п. 4 ст. 29'],
  'administrative-claim': [
    name,
    'Кузьминский районный суд города Москвы',
    dated,
    '1 июля 2025 г.',
    'ч. 1 ст. 219 Кодекса административного судопроизводства',
    'ст. 85 и 223 Кодекса административного судопроизводства',
    'гл. 22',
  ],
  'regional-commission-complaint': [
    name,
    dated,
    '3 июля 2025 г.',
    'п. 1 ст. 29 Федерального закона',
  ],
};

const formats: [DocumentFormat, (bytes: Uint8Array) => string][] = [
  ['docx', docxText],
  ['pdf', pdfText],
];

describe.each(formats)('%s rendering of the seed story', (format, textOf) => {
  it.each(Object.entries(expected))(
    '%s shows the facts and cites the law',
    async (kind, wanted) => {
      const rendered = await renderDocumentFromFacts(deps, {
        kind: kind as DocumentKind,
        facts: seedStoryFacts(),
        format,
        today: '2025-10-18',
      });
      const text = textOf(rendered.bytes);
      for (const fragment of wanted) expect(text, fragment).toContain(fragment);
      expect(text).not.toMatch(/\{\{|\}\}/u);
      expect(text).not.toMatch(/\bundefined\b|\bnull\b/u);
    },
  );
});

describe('long values', () => {
  it.each(formats)(
    'wraps a very long value in %s without cutting any of it',
    async (format, textOf) => {
      const unbroken = 'Д'.repeat(180);
      const contacts = `${'очень длинный адрес для ответа '.repeat(60)}${unbroken} конец`;
      const facts = seedStoryFacts();
      const rendered = await renderDocumentFromFacts(deps, {
        kind: 'lawyer-access-complaint',
        facts: { ...facts, values: { ...facts.values, 'representative.contacts': contacts } },
        format,
        today: '2025-10-18',
      });
      const squeezed = textOf(rendered.bytes).replace(/\s/gu, '');
      expect(squeezed).toContain(contacts.replace(/\s/gu, ''));
    },
  );
});
