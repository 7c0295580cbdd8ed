import { z } from 'zod';

/** The path of the webhook Telegram posts to; the secret keeps everyone else out. */
export const telegramWebhookParams = z.strictObject({ secret: z.string().max(100) });

/**
 * An update as Telegram posts it. Only its id is checked here: grammY reads the rest, and a
 * field Telegram adds one day must not turn updates away.
 */
export const telegramUpdate = z.looseObject({ update_id: z.int().min(0) });
