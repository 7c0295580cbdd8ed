import { z } from 'zod';
import { type CalendarDate, compareDates } from '../rules/calendar-date.ts';

const date = z.iso.date();
const text = z.strictObject({ ru: z.string().min(1), en: z.string().min(1) });

/**
 * A conscription campaign as a presidential decree sets it: when it runs, how many men it calls,
 * and (since the year-round call-up of 2026) when conscripts are sent to units.
 */
export const campaign = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  startsOn: date,
  endsOn: date,
  decree: z.strictObject({
    title: text,
    /** Where the decree and the quota were read; the quota is only as good as its source. */
    sourceUrls: z.array(z.url()).min(1),
  }),
  quota: z.number().int().positive().nullable(),
  /** Periods in which conscripts are dispatched to units; the whole campaign when empty. */
  dispatchWindows: z.array(z.strictObject({ from: date, to: date })).default([]),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignList = z
  .strictObject({ campaigns: z.array(campaign).min(1) })
  .superRefine(({ campaigns }, context) => {
    const ordered = [...campaigns].sort((a, b) => compareDates(a.startsOn, b.startsOn));
    ordered.forEach((current, index) => {
      if (compareDates(current.endsOn, current.startsOn) < 0)
        context.addIssue({ code: 'custom', message: `${current.id} ends before it starts` });
      const next = ordered[index + 1];
      if (next !== undefined && compareDates(next.startsOn, current.endsOn) <= 0)
        context.addIssue({ code: 'custom', message: `${current.id} overlaps ${next.id}` });
    });
  });

/** The campaign a day falls in; null between campaigns (before 2026 there were gaps). */
export function campaignOn(day: CalendarDate, campaigns: readonly Campaign[]): Campaign | null {
  return (
    campaigns.find(
      (candidate) =>
        compareDates(candidate.startsOn, day) <= 0 && compareDates(day, candidate.endsOn) <= 0,
    ) ?? null
  );
}
