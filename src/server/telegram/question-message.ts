import { InlineKeyboard } from 'grammy';
import type {
  TelegramInput,
  TelegramReply,
} from '../../app/intake/continue-telegram-conversation.ts';
import type { AskedQuestion, InterviewLanguage } from '../../domain/intake/interview.ts';
import { botTexts } from './bot-texts.ts';

type QuestionReply = Extract<TelegramReply, { kind: 'question' }>;

/** Telegram refuses a button whose data is longer than this many bytes. */
export const callbackDataMaxBytes = 64;

/** A button's data names the question it answers, so that a stale button is recognised. */
export function answerData(questionId: string, value: string): string {
  return `a:${questionId}:${value}`;
}

export function skipData(questionId: string): string {
  return `s:${questionId}`;
}

export function languageData(language: InterviewLanguage): string {
  return `l:${language}`;
}

/** What a pressed button means; null for data this bot never sent. */
export function readCallbackData(data: string): TelegramInput | null {
  const [kind, first, second, ...rest] = data.split(':');
  if (rest.length > 0 || first === undefined || first === '') return null;
  if (kind === 'a' && second !== undefined && second !== '') {
    return { kind: 'choice', questionId: first, value: second };
  }
  if (kind === 's' && second === undefined) return { kind: 'choice', questionId: first, value: '' };
  if (kind === 'l' && second === undefined && (first === 'ru' || first === 'en')) {
    return { kind: 'language', language: first };
  }
  return null;
}

/** Short labels (ages) share a row; sentences get a row each, as a phone shows them whole. */
function keyboardFor(asked: AskedQuestion, language: InterviewLanguage): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const perRow = asked.choices.every((choice) => [...choice.label].length <= 8) ? 5 : 1;
  asked.choices.forEach((choice, index) => {
    if (index > 0 && index % perRow === 0) keyboard.row();
    keyboard.text(choice.label, answerData(asked.question.id, choice.value));
  });
  if (asked.skippable) {
    if (asked.choices.length > 0) keyboard.row();
    keyboard.text(botTexts[language].skip, skipData(asked.question.id));
  }
  return keyboard;
}

function typingHints(asked: AskedQuestion, language: InterviewLanguage): string[] {
  const t = botTexts[language];
  switch (asked.question.kind) {
    case 'place':
      return [t.placeHint];
    case 'date':
      return asked.question.hint === undefined ? [t.dateHint] : [];
    case 'datetime':
      return asked.question.hint === undefined ? [t.dateTimeHint] : [];
    default:
      return [];
  }
}

/**
 * One message per turn: what the bot has to say first (a greeting, an error), the step, the
 * question with its hint, and its buttons. Plain text: nothing the reporter typed is ever
 * parsed as markup.
 */
export function questionMessage(
  reply: QuestionReply,
  publicUrl: string,
  preface: string[] = [],
): { text: string; keyboard: InlineKeyboard } {
  const { asked, language } = reply;
  const t = botTexts[language];
  const { question, step, position } = asked;
  const opening =
    reply.opening === 'new'
      ? [t.welcome(publicUrl)]
      : reply.opening === 'expired'
        ? [t.expired, t.welcome(publicUrl)]
        : reply.opening === 'continued'
          ? [t.continued]
          : [];
  const lines = [
    ...preface,
    ...opening,
    ...(reply.stale ? [t.stale] : []),
    t.step(position.index, position.total, step.title[language]),
    ...(reply.error === undefined ? [] : [`⚠️ ${reply.error[language]}`]),
    ...(question.kind === 'consent' ? [question.consentText[language]] : []),
    [
      question.label[language],
      question.hint?.[language],
      ...typingHints(asked, language),
      asked.skippable && asked.choices.length === 0 ? t.skipHint : undefined,
    ]
      .filter((line) => line !== undefined)
      .join('\n'),
  ];
  const keyboard = keyboardFor(asked, language);
  if (reply.opening === 'new' || reply.opening === 'expired') {
    keyboard.row().text(t.switchLanguage, languageData(language === 'ru' ? 'en' : 'ru'));
  }
  return { text: lines.join('\n\n'), keyboard };
}
