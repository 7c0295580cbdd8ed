import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import { watchForeignRequests, watchPageProblems } from '../support/page-checks.ts';
import { schemaUrl } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';
import { testDialects, testPostgresServerUrl } from '../support/test-databases.ts';

/** Someone reports a detention at Vykhino, taken to the Ugreshskaya centre. */
const detention = {
  'reporter-role': 'witness',
  situation: 'detained',
  'person-name': 'Задержанов CANARY-E2E-NAME-7f31',
  'person-birth-date': '2006-03-01',
  'contact-phone': '+7 916 000-00-00',
  'taken-from': 'metro',
  // Half an hour ago on Moscow's clock, as the form's default offset reads it.
  'detained-at': new Date(Date.now() - 30 * 60_000 + 3 * 3_600_000).toISOString().slice(0, 16),
  'taken-to': 'conscription-centre',
  'taken-from-station': 'metro-station:vykhino',
  'taken-to-centre': 'conscription-centre:ugreshskaya-e2e',
  'pending-appeal': 'no',
  'needs-lawyer': 'yes',
  consent: 'yes',
};

function credentials(server: RunningServer): { email: string; password: string } {
  return {
    email: /E-mail: +(\S+)/.exec(server.output())?.[1] ?? '',
    password: /Password: +(\S+)/.exec(server.output())?.[1] ?? '',
  };
}

/**
 * Two sessions of the demo coordinator: the first enrols the authenticator, the second logs in
 * with the next period's code (a code is accepted once).
 */
async function twoSessions(server: RunningServer): Promise<string[]> {
  const { email, password } = credentials(server);
  const first = httpStaffClient(server.baseUrl);
  const secret = await first.enrolAtFirstLogin(email, password);
  const second = httpStaffClient(server.baseUrl);
  await second.call('POST', '/api/v1/auth/login', { email, password });
  const verified = await second.call('POST', '/api/v1/auth/second-factor', {
    code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
  });
  expect(verified.status).toBe(200);
  return [first.sessionCookie(), second.sessionCookie()];
}

async function boardPage(
  browser: Browser,
  baseUrl: string,
  session: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[]; foreign: string[] }> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  await context.addCookies([{ name: 'habeas_session', value: session, url: baseUrl }]);
  const page = await context.newPage();
  const foreign = watchForeignRequests(page, baseUrl);
  const problems = watchPageProblems(page);
  await page.goto(`${baseUrl}/staff/board`);
  await page.getByRole('heading', { level: 1, name: 'Доска задержаний' }).waitFor();
  // The event stream is open: from here on a change reaches the page at once.
  await page.getByText('Обновляется сразу').waitFor();
  return { context, page, problems, foreign };
}

/** Reports a detention to one server and times how long both boards take to show it. */
async function reportAndTime(reportTo: string, pages: Page[]): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${reportTo}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers: detention }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { caseCode } = (await response.json()) as { caseCode: string };
  await Promise.all(
    pages.map((page) =>
      page
        .getByRole('region', { name: 'ugreshskaya-e2e' })
        .getByText(caseCode)
        .waitFor({ timeout: 5_000 }),
    ),
  );
  return performance.now() - started;
}

describe.skipIf(!chromiumAvailable())('live board in two browsers', () => {
  let browser: Browser;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) {
      await server.stop();
      server.remove();
    }
  });

  it('shows a new detention in both within two seconds, without its name', async () => {
    const server = await startServer();
    servers.push(server);
    const sessions = await twoSessions(server);
    const boards = await Promise.all(
      sessions.map((session) => boardPage(browser, server.baseUrl, session)),
    );
    const elapsedMs = await reportAndTime(
      server.baseUrl,
      boards.map((board) => board.page),
    );
    expect(elapsedMs, `shown after ${Math.round(elapsedMs)} ms`).toBeLessThan(2_000);
    for (const board of boards) {
      expect(await board.page.content()).not.toContain('CANARY');
      expect(board.problems).toEqual([]);
      expect(board.foreign).toEqual([]);
      await board.context.close();
    }
  });

  const serverUrl = testPostgresServerUrl();
  it.skipIf(serverUrl === undefined)(
    'on PostgreSQL, shows a detention reported to one instance on the board served by another',
    async () => {
      const postgres = testDialects().find((dialect) => dialect.name === 'postgres');
      if (serverUrl === undefined || postgres === undefined) return;
      const database = await postgres.open({ migrate: false });
      try {
        const env = { DATABASE_URL: schemaUrl(serverUrl, database.schema ?? 'public') };
        const intake = await startServer(env);
        servers.push(intake);
        const boardServer = await startServer(env);
        servers.push(boardServer);
        // Sessions live in the database: logging in at one instance works at the other.
        const sessions = await twoSessions(intake);
        const boards = await Promise.all(
          sessions.map((session) => boardPage(browser, boardServer.baseUrl, session)),
        );
        const elapsedMs = await reportAndTime(
          intake.baseUrl,
          boards.map((board) => board.page),
        );
        expect(elapsedMs, `shown after ${Math.round(elapsedMs)} ms`).toBeLessThan(2_000);
        for (const board of boards) await board.context.close();
        await intake.stop();
        await boardServer.stop();
      } finally {
        await database.close();
      }
    },
  );
});
