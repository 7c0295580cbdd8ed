import { createServer } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { expect } from 'vitest';
import { questionnaireFiles } from '../../src/adapters/intake/questionnaire-files.ts';

/** A port nobody listens on now (the stand-in takes no port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A message the bot sent, as the stand-in hands it to the chat. */
export type BotMessage = {
  chat_id: number | string;
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
  link_preview_options?: { is_disabled?: boolean };
};

/**
 * A local Bot API server (telegram-test-api): the bot under test talks to it as to Telegram, and
 * a test plays a person in a chat through it.
 */
export async function startTelegramStandIn(): Promise<{
  apiRoot: string;
  server: TelegramServer;
  stop(): Promise<void>;
}> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  return {
    apiRoot: server.config.apiURL,
    server,
    async stop() {
      await server.stop();
    },
  };
}

/** The labels of the buttons under a message, row by row. */
export function buttonLabels(message: BotMessage): string[][] {
  return (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
}

/**
 * A person in a chat with the bot. Every call waits for the bot's one answer and returns it:
 * the bot answers each message with exactly one message.
 */
export function telegramChat(
  server: TelegramServer,
  token: string,
  options: { chatId: number; languageCode?: string; type?: 'private' | 'group' },
) {
  const client = server.getClient(token, {
    chatId: options.chatId,
    userId: options.chatId,
    type: options.type ?? 'private',
    timeout: 10_000,
    interval: 25,
  });
  const from = { language_code: options.languageCode ?? 'ru' };

  /** Waits for the bot's messages not read yet, and reads them. */
  async function read(): Promise<BotMessage[]> {
    const updates = await client.getUpdates();
    return updates.result.map((update) => update.message as unknown as BotMessage);
  }

  async function answer(): Promise<BotMessage> {
    const messages = await read();
    expect(messages, 'the bot answers each message with one message').toHaveLength(1);
    return messages[0] as BotMessage;
  }

  return {
    async say(text: string): Promise<BotMessage> {
      await client.sendMessage(client.makeMessage(text, { from }));
      return answer();
    },
    async command(text: string): Promise<BotMessage> {
      await client.sendCommand(client.makeCommand(text, { from }));
      return answer();
    },
    /** Presses the button with this label under a message the bot sent. */
    async press(message: BotMessage, label: string): Promise<BotMessage> {
      const button = message.reply_markup?.inline_keyboard
        ?.flat()
        .find((candidate) => candidate.text === label);
      if (button === undefined) {
        throw new Error(`no button "${label}" under: ${message.text.slice(0, 200)}`);
      }
      await client.sendCallback(client.makeCallbackQuery(button.callback_data, { from }));
      return answer();
    },
    read,
    /** Sends without waiting for an answer: for a flood, where the bot stays silent. */
    async send(text: string): Promise<void> {
      await client.sendMessage(client.makeMessage(text, { from }));
    },
    /** Every message the bot has sent to this chat so far, read or not. */
    async history(): Promise<BotMessage[]> {
      const history = await client.getUpdatesHistory();
      return history
        .map((update) => ('message' in update ? (update.message as Partial<BotMessage>) : {}))
        .filter(
          (message): message is BotMessage => String(message.chat_id) === String(options.chatId),
        );
    },
  };
}

const hotline = questionnaireFiles().current('hotline');

/** The Russian label of a question of the hotline questionnaire. */
export function labelOf(questionId: string): string {
  const question = hotline.steps
    .flatMap((step) => step.questions)
    .find((candidate) => candidate.id === questionId);
  if (question === undefined) throw new Error(`no question ${questionId}`);
  return question.label.ru;
}

export type Move = ({ press: string } | { say: string }) & { asks: string };

/** A relative reports a detention at Vykhino metro, taken to the Ugreshskaya centre. */
export const detention: Move[] = [
  { press: 'Родственник или близкий человек', asks: labelOf('situation') },
  { press: 'Человека задержали и сейчас удерживают', asks: labelOf('person-name') },
  { say: 'Задержанов Кирилл Андреевич', asks: labelOf('person-age') },
  { press: 'Пропустить', asks: labelOf('person-birth-date') },
  { say: '01.03.2006', asks: labelOf('contact-phone') },
  { say: '+7 916 000-00-00', asks: labelOf('taken-from') },
  { press: 'В метро', asks: labelOf('detained-at') },
  { say: '18.10.2025 09:40', asks: labelOf('taken-to') },
  { press: 'В военкомат или на сборный пункт', asks: labelOf('taken-from-station') },
  { say: 'Выхино', asks: labelOf('taken-to-centre') },
  { say: 'Угрешская', asks: labelOf('pending-appeal') },
  { press: 'Да', asks: labelOf('appeal-court') },
  { say: 'Кузьминский районный суд', asks: labelOf('appeal-case-number') },
  { say: '2а-1234/2025', asks: labelOf('needs-lawyer') },
  { press: 'Да', asks: labelOf('detention-details') },
  { press: 'Пропустить', asks: labelOf('consent') },
  { press: 'Согласен(на)', asks: labelOf('reporter-contact') },
  { press: 'Пропустить', asks: 'Код обращения' },
];

type Chat = ReturnType<typeof telegramChat>;

/** Makes the moves in order, checking that each answer asks what comes next. */
export async function walk(chat: Chat, from: BotMessage, moves: Move[]): Promise<BotMessage> {
  let last = from;
  for (const move of moves) {
    last = 'press' in move ? await chat.press(last, move.press) : await chat.say(move.say);
    expect(last.text, `after ${JSON.stringify(move)}`).toContain(move.asks);
    expect(last.text).not.toContain('⚠️');
  }
  return last;
}
