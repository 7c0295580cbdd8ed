import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../timeline/timeline-event.ts';
import {
  caseFactsOf,
  type DraftMatter,
  draftMatter,
  draftMatterProblems,
  emptyDraftMatter,
  mergeDraftMatters,
} from './draft-matter.ts';

const matter: DraftMatter = draftMatter.parse({
  draftDecision: { by: 'municipal', madeOn: '2026-10-01', commission: 'Призывная комиссия района' },
  notice: { kind: 'electronic', postedToRegister: '2026-10-05', appearanceDate: '2026-10-20' },
  medicalCategory: 'B',
  appeals: [
    {
      id: 'a1',
      level: 'regional-commission',
      against: 'municipal',
      filedDate: '2026-10-03',
      status: 'refused',
    },
    {
      id: 'a2',
      level: 'court',
      against: 'municipal',
      filedDate: '2026-10-10',
      status: 'pending',
      caseNumber: '2а-1234/2026',
    },
  ],
});

function refusedEntry(at: string): TimelineEvent {
  return {
    id: 'e1',
    orgId: 'org',
    caseId: 'case',
    kind: 'lawyer-refused-entry',
    occurredAt: new Date(at),
    placeId: null,
    powerOfAttorney: 'notarised',
    note: null,
    recordedBy: null,
    recordedAt: new Date(at),
  };
}

describe('draft matter', () => {
  it('refuses unknown fields and a medical category that does not exist', () => {
    expect(draftMatter.safeParse({ medicalCategory: 'Z' }).success).toBe(false);
    expect(
      draftMatter.safeParse({ draftDecision: { by: 'municipal', madeOn: '2026-10-01', extra: 1 } })
        .success,
    ).toBe(false);
  });

  it('gives the rules the pending court appeal, not the older refused complaint', () => {
    const facts = caseFactsOf(matter, [], '2004-05-06');
    expect(facts.appeal).toEqual({
      level: 'court',
      against: 'municipal',
      filedDate: '2026-10-10',
      pending: true,
    });
    expect(facts.person).toEqual({ birthDate: '2004-05-06' });
    expect(facts.notice?.postedToRegister).toBe('2026-10-05');
    expect(facts.draftDecision).toEqual({ by: 'municipal', madeOn: '2026-10-01' });
  });

  it('takes the lawyer refused at the door from the timeline, on the Moscow day', () => {
    const facts = caseFactsOf(matter, [refusedEntry('2026-11-20T22:30:00Z')], null);
    expect(facts.lawyer).toEqual({
      refusedEntry: '2026-11-21T01:30:00+03:00',
      powerOfAttorney: 'notarised',
    });
  });

  it('accepts a consistent matter', () => {
    expect(draftMatterProblems(matter, '2026-11-20')).toEqual([]);
  });

  it('refuses an appeal before the decision and dates in the future, naming the field', () => {
    const wrong = draftMatter.parse({
      draftDecision: { by: 'municipal', madeOn: '2026-10-01', learnedOn: '2026-09-01' },
      appeals: [
        {
          id: 'a1',
          level: 'court',
          against: 'municipal',
          filedDate: '2026-09-15',
          status: 'pending',
        },
      ],
      powerOfAttorney: { kind: 'notarised', issuedOn: '2027-01-01' },
    });
    const problems = draftMatterProblems(wrong, '2026-11-20').map((problem) => [
      problem.path.join('.'),
      problem.message.en,
    ]);
    expect(problems).toEqual([
      ['draftDecision.learnedOn', 'He cannot have learned of the decision before it was made.'],
      ['appeals.0.filedDate', 'The appeal cannot be filed before the decision was made.'],
      ['powerOfAttorney.issuedOn', 'The date cannot be in the future.'],
    ]);
  });
});

describe('merging draft matters', () => {
  it('keeps what the kept case says, fills gaps from the duplicate, and keeps every appeal', () => {
    const duplicate = draftMatter.parse({
      medicalCategory: 'V',
      notice: { kind: 'paper', mailDelivered: '2026-10-02' },
      appeals: [
        {
          id: 'd1',
          level: 'court',
          against: 'municipal',
          filedDate: '2026-10-11',
          status: 'pending',
        },
      ],
    });
    const merged = mergeDraftMatters(matter, duplicate);
    expect(merged.medicalCategory).toBe('B');
    expect(merged.notice?.kind).toBe('electronic');
    expect(merged.appeals.map((appeal) => appeal.id)).toEqual(['a1', 'a2', 'd1']);
    expect(mergeDraftMatters(emptyDraftMatter, duplicate).notice?.kind).toBe('paper');
  });
});
