import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { telegramUpdate, telegramWebhookParams } from '../../contracts/telegram-webhook.ts';

export type TelegramWebhook = {
  /** The secret part of the path, derived from the bot token. */
  secret: string;
  handle(update: unknown): Promise<void>;
};

/** The webhook's path under the public address. */
export function telegramWebhookPath(secret: string): string {
  return `/telegram/webhook/${secret}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Where Telegram posts updates in webhook mode. The secret sits in a path parameter, so the
 * request log shows the route pattern, never the secret; a wrong secret looks like no route.
 * No per-address cap: every update comes from Telegram's few addresses, and the bot caps each
 * chat instead.
 */
export const telegramWebhookRoutes: FastifyPluginAsyncZod<{ webhook: TelegramWebhook }> = async (
  app,
  { webhook },
) => {
  app.post(
    '/telegram/webhook/:secret',
    {
      config: { audience: 'public', csrf: false, rateLimit: false },
      schema: { hide: true, params: telegramWebhookParams, body: telegramUpdate },
    },
    async (request, reply) => {
      if (!sameSecret(request.params.secret, webhook.secret)) return reply.callNotFound();
      await webhook.handle(request.body);
      return reply.status(200).send({});
    },
  );
};
