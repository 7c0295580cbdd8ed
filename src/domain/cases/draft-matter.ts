import { z } from 'zod';
import { type CalendarDate, compareDates, moscowDateOf } from '../rules/calendar-date.ts';
import { type CaseFacts, caseFacts, type FactProblem, factProblems } from '../rules/case-facts.ts';
import { inTimelineOrder, type TimelineEvent } from '../timeline/timeline-event.ts';

const date = z.iso.date();
const shortText = z.string().trim().min(1).max(300);

/** Fitness categories of the Regulation on military medical examination (Decree 565). */
export const medicalCategories = ['A', 'B', 'V', 'G', 'D'] as const;

/**
 * The notice and draft-decision parts keep the rules' own shape (`CaseFacts`): what a lawyer
 * records is exactly what the rules read, with no mapping in between to drift.
 */
const noticeShape = caseFacts.shape.notice.unwrap();
const draftDecisionShape = caseFacts.shape.draftDecision.unwrap();

export const appealStatuses = ['pending', 'granted', 'refused', 'withdrawn'] as const;

export const courtAppeal = z.strictObject({
  id: z.string().min(1).max(64),
  level: z.enum(['court', 'regional-commission']),
  against: z.enum(['municipal', 'regional']),
  filedDate: date,
  /** A court from the places list; hearings are timeline events at that place. */
  courtPlaceId: z.string().min(1).max(64).optional(),
  caseNumber: shortText.optional(),
  status: z.enum(appealStatuses),
});
export type CourtAppeal = z.infer<typeof courtAppeal>;

export const deferment = z.strictObject({
  ground: shortText,
  claimedOn: date,
  outcome: z.enum(['pending', 'granted', 'refused']),
});

export const powerOfAttorneyRecord = z.strictObject({
  kind: z.enum(['notarised', 'simple']),
  issuedOn: date,
  lawyerName: shortText.optional(),
});

/**
 * What a lawyer keeps about the draft itself: the commission's decision, the notice, the medical
 * category, deferment claims, appeals against the decision and the power of attorney. All of it is
 * sealed with the case: a medical category or a court case number identifies a person.
 */
export const draftMatter = z
  .strictObject({
    draftDecision: draftDecisionShape.extend({ commission: shortText.optional() }).optional(),
    notice: noticeShape.optional(),
    medicalCategory: z.enum(medicalCategories).optional(),
    deferments: z.array(deferment).max(20).default([]),
    appeals: z.array(courtAppeal).max(20).default([]),
    powerOfAttorney: powerOfAttorneyRecord.optional(),
  })
  .meta({ id: 'DraftMatter' });
export type DraftMatter = z.infer<typeof draftMatter>;

export const emptyDraftMatter: DraftMatter = { deferments: [], appeals: [] };

/** The appeal the rules should weigh: a pending one first, else the latest filed. */
function appealThatCounts(appeals: readonly CourtAppeal[]): CourtAppeal | undefined {
  const byFiling = [...appeals].sort((a, b) => compareDates(b.filedDate, a.filedDate));
  return byFiling.find((appeal) => appeal.status === 'pending') ?? byFiling[0];
}

/** An instant written with Moscow's offset, so the rules take the Moscow day of the event. */
function moscowDateTime(instant: Date): string {
  return `${moscowDateOf(instant)}T${new Date(instant.getTime() + 3 * 3_600_000)
    .toISOString()
    .slice(11, 19)}+03:00`;
}

/**
 * The case as the rules see it: the draft matter, the person's birth date and the lawyer's last
 * refusal at the door from the timeline. A detention is left to the lawyer to describe (where he
 * was taken from and to): the timeline knows the places, not what kind of place the law means.
 */
export function caseFactsOf(
  matter: DraftMatter,
  events: readonly TimelineEvent[],
  birthDate: CalendarDate | null,
): CaseFacts {
  const { draftDecision, notice } = matter;
  const appeal = appealThatCounts(matter.appeals);
  const refusal = inTimelineOrder(events)
    .filter((event) => event.kind === 'lawyer-refused-entry')
    .at(-1);
  return {
    ...(birthDate === null ? {} : { person: { birthDate } }),
    ...(notice === undefined ? {} : { notice }),
    ...(draftDecision === undefined
      ? {}
      : {
          draftDecision: {
            by: draftDecision.by,
            madeOn: draftDecision.madeOn,
            ...(draftDecision.learnedOn === undefined
              ? {}
              : { learnedOn: draftDecision.learnedOn }),
          },
        }),
    ...(appeal === undefined
      ? {}
      : {
          appeal: {
            level: appeal.level,
            against: appeal.against,
            filedDate: appeal.filedDate,
            pending: appeal.status === 'pending',
          },
        }),
    ...(refusal === undefined
      ? {}
      : {
          lawyer: {
            refusedEntry: moscowDateTime(refusal.occurredAt),
            powerOfAttorney: refusal.powerOfAttorney ?? matter.powerOfAttorney?.kind ?? 'none',
          },
        }),
  };
}

/**
 * What cannot be true of a draft matter as of a date: dates in the future, a decision learned of
 * before it was made, an appeal before the decision; the same checks the rules apply, plus each
 * appeal's own filing date and the power of attorney's date.
 */
export function draftMatterProblems(matter: DraftMatter, asOf: CalendarDate): FactProblem[] {
  const problems = factProblems(caseFactsOf(matter, [], null), asOf).filter(
    (problem) => problem.path[0] !== 'appeal',
  );
  matter.appeals.forEach((appeal, index) => {
    if (compareDates(appeal.filedDate, asOf) > 0) {
      problems.push({
        path: ['appeals', index, 'filedDate'],
        message: {
          ru: 'Дата подачи не может быть в будущем.',
          en: 'The filing date cannot be in the future.',
        },
      });
    }
    const madeOn = matter.draftDecision?.madeOn;
    if (madeOn !== undefined && compareDates(appeal.filedDate, madeOn) < 0) {
      problems.push({
        path: ['appeals', index, 'filedDate'],
        message: {
          ru: 'Обжаловать решение раньше, чем оно принято, нельзя.',
          en: 'The appeal cannot be filed before the decision was made.',
        },
      });
    }
  });
  for (const [path, value] of [
    [['powerOfAttorney', 'issuedOn'], matter.powerOfAttorney?.issuedOn],
    ...matter.deferments.map((item, index) => [['deferments', index, 'claimedOn'], item.claimedOn]),
  ] as [(string | number)[], string | undefined][]) {
    if (value !== undefined && compareDates(value, asOf) > 0) {
      problems.push({
        path,
        message: { ru: 'Дата не может быть в будущем.', en: 'The date cannot be in the future.' },
      });
    }
  }
  return problems;
}

/**
 * One draft matter from two cases of the same person: what the kept case says wins, what only
 * the duplicate knew fills the gaps, and appeals and deferment claims from both are kept.
 */
export function mergeDraftMatters(kept: DraftMatter, duplicate: DraftMatter): DraftMatter {
  const keptAppealIds = new Set(kept.appeals.map((appeal) => appeal.id));
  return {
    ...duplicate,
    ...Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined)),
    deferments: [...kept.deferments, ...duplicate.deferments],
    appeals: [
      ...kept.appeals,
      ...duplicate.appeals.filter((appeal) => !keptAppealIds.has(appeal.id)),
    ],
  };
}
