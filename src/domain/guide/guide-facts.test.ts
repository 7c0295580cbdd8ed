import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedStoryRaw } from '../../../test/support/guide-fixtures.ts';
import { loadCurrentRulePack } from '../../adapters/rules/rule-pack-loader.ts';
import type { Answers } from '../intake/answers.ts';
import { prefilledAnswers } from '../intake/prefill.ts';
import { validateQuestionnaire } from '../intake/questionnaire.ts';
import { evaluate } from '../rules/evaluate.ts';
import { guideAdvice } from './guide-advice.ts';
import { checkGuide } from './guide-answers.ts';
import { fittingDocuments } from './guide-documents.ts';
import { guideFacts } from './guide-facts.ts';
import { reportPrefill } from './guide-report-prefill.ts';

const now = new Date('2026-11-29T10:00:00Z');
const pack = loadCurrentRulePack('ru-conscription');

function answersOf(raw: Record<string, string>): Answers {
  const check = checkGuide(raw, now, 'end');
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return check.answers;
}

const notHeld = { 'detained-now': 'no', 'decision-by': 'no' };

describe('guideFacts', () => {
  it('turns the seed story into the facts the rules read', () => {
    expect(guideFacts(answersOf(seedStoryRaw()))).toEqual({
      person: { region: 'moscow' },
      draftDecision: { by: 'regional', madeOn: '2026-07-01', learnedOn: '2026-07-03' },
      appeal: { level: 'court', against: 'regional', filedDate: '2026-09-10', pending: true },
      detention: {
        at: '2026-11-29T09:40:00+03:00',
        place: 'metro',
        takenTo: 'conscription-centre',
      },
      lawyer: { refusedEntry: '2026-11-29T12:00:00+03:00', powerOfAttorney: 'notarised' },
    });
  });

  it('gives the rules what they need for the seed story’s advice, with sources', () => {
    const result = evaluate(pack, guideFacts(answersOf(seedStoryRaw())), '2026-11-29');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const found = result.evaluation.findings.map((f) => `${f.ruleId}/${f.outcomeId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'APL-06/suspended',
        'APL-06/dispatch-while-suspended',
        'PRO-01/lawyer-refused',
        'PRO-01/notarised-power-refused',
        'CPL-05/complain-to-military-prosecutor',
        'FR-03/carry-proof-of-appeal',
      ]),
    );
    expect(result.evaluation.findings.every((f) => f.sources.length > 0)).toBe(true);
  });

  it('leaves the detention out when he does not know where he was taken', () => {
    const facts = guideFacts(answersOf(seedStoryRaw({ 'taken-to': 'unknown' })));
    expect(facts.detention).toBeUndefined();
    expect(facts.lawyer?.powerOfAttorney).toBe('notarised');
  });

  it('records what a paper notice lacks, and "not yet" as not known', () => {
    const facts = guideFacts(
      answersOf({
        ...notHeld,
        region: 'other',
        'notice-kind': 'paper',
        'notice-signed-on': '2026-11-20',
        'notice-appearance-date': '2026-12-05',
        'notice-appeared': 'not-yet',
        'notice-signature': 'no',
        'notice-stamp': 'unknown',
      }),
    );
    expect(facts.notice).toEqual({
      kind: 'paper',
      signedFor: '2026-11-20',
      appearanceDate: '2026-12-05',
      missing: ['commissar-signature'],
    });
  });

  it('reads a complaint to the regional commission as against the district decision', () => {
    const facts = guideFacts(
      answersOf({
        ...notHeld,
        region: 'other',
        'notice-kind': 'none',
        'decision-by': 'municipal',
        'decision-made-on': '2026-10-01',
        'appeal-level': 'regional-commission',
        'appeal-filed-on': '2026-10-05',
        'appeal-pending': 'yes',
      }),
    );
    expect(facts.appeal).toEqual({
      level: 'regional-commission',
      against: 'municipal',
      filedDate: '2026-10-05',
      pending: true,
    });
  });
});

describe('guideAdvice and fittingDocuments', () => {
  it('tell the seed story what to do now and which documents fit', () => {
    const answers = answersOf(seedStoryRaw());
    const facts = guideFacts(answers);
    expect(guideAdvice(facts, answers).map((advice) => advice.id)).toEqual([
      'insist-on-lawyer',
      'complain-to-military-prosecutor',
      'avoid-metro-while-appealing',
      'refuse-medical-board-without-valid-notice',
      'digital-notice-and-leaving-the-country',
    ]);
    expect(fittingDocuments(facts, answers).map((document) => document.kind)).toEqual([
      'detention-complaint',
      'lawyer-access-complaint',
      'lawyer-admission-request',
      'medical-board-refusal',
      'appeal-pending-statement',
    ]);
  });

  it('every piece of advice names the legal facts it rests on and where they were read', () => {
    const answers = answersOf(seedStoryRaw());
    for (const advice of guideAdvice(guideFacts(answers), answers)) {
      expect(advice.basedOn.length).toBeGreaterThan(0);
      expect(advice.sources.flatMap((source) => source.urls).length).toBeGreaterThan(0);
    }
  });

  it('tell someone outside Moscow with a digital notice about leaving the country only', () => {
    const answers = answersOf({
      ...notHeld,
      region: 'other',
      'notice-kind': 'electronic',
      'notice-posted-on': '2026-11-20',
      'notice-appeared': 'not-yet',
    });
    const facts = guideFacts(answers);
    expect(guideAdvice(facts, answers).map((advice) => advice.id)).toEqual([
      'digital-notice-and-leaving-the-country',
    ]);
    expect(fittingDocuments(facts, answers)).toEqual([]);
  });

  it('suggest the regional commission and the court against a decision not yet appealed', () => {
    const answers = answersOf({
      ...notHeld,
      region: 'other',
      'notice-kind': 'none',
      'decision-by': 'municipal',
      'decision-made-on': '2026-10-01',
      'appeal-level': 'no',
    });
    expect(fittingDocuments(guideFacts(answers), answers).map((d) => d.kind)).toEqual([
      'administrative-claim',
      'regional-commission-complaint',
    ]);
  });
});

describe('reportPrefill', () => {
  it('fills the hotline report with what the guide knows, and the report form keeps all of it', () => {
    const file = new URL('../../../content/questionnaires/hotline/v1.json', import.meta.url);
    const hotline = validateQuestionnaire(JSON.parse(readFileSync(file, 'utf8')));
    if (!hotline.ok) throw new Error(hotline.problems.join('\n'));
    const prefill = reportPrefill(answersOf(seedStoryRaw()));
    expect(prefill).toEqual({
      situation: 'detained',
      'taken-from': 'metro',
      'detained-at': '2026-11-29T09:40:00+03:00',
      'taken-to': 'conscription-centre',
      'pending-appeal': 'yes',
      'appeal-case-number': '2а-1234/2026',
    });
    expect(prefilledAnswers(hotline.questionnaire, prefill)).toEqual(prefill);
  });
});
