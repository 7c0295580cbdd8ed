import { autoRetry } from '@grammyjs/auto-retry';
import type { FastifyBaseLogger } from 'fastify';
import { Bot, type Context, GrammyError, type InlineKeyboard } from 'grammy';
import { acknowledgeCallbackPrefix } from '../../adapters/telegram/telegram-alert-channel.ts';
import { linkTelegramChat } from '../../app/accounts/link-telegram-chat.ts';
import { acknowledgeAlertByLink } from '../../app/alerts/acknowledge-alert.ts';
import { AppError } from '../../app/app-error.ts';
import {
  continueTelegramConversation,
  type TelegramInput,
} from '../../app/intake/continue-telegram-conversation.ts';
import { forgetTelegramConversation } from '../../app/intake/forget-telegram-conversation.ts';
import type { Ports } from '../../app/ports/ports.ts';
import type { StaffChatSealing } from '../../app/ports/staff-chat-sealing.ts';
import type { TelegramChatSealing } from '../../app/ports/telegram-chat-sealing.ts';
import { safeErrorSummary } from '../http/errors/error-handler.ts';
import { botTexts, chatLanguage } from './bot-texts.ts';
import { chatRateLimit } from './chat-rate-limit.ts';
import { questionMessage, readCallbackData } from './question-message.ts';

export type BotLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type TelegramBotOptions = {
  token: string;
  /** The Bot API server: Telegram's, or a stand-in in tests. */
  apiRoot: string;
  ports: Ports;
  chatSealing: TelegramChatSealing;
  staffChatSealing: StaffChatSealing;
  publicUrl: string;
  /** The per-chat message cap; off only for load tests. */
  limits: boolean;
  log: BotLog;
};

/** The updates the bot reads; Telegram sends no others. */
export const allowedUpdates = ['message', 'callback_query'] as const;

/** A person answers a question every few seconds at most; a program floods. */
const messagesPerChatPerMinute = 30;

/** What may be logged of a failure: never the payload, which holds what the reporter typed. */
export function botFailure(error: unknown): Record<string, unknown> {
  const cause = error instanceof Error && error.name === 'BotError' ? error.cause : error;
  const summary = safeErrorSummary(cause);
  return cause instanceof GrammyError
    ? { ...summary, method: cause.method, errorCode: cause.error_code }
    : summary;
}

/**
 * A Bot API server that answers a long poll at once with nothing (a local stand-in does) would
 * make polling spin; Telegram itself holds the request until an update comes.
 */
