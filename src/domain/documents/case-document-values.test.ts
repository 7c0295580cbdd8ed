import { describe, expect, it } from 'vitest';
import { seedStoryCase, seedStoryFacts } from '../../../test/support/seed-story.ts';
import { templateFiles } from '../../adapters/documents/template-files.ts';
import { loadCurrentRulePack } from '../../adapters/rules/rule-pack-loader.ts';
import { evaluate } from '../rules/evaluate.ts';
import { documentValuesOfCase, valuesForTemplate } from './case-document-values.ts';

const templates = templateFiles();
const pack = loadCurrentRulePack('ru-conscription');
const evaluated = evaluate(pack, seedStoryFacts().caseFacts ?? {}, '2025-10-18', {});
if (!evaluated.ok) throw new Error('the seed story is refused');
const { findings } = evaluated.evaluation;

describe('filling a document from a case', () => {
  it('takes the seed story’s person, places, refusal, appeal and grounds from the case', () => {
    const template = templates.current('lawyer-access-complaint');
    const values = documentValuesOfCase(template, {
      ...seedStoryCase,
      findings,
      today: '2025-10-19',
    });
    expect(values).toMatchObject({
      'applicant.fullName': 'Примеров Иван Сергеевич',
      'applicant.birthDate': '2006-05-12',
      'representative.fullName': 'Защитников Борис Андреевич',
      'powerOfAttorney.notarisedOn': '2025-09-05',
      'detention.date': '2025-10-18',
      'detention.time': '09:40',
      'detention.place': 'станция метро «Тимирязевская»',
      'centre.name': 'Сборный пункт на улице Угрешской',
      'centre.address': 'Москва, ул. Угрешская',
      'refusal.date': '2025-10-18',
      'refusal.time': '14:00',
      'court.name': 'Кузьминский районный суд города Москвы',
      'court.caseNumber': '2а-4821/2025',
      'appeal.filedDate': '2025-09-10',
      'prosecutor.name': 'Военная прокуратура Московского гарнизона',
      'document.date': '2025-10-19',
    });
    expect(values.grounds).toContain('ст. 48 Конституции');
    expect(values.grounds).toContain('нотариально удостоверенную доверенность');
    // Advice is for the lawyer, not for the prosecutor.
    expect(values.grounds).not.toContain('подайте жалобу');
  });

  it('leaves out what the case does not know, so the lawyer sees it is missing', () => {
    const template = templates.current('lawyer-access-complaint');
    const values = documentValuesOfCase(template, {
      ...seedStoryCase,
      draftMatter: {
        ...seedStoryCase.draftMatter,
        powerOfAttorney: { kind: 'simple', issuedOn: '2025-09-05' },
      },
      timeline: seedStoryCase.timeline.map((event) => ({ ...event, powerOfAttorney: null })),
      prosecutors: [],
      findings: [],
      today: '2025-10-19',
    });
    expect(values['powerOfAttorney.notarisedOn']).toBeUndefined();
    expect(values['powerOfAttorney.issuedOn']).toBe('2025-09-05');
    expect(values['prosecutor.name']).toBeUndefined();
    expect(values.grounds).toBeUndefined();
  });

  it('keeps only the fields a template prints', () => {
    const template = templates.current('lawyer-admission-request');
    const kept = valuesForTemplate(template, {
      'applicant.fullName': 'Примеров Иван Сергеевич',
      'court.caseNumber': '2а-4821/2025',
    });
    expect(kept).toEqual({ 'applicant.fullName': 'Примеров Иван Сергеевич' });
  });
});
