import type { AnswerError } from '../../domain/intake/answers.ts';
import {
  type AskedQuestion,
  answerInterview,
  askedQuestion,
  type Interview,
  type InterviewLanguage,
  type InterviewTurn,
  interviewSchema,
  reopenInterview,
  resumeInterview,
  startInterview,
} from '../../domain/intake/interview.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { StoredTelegramConversation } from '../ports/repositories.ts';
import type { TelegramChatSealing } from '../ports/telegram-chat-sealing.ts';
import { hotlineQuestionnaireId, receivingOrganisation, submitReport } from './submit-report.ts';

/** Answers left this long without another are forgotten: they are personal data. */
export const telegramConversationLifetimeMs = 60 * 60_000;

export type TelegramConversationDeps = Pick<
  Ports,
  'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'blindIndex' | 'questionnaires' | 'liveUpdates'
> & { chatSealing: TelegramChatSealing };

/** What the reporter did in the chat, as the bot understood it. */
export type TelegramInput =
  /** `/start`: where he stands, said so. */
  | { kind: 'start' }
  /** Something that answers nothing (a sticker, an unknown command): the question again. */
  | { kind: 'repeat' }
  | { kind: 'text'; text: string }
  /** A button under a question: an option's value, or an empty value to skip. */
  | { kind: 'choice'; questionId: string; value: string }
  | { kind: 'language'; language: InterviewLanguage };

/** How the conversation stood before this message. */
export type ConversationOpening =
  /** No conversation: this message starts one. */
  | 'new'
  /** One had been left for too long and was forgotten; this message starts a new one. */
  | 'expired'
  /** One is in progress and the reporter asked where he stands. */
  | 'continued'
  | null;

export type TelegramReply =
  | {
      kind: 'question';
      language: InterviewLanguage;
      asked: AskedQuestion;
      error?: AnswerError['message'];
      opening: ConversationOpening;
      /** A button of a question already answered was pressed. */
      stale: boolean;
    }
  | { kind: 'submitted'; language: InterviewLanguage; caseCode: string; followUpToken: string }
  /** Another instance took this chat's turn at the same moment: the reporter sends it again. */
  | { kind: 'busy'; language: InterviewLanguage }
  /** Telegram delivered this update before (a retry, a restart before it was confirmed). */
  | { kind: 'duplicate' };

/** What is sealed between messages: the interview, and the updates already taken. */
type SealedState = { interview: Interview; recentUpdateIds: number[] };

/** Enough to recognise a retried update: Telegram retries the latest ones. */
const rememberedUpdates = 20;

type Loaded = {
  stored: StoredTelegramConversation | null;
  orgId: string;
  state: SealedState | null;
  opening: ConversationOpening;
};

function openState(
  deps: TelegramConversationDeps,
  chatId: string,
  stored: StoredTelegramConversation,
): SealedState | null {
  const opened = deps.chatSealing.open(chatId, stored.sealedState);
  if (opened === null) return null;
  try {
    const { interview, recentUpdateIds } = JSON.parse(opened) as Partial<SealedState>;
    const parsed = interviewSchema.safeParse(interview);
    const ids = Array.isArray(recentUpdateIds) ? recentUpdateIds : [];
    if (!parsed.success || !ids.every((id) => Number.isSafeInteger(id))) return null;
    return { interview: parsed.data, recentUpdateIds: ids };
  } catch {
    return null;
  }
}

async function load(
  deps: TelegramConversationDeps,
  chatId: string,
  chatKey: string,
  now: Date,
): Promise<Loaded> {
  return deps.unitOfWork.run(async (repositories) => {
    const stored = await repositories.telegramConversations.find(chatKey);
    if (stored === null) {
      const orgId = await receivingOrganisation(repositories);
      return { stored: null, orgId, state: null, opening: 'new' };
    }
    const state = stored.expiresAt > now ? openState(deps, chatId, stored) : null;
    if (state !== null) return { stored, orgId: stored.orgId, state, opening: null };
    // Expired, or sealed under a bot token since replaced: forgotten, and the chat starts again.
    await repositories.telegramConversations.remove(chatKey, stored.revision);
    return { stored: null, orgId: stored.orgId, state: null, opening: 'expired' };
  });
}

