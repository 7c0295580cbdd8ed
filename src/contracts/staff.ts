import { z } from 'zod';
import { roles } from '../domain/access/roles.ts';

export const role = z.enum(roles);

export const currentStaffResponse = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      roles: z.array(role),
    }),
    organisation: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'CurrentStaff' });
export type CurrentStaffResponse = z.infer<typeof currentStaffResponse>;

export const userIdParams = z.strictObject({ userId: z.uuid() });
