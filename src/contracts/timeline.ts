import { z } from 'zod';
import { draftMatter } from '../domain/cases/draft-matter.ts';
import { custodyStatuses } from '../domain/timeline/custody.ts';
import { powersOfAttorney, timelineEventKinds } from '../domain/timeline/timeline-event.ts';

export const timelineEventKind = z.enum(timelineEventKinds).meta({ id: 'TimelineEventKind' });

export const newTimelineEventRequest = z
  .strictObject({
    kind: timelineEventKind,
    occurredAt: z.iso
      .datetime({ offset: true })
      .meta({ description: 'When it happened, with its offset (e.g. 2026-11-20T14:05:00+03:00)' }),
    placeId: z.string().min(1).max(64).nullable().default(null),
    powerOfAttorney: z
      .enum(powersOfAttorney)
      .nullable()
      .default(null)
      .meta({ description: 'Lawyer events only: what he showed at the door' }),
    note: z.string().trim().max(10_000).nullable().default(null),
  })
  .meta({ id: 'NewTimelineEvent' });
export type NewTimelineEventRequest = z.input<typeof newTimelineEventRequest>;

export const timelineEventResponse = z
  .object({
    id: z.string(),
    kind: timelineEventKind,
    occurredAt: z.iso.datetime(),
    placeId: z.string().nullable(),
    powerOfAttorney: z.enum(powersOfAttorney).nullable(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEventResponse = z.infer<typeof timelineEventResponse>;

export const custodyResponse = z
  .object({
    status: z.enum(custodyStatuses),
    since: z.iso.datetime(),
    detainedAtPlaceId: z.string().nullable(),
    heldAtPlaceId: z.string().nullable(),
    lastUpdateAt: z.iso.datetime(),
  })
  .meta({
    id: 'Custody',
    description: 'Where the latest detention stands, read from the timeline',
  });

export { draftMatter as draftMatterBody };
export type DraftMatterBody = z.input<typeof draftMatter>;