function turnFor(
  deps: TelegramConversationDeps,
  interview: Interview,
  input: TelegramInput,
  now: Date,
): { turn: InterviewTurn; stale: boolean } {
  const form = deps.questionnaires.current(hotlineQuestionnaireId);
  switch (input.kind) {
    case 'start':
    case 'repeat':
      return { turn: resumeInterview(form, interview, now), stale: false };
    case 'language':
      return {
        turn: resumeInterview(form, { ...interview, language: input.language }, now),
        stale: false,
      };
    case 'text':
      return { turn: answerInterview(form, interview, input.text, now), stale: false };
    case 'choice':
      if (input.questionId !== interview.questionId) {
        return { turn: resumeInterview(form, interview, now), stale: true };
      }
      return { turn: answerInterview(form, interview, input.value, now), stale: false };
  }
}

/**
 * One message of a report given in a Telegram chat: the questionnaire of every channel, asked
 * one question at a time. The answers so far are kept sealed between messages, for an hour
 * after the last one, so that a restart or another app instance carries on where the reporter
 * stands. The last answer submits the report like the web form does, and the conversation is
 * removed in the same transaction: nothing links the chat to the case afterwards.
 */
export async function continueTelegramConversation(
  deps: TelegramConversationDeps,
  input: {
    chatId: string;
    /** Telegram's id of the update; the same update delivered twice is taken once. */
    updateId: number;
    preferredLanguage: InterviewLanguage;
    message: TelegramInput;
  },
): Promise<TelegramReply> {
  const form = deps.questionnaires.current(hotlineQuestionnaireId);
  const now = deps.clock.now();
  const chatKey = deps.chatSealing.chatKey(input.chatId);
  const loaded = await load(deps, input.chatId, chatKey, now);
  if (loaded.state?.recentUpdateIds.includes(input.updateId) === true) return { kind: 'duplicate' };

  let turn: InterviewTurn;
  let stale = false;
  let opening = loaded.opening;
  if (loaded.state === null) {
    // A new conversation starts at its first question, whatever the message said.
    const language =
      input.message.kind === 'language' ? input.message.language : input.preferredLanguage;
    turn = { kind: 'ask', interview: startInterview(form, language) };
  } else {
    ({ turn, stale } = turnFor(deps, loaded.state.interview, input.message, now));
    if (input.message.kind === 'start') opening = 'continued';
  }
  const language = turn.interview.language;

  if (turn.kind === 'complete') {
    const { stored } = loaded;
    try {
      const submitted = await submitReport(deps, {
        channel: 'telegram',
        answers: turn.answers,
        alsoInTransaction: async (repositories) => {
          const removed =
            stored !== null &&
            (await repositories.telegramConversations.remove(chatKey, stored.revision));
          if (!removed) throw new AppError('CONFLICT', 'the conversation changed meanwhile');
        },
      });
      if (submitted.ok) {
        return {
          kind: 'submitted',
          language,
          caseCode: submitted.caseCode,
          followUpToken: submitted.followUpToken,
        };
      }
      turn = reopenInterview(form, turn.interview, submitted.errors, now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return { kind: 'busy', language };
      throw error;
    }
    if (turn.kind !== 'ask') throw new AppError('CONFLICT', 'the report was refused as it stands');
  }

  const state: SealedState = {
    interview: turn.interview,
    recentUpdateIds: [...(loaded.state?.recentUpdateIds ?? []), input.updateId].slice(
      -rememberedUpdates,
    ),
  };
  const revision = (loaded.stored?.revision ?? 0) + 1;
  const saved = await deps.unitOfWork.run((repositories) =>
    repositories.telegramConversations.save(
      {
        chatKey,
        orgId: loaded.orgId,
        sealedState: deps.chatSealing.seal(input.chatId, JSON.stringify(state)),
        revision,
        expiresAt: new Date(now.getTime() + telegramConversationLifetimeMs),
      },
      now,
    ),
  );
  if (!saved) return { kind: 'busy', language };
  return {
    kind: 'question',
    language,
    asked: askedQuestion(form, state.interview, now),
    ...(turn.error === undefined ? {} : { error: turn.error.message }),
    opening,
    stale,
  };
}
