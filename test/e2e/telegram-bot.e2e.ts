import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase, sqliteFileName } from '../../src/adapters/db/sqlite-database.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import {
  detention,
  labelOf,
  startTelegramStandIn,
  telegramChat,
  walk,
} from '../support/telegram-stand-in.ts';

const token = '987654321:AAHabeasEndToEndTokenNotARealOne_xyz';
const chatId = 582_904_117;

describe('the Telegram bot in the server process', () => {
  const servers: RunningServer[] = [];
  let standIn: Awaited<ReturnType<typeof startTelegramStandIn>> | undefined;
  afterAll(async () => {
    for (const server of servers) await server.stop();
    servers[0]?.remove();
    await standIn?.stop();
  });

  it('takes a report across a kill -9 mid-conversation, and logs neither the token nor an answer', async () => {
    standIn = await startTelegramStandIn();
    const env = {
      TELEGRAM_BOT_TOKEN: token,
      HABEAS_TELEGRAM_API_ROOT: standIn.apiRoot,
      LOG_LEVEL: 'trace',
    };
    const first = await startServer(env);
    servers.push(first);
    const chat = telegramChat(standIn.server, token, { chatId });
    const welcome = await chat.command('/start');
    expect(welcome.text).toContain(labelOf('reporter-role'));
    const atAge = await walk(chat, welcome, detention.slice(0, 3));

    await first.stop('SIGKILL');
    const second = await startServer({ ...env, HABEAS_DATA_DIR: first.dataDir });
    servers.push(second);
    const done = await walk(chat, atAge, detention.slice(3));
    expect(done.text).toMatch(/Код обращения: [A-Z2-9]{4}-[A-Z2-9]{4}/);
    await second.stop();

    const database = openSqliteDatabase(path.join(first.dataDir, sqliteFileName));
    try {
      const reports = await database.db.selectFrom('reports').selectAll().execute();
      expect(reports.map((report) => report.channel)).toEqual(['telegram']);
      expect(await database.db.selectFrom('telegram_conversations').selectAll().execute()).toEqual(
        [],
      );
    } finally {
      await database.close();
    }
    for (const server of [first, second]) {
      expect(server.output()).toContain('telegram bot: polling for updates');
      for (const secret of [token, token.split(':')[1] ?? token, 'Задержанов', String(chatId)])
        expect(server.output()).not.toContain(secret);
    }
  });
});
