import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { telegramSecrets } from '../../adapters/crypto/telegram-secrets.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { startTelegramPurgeJob } from '../jobs/telegram-purge.job.ts';
import { allowedUpdates, type BotLog, botFailure, buildTelegramBot } from './telegram-bot.ts';
import { type TelegramWebhook, telegramWebhookPath } from './telegram-webhook.routes.ts';

export type TelegramMode = 'polling' | 'webhook';

export class TelegramChannelError extends Error {
  override readonly name = 'TelegramChannelError';
}

export type TelegramChannel = {
  mode: TelegramMode;
  /** In webhook mode, what the HTTP server mounts; null when polling. */
  webhook: TelegramWebhook | null;
  /**
   * Polling: waits until the first poll. Webhook: registers the address with Telegram. A failure
   * is logged, then thrown.
   */
  start(log: BotLog): Promise<void>;
  stop(): Promise<void>;
};

export type TelegramChannelOptions = {
  token: string;
  apiRoot: string;
  mode: TelegramMode;
  ports: Ports;
  publicUrl: string;
  limits: boolean;
};

/**
 * The Telegram channel of the hotline, off unless a bot token is configured. Long polling needs
 * no public address but exactly one polling instance (Telegram refuses a second one); webhook
 * mode lets Telegram post to any instance behind the public address. Conversations live in the
 * database either way, so a restart or another instance carries on where a reporter stands.
 */
export function telegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { chatSealing, staffChatSealing, webhookSecret } = telegramSecrets(options.token);
  const apiRoot = options.apiRoot.replace(/\/+$/, '');
  let bot: Bot | null = null;
  let polling: Promise<void> | null = null;
  let stopPurge: (() => void) | null = null;

  const webhook: TelegramWebhook | null =
    options.mode === 'webhook'
      ? {
          secret: webhookSecret,
          async handle(update) {
            // Telegram retries what was not accepted, so an update before start waits for it.
            if (bot === null) throw new TelegramChannelError('the Telegram bot has not started');
            await bot.handleUpdate(update as Update);
          },
        }
      : null;

  return {
    mode: options.mode,
    webhook,

    async start(log) {
      const started = buildTelegramBot({
        token: options.token,
        apiRoot,
        ports: options.ports,
        chatSealing,
        staffChatSealing,
        publicUrl: options.publicUrl,
        limits: options.limits,
        log,
      });
      stopPurge = startTelegramPurgeJob(options.ports, log);
      if (options.mode === 'webhook') {
        try {
          await started.init();
          const url = `${options.publicUrl}${telegramWebhookPath(webhookSecret)}`;
          await started.api.setWebhook(url, { allowed_updates: [...allowedUpdates] });
        } catch (error) {
          log.error({ failure: botFailure(error) }, 'telegram bot: the webhook was not set');
          throw error;
        }
        bot = started;
        log.info('telegram bot: receiving updates by webhook');
        return;
      }
      bot = started;
      await new Promise<void>((resolve, reject) => {
        polling = started
          .start({ allowed_updates: [...allowedUpdates], onStart: () => resolve() })
          .catch((error: unknown) => {
            // A second polling instance gets 409 Conflict from Telegram; the web keeps serving.
            log.error({ failure: botFailure(error) }, 'telegram bot: polling stopped');
            reject(error);
          });
      });
      log.info('telegram bot: polling for updates');
    },

    async stop() {
      stopPurge?.();
      stopPurge = null;
      if (bot !== null && polling !== null) {
        await bot.stop();
        await polling;
      }
      polling = null;
      bot = null;
    },
  };
}
