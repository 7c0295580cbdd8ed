import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildEnrolledStaff,
  type EnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../test/support/staff-fixtures.ts';
import {
  buttonLabels,
  detention,
  freePort,
  labelOf,
  startTelegramStandIn,
  telegramChat,
  walk,
} from '../../../test/support/telegram-stand-in.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { browserSession } from '../../../test/support/test-server.ts';
import { purgeTelegramConversations } from '../../app/intake/purge-telegram-conversations.ts';
import { createOrganisation } from '../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../app/organisations/init-escrow.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { buildPorts } from '../container.ts';
import { buildServer, type HabeasServer } from '../http/build-server.ts';
import type { BotLog } from './telegram-bot.ts';
import { type TelegramChannel, telegramChannel } from './telegram-channel.ts';

const token = '123456789:AAHabeasTestBotTokenNotARealOne_abc';
function recordingLog(): { log: BotLog; errors: unknown[] } {
  const errors: unknown[] = [];
  const log = {
    info() {},
    warn() {},
    error(entry: unknown) {
      errors.push(entry);
    },
  } as unknown as BotLog;
  return { log, errors };
}

describe.each(testDialects())('the Telegram bot, through a stand-in Bot API [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let clock: ReturnType<typeof testClock>;
  let orgId: string;
  let coordinator: EnrolledStaff;
  let standIn: Awaited<ReturnType<typeof startTelegramStandIn>>;
  let server: HabeasServer | null = null;
  let publicUrl: string;
  let channels: TelegramChannel[] = [];
  let logged: ReturnType<typeof recordingLog>;

  beforeEach(async () => {
    database = await dialect.open();
    // 11:00 in Moscow.
    clock = testClock(new Date('2025-10-18T08:00:00Z'));
    ports = buildPorts(database, { clock });
    orgId = (await createOrganisation(ports, { name: 'Hotline group' })).id;
    await setEscrowKey(ports, { orgId });
    coordinator = await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
    standIn = await startTelegramStandIn();
    server = null;
    channels = [];
    logged = recordingLog();
  });
  afterEach(async () => {
    for (const channel of channels) await channel.stop();
    await server?.app.close();
    await standIn?.stop();
    await database.close();
  });

  /** The web server with the bot's webhook, listening where the stand-in can post to it. */
  async function startWithWebhook(): Promise<TelegramChannel> {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    const channel = telegramChannel({
      token,
      apiRoot: standIn.apiRoot,
      mode: 'webhook',
      ports,
      publicUrl,
      limits: true,
    });
    server = await buildServer({
      ports,
      publicUrl,
      trustProxy: false,
      logLevel: 'silent',
      staffAppDir: 'no-staff-app-in-tests',
      rateLimitPerMinute: 10_000,
      telegramWebhook: channel.webhook,
    });
    await server.app.listen({ port, host: '127.0.0.1' });
    await channel.start(logged.log);
    channels.push(channel);
    return channel;
  }

  /** The bot alone, polling: as `npm start` runs it by default. */
  async function startPolling(): Promise<TelegramChannel> {
    publicUrl = 'http://localhost:8080';
    const channel = telegramChannel({
      token,
      apiRoot: standIn.apiRoot,
      mode: 'polling',
      ports,
      publicUrl,
      limits: true,
    });
    await channel.start(logged.log);
    channels.push(channel);
    return channel;
  }

  const conversationRows = () =>
    database.db.selectFrom('telegram_conversations').selectAll().execute();

  async function openCase(caseId: string) {
    clock.advance(60_000);
    if (server === null) throw new Error('no web server');
    const browser = browserSession(server);
    await browser.post('/api/v1/auth/login', { email: coordinator.email, password: testPassword });
    await browser.post('/api/v1/auth/second-factor', {
      code: await totpCodeAt(ports, coordinator.totpSecret),
    });
    return (await browser.get(`/api/v1/cases/${caseId}`)).json();
  }

  it('takes a whole detention report and gives a code and a follow-up link; staff read the answers', async () => {
    await startWithWebhook();
    const chat = telegramChat(standIn.server, token, { chatId: 730_194_562 });
    const welcome = await chat.say('Помогите, задержали брата');
    expect(welcome.text).toContain('Telegram знает, кто пишет этому боту');
    expect(welcome.text).toContain(`${publicUrl}/report`);
    expect(welcome.text).toContain('Шаг 1 из');
    expect(welcome.text).toContain(labelOf('reporter-role'));
    expect(buttonLabels(welcome).flat()).toEqual([
      'Я сам — помощь нужна мне',
      'Родственник или близкий человек',
      'Свидетель — я видел(а), что произошло',
      'English',
    ]);

    const done = await walk(chat, welcome, detention);
    const [, caseCode] = /Код обращения: ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(done.text) ?? [];
    const [followUpUrl, followUpToken] =
      new RegExp(`${publicUrl}/r/([\\w-]{43})`).exec(done.text) ?? [];
    expect(caseCode).toBeDefined();
    expect(followUpUrl).toBeDefined();
    expect(done.link_preview_options?.is_disabled).toBe(true);
    expect(done.reply_markup?.inline_keyboard ?? []).toEqual([]);

    // Nothing links the chat to the case: the conversation went with the report.
    expect(await conversationRows()).toEqual([]);
    const stored = await database.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    expect(stored.channel).toBe('telegram');
    expect(JSON.stringify(stored)).not.toContain('Задержанов');

    const followUp = await server?.app.inject({
      method: 'GET',
      url: `/api/v1/reports/follow-up/${followUpToken}`,
    });
    expect(followUp?.json()).toMatchObject({ caseCode, status: 'received' });

    const opened = await openCase(stored.case_id);
    expect(opened.persons).toEqual([
      expect.objectContaining({
        fullName: 'Задержанов Кирилл Андреевич',
        birthDate: '2006-03-01',
        phone: '+79160000000',
      }),
    ]);
    expect(opened.report).toMatchObject({
      caseCode,
      channel: 'telegram',
      answers: {
        'reporter-role': 'relative',
        situation: 'detained',
        'detained-at': '2025-10-18T09:40:00+03:00',
        'taken-from-station': { freeText: 'Выхино' },
        'taken-to-centre': { freeText: 'Угрешская' },
        'appeal-case-number': '2а-1234/2025',
        'needs-lawyer': 'yes',
        consent: 'yes',
      },
    });
    expect(logged.errors).toEqual([]);
  });

  it('answers a date it cannot read with a clear Russian message and the same question, keeping every answer', async () => {
    await startWithWebhook();
    const chatId = 730_194_563;
    const chat = telegramChat(standIn.server, token, { chatId });
    const welcome = await chat.command('/start');
    const atDate = await walk(chat, welcome, detention.slice(0, 4));

    const refused = await chat.say('31.02.2006');
    expect(refused.text).toContain('⚠️ Не получилось прочитать дату. Напишите её так: 14.03.2025.');
    expect(refused.text).toContain(labelOf('person-birth-date'));
    expect(buttonLabels(refused).flat()).toEqual(buttonLabels(atDate).flat());
    const future = await chat.say('01.01.2030');
    expect(future.text).toContain('Эта дата ещё не наступила');

    // The answers so far are sealed: neither the name nor the chat id is in the database.
    const [row, ...others] = await conversationRows();
    expect(others).toEqual([]);
    expect(JSON.stringify(row)).not.toMatch(/Задержанов|730194563/);

    const done = await walk(chat, future, detention.slice(4));
    expect(done.text).toContain('Код обращения');
    const stored = await database.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    const opened = await openCase(stored.case_id);
    expect(opened.persons[0].fullName).toBe('Задержанов Кирилл Андреевич');
  });

  it('carries on after a restart: another bot process finds the answers in the database', async () => {
    const first = await startPolling();
    const chat = telegramChat(standIn.server, token, { chatId: 730_194_564 });
    const welcome = await chat.command('/start');
    const atAge = await walk(chat, welcome, detention.slice(0, 3));
    await first.stop();
    channels = [];

    const second = await startPolling();
    const resumed = await chat.command('/start');
    expect(resumed.text).toContain('Продолжим с того места, где вы остановились');
    expect(resumed.text).toContain(labelOf('person-age'));
    // A button sent before the restart still answers its question.
    await walk(chat, atAge, detention.slice(3));
    await second.stop();
    channels = [];

    await startWithWebhook();
    const stored = await database.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
    const opened = await openCase(stored.case_id);
    expect(opened.report.answers['person-name']).toBe('Задержанов Кирилл Андреевич');
    expect(opened.report.answers['reporter-role']).toBe('relative');
  });

  it('forgets the answers at /cancel and starts afresh', async () => {
    await startWithWebhook();
    const chat = telegramChat(standIn.server, token, { chatId: 730_194_565 });
    await walk(chat, await chat.command('/start'), detention.slice(0, 3));
    expect(await conversationRows()).toHaveLength(1);

    const cancelled = await chat.command('/cancel');
    expect(cancelled.text).toBe('Ваши ответы удалены. Начать заново: /start.');
    expect(await conversationRows()).toEqual([]);
    expect((await chat.command('/cancel')).text).toContain('Сохранённых ответов нет');

    const again = await chat.say('Задержанов Кирилл Андреевич');
    expect(again.text).toContain('Здравствуйте!');
    expect(again.text).toContain(labelOf('reporter-role'));
    expect(await database.db.selectFrom('reports').selectAll().execute()).toEqual([]);
  });

  it('speaks English to an English Telegram, and switches language on request', async () => {
    await startWithWebhook();
    const chat = telegramChat(standIn.server, token, {
      chatId: 730_194_566,
      languageCode: 'en-GB',
    });
    const welcome = await chat.command('/start');
    expect(welcome.text).toContain('Telegram knows who writes to this bot');
    expect(welcome.text).toContain('Who is writing to us?');
    const situation = await chat.press(welcome, 'A witness — I saw what happened');
    const other = await chat.press(situation, 'Something else');
    expect(other.text).toContain('Step 3 of 4');

    const russian = await chat.command('/russian');
    expect(russian.text).toContain('Шаг 3 из 4');
    const english = await chat.command('/english');
    expect(english.text).toContain('Step 3 of 4');
    const empty = await chat.say('   ');
    expect(empty.text).toContain('⚠️ Please answer this question.');
  });

  it('recognises a button of a question already answered, and forgets answers after an hour', async () => {
    await startWithWebhook();
    const chat = telegramChat(standIn.server, token, { chatId: 730_194_567 });
    const welcome = await chat.command('/start');
    const situation = await chat.press(welcome, 'Родственник или близкий человек');
    const stale = await chat.press(welcome, 'Я сам — помощь нужна мне');
    expect(stale.text).toContain('На этот вопрос вы уже ответили');
    expect(stale.text).toContain(labelOf('situation'));
    expect(buttonLabels(stale)).toEqual(buttonLabels(situation));

    clock.advance(61 * 60_000);
    expect(await purgeTelegramConversations(ports)).toBe(1);
    const later = await chat.press(situation, 'Человека задержали и сейчас удерживают');
    expect(later.text).toContain('Здравствуйте!');
    expect(later.text).toContain(labelOf('reporter-role'));

    clock.advance(61 * 60_000);
    const expired = await chat.say('Здравствуйте');
    expect(expired.text).toContain('Прошло больше часа, и прежние ответы удалены');
    expect(expired.text).toContain(labelOf('reporter-role'));
  });

  it('caps the messages of one chat, answering the first one over the cap only', async () => {
    await startWithWebhook();
    const chat = telegramChat(standIn.server, token, { chatId: 730_194_568 });
    for (let sent = 0; sent < 30; sent += 1) await chat.command('/start');
    expect((await chat.say('ещё')).text).toBe(
      'Слишком много сообщений подряд. Подождите минуту и продолжайте.',
    );
    const before = (await chat.history()).length;
    await chat.send('и ещё');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await chat.history()).length).toBe(before);

    clock.advance(60_000);
    expect((await chat.say('снова')).text).toContain(labelOf('reporter-role'));
    // Another chat was never capped.
    const other = telegramChat(standIn.server, token, { chatId: 730_194_569 });
    expect((await other.command('/start')).text).toContain(labelOf('reporter-role'));
  });

  it('answers only in private chats, and its webhook only on the secret path', async () => {
    const channel = await startWithWebhook();
    const group = telegramChat(standIn.server, token, { chatId: -100_730_194, type: 'group' });
    expect((await group.say('/start')).text).toContain('Напишите мне в личные сообщения');
    expect(await conversationRows()).toEqual([]);

    const post = (secret: string, payload: object) =>
      server?.app.inject({ method: 'POST', url: `/telegram/webhook/${secret}`, payload });
    expect((await post('not-the-secret', { update_id: 1 }))?.statusCode).toBe(404);
    expect((await post(channel.webhook?.secret ?? '', { nothing: true }))?.statusCode).toBe(400);
    expect((await post(channel.webhook?.secret ?? '', { update_id: 1 }))?.statusCode).toBe(200);
  });

  it('takes an update Telegram delivers twice only once', async () => {
    const channel = await startWithWebhook();
    const chatId = 730_194_570;
    const chat = telegramChat(standIn.server, token, { chatId });
    const welcome = await chat.command('/start');
    const person = { id: chatId, is_bot: false, first_name: 'A', language_code: 'ru' };
    const update = (updateId: number, text: string) => ({
      update_id: updateId,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'A' },
        from: person,
        text,
      },
    });
    const deliver = (payload: object) =>
      server?.app.inject({
        method: 'POST',
        url: `/telegram/webhook/${channel.webhook?.secret}`,
        payload,
      });
    expect((await deliver(update(900_001, 'Родственник или близкий человек')))?.statusCode).toBe(
      200,
    );
    expect((await deliver(update(900_001, 'Родственник или близкий человек')))?.statusCode).toBe(
      200,
    );
    const answers = await chat.read();
    expect(answers.map((answer) => answer.text)).toEqual([
      expect.stringContaining(labelOf('situation')),
    ]);
    expect(await chat.history()).toHaveLength(2);
    // The answer counted once: the next one answers the situation question.
    expect((await chat.press(welcome, 'Свидетель — я видел(а), что произошло')).text).toContain(
      'На этот вопрос вы уже ответили',
    );
  });
});
