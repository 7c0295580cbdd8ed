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

export const telegramLinkResponse = z
  .object({
    available: z
      .boolean()
      .meta({ description: 'Whether the organisation has a Telegram bot that sends alerts' }),
    linked: z.boolean(),
    linkedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TelegramLink', description: 'Whether your alerts also reach your Telegram' });
export type TelegramLinkResponse = z.infer<typeof telegramLinkResponse>;

export const telegramLinkCodeResponse = z
  .object({
    code: z.string(),
    command: z.string().meta({ description: 'What to send to the bot, e.g. "/link <code>"' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'TelegramLinkCode',
    description: 'A single-use code: sent to the bot, it links the chat it came from',
  });
export type TelegramLinkCodeResponse = z.infer<typeof telegramLinkCodeResponse>;
