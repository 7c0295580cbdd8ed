import { z } from 'zod';

/** Every error the API returns has this shape: a stable code and a message in the asked language. */
export const errorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Stable, machine-readable code, e.g. VALIDATION_FAILED' }),
      message: z
        .string()
        .meta({ description: 'For people, in Russian or English by Accept-Language' }),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'For invalid input: which field, and what is wrong with it' }),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBody>;
