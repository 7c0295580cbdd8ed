import { z } from 'zod';

export const casePublicationResponse = z
  .strictObject({
    publishable: z.boolean().meta({ description: 'Whether the case counts in public statistics' }),
    changedAt: z.iso.datetime().nullable().meta({ description: 'null: nobody decided yet' }),
    changedBy: z.string().nullable(),
  })
  .meta({ id: 'CasePublication' });

export const casePublicationChange = z
  .strictObject({
    publishable: z.boolean().meta({
      description: 'true counts the case in public statistics from now on; false withdraws it',
    }),
  })
  .meta({ id: 'CasePublicationChange' });

/** The tables open data offers. Fixed tabulations only: see the decision record on statistics. */
export const openDataTables = ['weeks', 'campaigns', 'place-kinds', 'places'] as const;
export type OpenDataTable = (typeof openDataTables)[number];

const allowedTables = openDataTables.join(', ');

/**
 * No filters by date or place: two filtered tables would differ by a few people, and the
 * difference of two published totals would give away what suppression hides.
 */
export const openDataQuery = z.strictObject({
  table: z
    .string()
    .refine((value) => (openDataTables as readonly string[]).includes(value), {
      message: 'unknown table',
      params: {
        message: {
          ru: `Нет такой таблицы. Допустимо: ${allowedTables}.`,
          en: `No such table. Allowed: ${allowedTables}.`,
        },
      },
    })
    .optional()
    .meta({ description: `One of ${allowedTables}; weeks when left out` }),
});
