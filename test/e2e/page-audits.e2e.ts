import { AxeBuilder } from '@axe-core/playwright';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageFixture, pathOf, publicPages, staffPages } from '../support/audited-pages.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import { reportAnswers } from '../support/intake-load.ts';
import { runHabeasCli } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

const password = 'Ugreshskaya-door-14:05';

/** axe's serious and critical findings on the page as it stands, by rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** The page has drawn its heading and shows no "Loading…" line any more. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await expect
    .poll(
      () => page.getByText(/^(Загрузка|Загружаем|Открываем|Собираем) [^…]*…$|^Загрузка…$/).count(),
      {
        timeout: 30_000,
      },
    )
    .toBe(0);
}

describe.skipIf(!chromiumAvailable())('every page passes axe', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixture: PageFixture;
  let email: string;
  let secret: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    email = 'coordinator@example.org';
    const added = await runHabeasCli(['user', 'add', '--email', email, '--role', 'coordinator'], {
      HABEAS_DATA_DIR: server.dataDir,
    });
    const token = /#token=(\S+)/.exec(added.stdout)?.[1] ?? '';
    const client = httpStaffClient(server.baseUrl);
    await client.call('POST', '/api/v1/auth/password', { token, password });
    secret = await client.enrolAtFirstLogin(email, password);
    const created = await client.call('POST', '/api/v1/cases', {
      person: { fullName: 'Проверкин Иван Петрович', birthDate: '2006-02-03' },
    });
    const report = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: reportAnswers('axe') }),
    });
    const followUpUrl = ((await report.json()) as { followUpUrl: string }).followUpUrl;
    fixture = {
      caseId: ((await created.json()) as { caseId: string }).caseId,
      followUpToken: followUpUrl.split('/r/')[1] ?? '',
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('public pages: no serious or critical violation', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const found: string[] = [];
    for (const audited of publicPages) {
      await page.goto(`${server.baseUrl}${pathOf(audited, fixture)}`);
      await page.locator('h1').first().waitFor();
      found.push(
        ...(await seriousViolations(page)).map((problem) => `${audited.name}: ${problem}`),
      );
    }
    expect(found).toEqual([]);
    // The quick exit is a redirect, not a page: it leaves and asks the browser to forget.
    const exit = await fetch(`${server.baseUrl}/exit`, { redirect: 'manual' });
    expect(exit.status).toBe(303);
    expect(exit.headers.get('clear-site-data')).toContain('"cookies"');
    await context.close();
  });

  it('staff pages, from signing in to every screen: no serious or critical violation', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const found: string[] = [];
    const audit = async (name: string) =>
      found.push(...(await seriousViolations(page)).map((problem) => `${name}: ${problem}`));

    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Электронная почта').waitFor();
    await audit('login');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('Код из приложения').waitFor({ timeout: 30_000 });
    await audit('second factor');
    // The next period's code: this period's went into enrolment moments ago.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await page.getByLabel('Код из приложения').fill(code);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByRole('link', { name: 'Дела', exact: true }).first().waitFor();

    for (const audited of staffPages) {
      await page.goto(`${server.baseUrl}${pathOf(audited, fixture)}`);
      await settled(page);
      await audit(audited.name);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