const pacedPolling: Parameters<Bot['api']['config']['use']>[0] = async (
  previous,
  method,
  payload,
  signal,
) => {
  const startedAt = Date.now();
  const result = await previous(method, payload, signal);
  if (
    method === 'getUpdates' &&
    result.ok &&
    Array.isArray(result.result) &&
    result.result.length === 0 &&
    Date.now() - startedAt < 1000
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return result;
};

/**
 * The hotline's Telegram bot: the questionnaire of every channel, one question per message,
 * choices as buttons. It answers in private chats only, and each update gets one message back.
 */
export function buildTelegramBot(options: TelegramBotOptions): Bot {
  const { ports, publicUrl, log } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use(pacedPolling);
  const deps = { ...ports, chatSealing: options.chatSealing };
  const limiter = chatRateLimit({ max: messagesPerChatPerMinute, windowMs: 60_000 });

  async function send(ctx: Context, text: string, keyboard?: InlineKeyboard): Promise<void> {
    // No link preview: Telegram's servers would fetch the secret follow-up link.
    await ctx.reply(text, {
      link_preview_options: { is_disabled: true },
      ...(keyboard === undefined ? {} : { reply_markup: keyboard }),
    });
  }

  const chatIdOf = (ctx: Context) => String(ctx.chat?.id);

  async function converse(ctx: Context, message: TelegramInput, notice?: 'notText') {
    const reply = await continueTelegramConversation(deps, {
      chatId: chatIdOf(ctx),
      updateId: ctx.update.update_id,
      preferredLanguage: chatLanguage(ctx.from?.language_code),
      message,
    });
    if (reply.kind === 'duplicate') return;
    const t = botTexts[reply.language];
    switch (reply.kind) {
      case 'question': {
        const preface = notice === undefined ? [] : [t[notice]];
        const { text, keyboard } = questionMessage(reply, publicUrl, preface);
        await send(ctx, text, keyboard);
        return;
      }
      case 'submitted':
        await send(ctx, t.submitted(reply.caseCode, `${publicUrl}/r/${reply.followUpToken}`));
        return;
      case 'busy':
        await send(ctx, t.busy);
        return;
    }
  }

  bot.use(async (ctx, next) => {
    const t = botTexts[chatLanguage(ctx.from?.language_code)];
    if (ctx.chat === undefined) return;
    try {
      if (ctx.chat.type !== 'private') {
        if (ctx.message !== undefined) await send(ctx, t.privateOnly);
        return;
      }
      if (options.limits) {
        const chatKey = options.chatSealing.chatKey(chatIdOf(ctx));
        const verdict = limiter.take(chatKey, ports.clock.now().getTime());
        if (verdict !== 'allowed') {
          if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery();
          if (verdict === 'refused-first') await send(ctx, t.tooFast);
          return;
        }
      }
      await next();
    } catch (error) {
      log.error({ failure: botFailure(error) }, 'telegram: an update failed');
      await send(ctx, t.failed(publicUrl)).catch(() => undefined);
    }
  });

  bot.command('start', (ctx) => converse(ctx, { kind: 'start' }));
  bot.command('cancel', async (ctx) => {
    const t = botTexts[chatLanguage(ctx.from?.language_code)];
    const forgotten = await forgetTelegramConversation(deps, chatIdOf(ctx));
    await send(ctx, forgotten ? t.cancelled : t.nothingToCancel);
  });
  // A staff member links this chat for alerts with the code the staff app gave him.
  bot.command('link', async (ctx) => {
    const t = botTexts[chatLanguage(ctx.from?.language_code)];
    try {
      const { displayName } = await linkTelegramChat(
        { ...ports, staffChatSealing: options.staffChatSealing },
        { code: ctx.match, chatId: chatIdOf(ctx) },
      );
      await send(ctx, t.staffLinked(displayName));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'TOKEN_INVALID')) throw error;
      await send(ctx, t.staffLinkRefused);
    }
  });
  bot.command(['english', 'en'], (ctx) => converse(ctx, { kind: 'language', language: 'en' }));
  bot.command(['russian', 'ru'], (ctx) => converse(ctx, { kind: 'language', language: 'ru' }));

  async function takeAlert(ctx: Context, token: string): Promise<void> {
    const t = botTexts[chatLanguage(ctx.from?.language_code)];
    try {
      const taken = await acknowledgeAlertByLink(ports, token, 'telegram');
      await send(
        ctx,
        taken.outcome === 'acknowledged'
          ? t.alertTaken(taken.alert.caseCode)
          : t.alertTakenBefore(taken.alert.caseCode),
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'TOKEN_INVALID')) throw error;
      await send(ctx, t.alertButtonDead);
    }
  }

  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.callbackQuery.message?.message_id !== undefined) {
      // Old buttons are taken away so that they are not pressed again; where Telegram refuses
      // (a message too old to edit), a press is recognised as stale anyway.
      await ctx.editMessageReplyMarkup().catch(() => undefined);
    }
    const { data } = ctx.callbackQuery;
    if (data.startsWith(acknowledgeCallbackPrefix)) {
      await takeAlert(ctx, data.slice(acknowledgeCallbackPrefix.length));
      return;
    }
    // Data this bot never sent counts as a button of a question already answered.
    const input = readCallbackData(ctx.callbackQuery.data) ?? {
      kind: 'choice',
      questionId: '',
      value: '',
    };
    await converse(ctx, input);
  });

  bot.on('message:text', async (ctx) => {
    const { text } = ctx.message;
    // An unknown command is no answer: the question is asked again.
    if (/^\/[a-z]/i.test(text)) return converse(ctx, { kind: 'repeat' });
    return converse(ctx, { kind: 'text', text });
  });
  bot.on('message', (ctx) => converse(ctx, { kind: 'repeat' }, 'notText'));
  return bot;
}
