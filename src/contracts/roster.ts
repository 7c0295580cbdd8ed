import { z } from 'zod';
import { maxEscalationMinutes, minEscalationMinutes } from '../domain/alerts/alert.ts';

const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'An instant with its offset, e.g. 2026-11-30T20:00:00+03:00' });

const region = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case kebab-case, e.g. moscow')
  .max(40)
  .nullable()
  .default(null)
  .meta({ description: 'The region the shift covers; null covers every region' });

export const shiftBody = z
  .strictObject({
    userId: z.uuid(),
    startsAt: instant,
    endsAt: instant,
    region,
  })
  .meta({ id: 'NewShift' });
export type ShiftBody = z.input<typeof shiftBody>;

export const shiftIdParams = z.strictObject({ shiftId: z.uuid() });

export const rosterQuery = z.strictObject({
  from: instant,
  to: instant,
  region: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(40)
    .optional()
    .meta({ description: 'Gaps counted for this region (shifts without a region count too)' }),
});

export const shiftResponse = z
  .object({
    id: z.string(),
    userId: z.string(),
    displayName: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    region: z.string().nullable(),
  })
  .meta({ id: 'Shift' });
export type ShiftResponse = z.infer<typeof shiftResponse>;

export const rosterResponse = z
  .object({
    shifts: z.array(shiftResponse).meta({ description: 'Shifts overlapping the period' }),
    gaps: z
      .array(z.object({ from: z.iso.datetime(), to: z.iso.datetime() }))
      .meta({ description: 'Stretches of the period nobody is on duty' }),
    onDutyNow: z
      .array(z.object({ userId: z.string(), displayName: z.string() }))
      .meta({ description: 'In the order an unanswered alert moves through them' }),
    escalationMinutes: z.number().int(),
    staff: z
      .array(z.object({ userId: z.string(), displayName: z.string() }))
      .meta({ description: 'Active staff who can be put on duty' }),
  })
  .meta({ id: 'Roster' });
export type RosterResponse = z.infer<typeof rosterResponse>;

export const escalationBody = z
  .strictObject({
    escalationMinutes: z.number().int().min(minEscalationMinutes).max(maxEscalationMinutes),
  })
  .meta({ id: 'EscalationSetting' });
