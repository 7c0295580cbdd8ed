import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

describe.skipIf(!chromiumAvailable())('first start, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lets the printed admin log in, enrol TOTP and reach the home page', async () => {
    const email = /E-mail: +(\S+)/.exec(server.output())?.[1];
    const password = /Password: +(\S+)/.exec(server.output())?.[1];
    expect(email).toBe('admin@demo.habeas.invalid');
    expect(password).toMatch(/^\S{20,}$/);

    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);

    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Электронная почта').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Электронная почта').fill(email ?? '');
    await page.getByLabel('Пароль').fill(password ?? '');
    await page.getByRole('button', { name: 'Войти' }).click();

    // Argon2 on a busy machine can take seconds: wait as Playwright's own locators would.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe('Настройка входа по коду');
    await page.getByRole('img').waitFor();
    const secret = (await page.locator('.secret code').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Код из приложения').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Подтвердить' }).click();

    await page.getByRole('heading', { name: 'Коды восстановления' }).waitFor();
    const recoveryCodes = await page.locator('ol li, ul li').allTextContents();
    expect(
      recoveryCodes.filter((code) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code.trim())),
    ).toHaveLength(10);
    await page.getByRole('button', { name: 'Я сохранил(а) коды' }).click();

    await page.getByText('Вы вошли как Администратор демо (admin@demo.habeas.invalid)').waitFor();
    await expect
      .poll(() => page.getByText('Администратор', { exact: true }).count())
      .toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/staff/');
    expect(await accessibilityViolations(page)).toEqual([]);

    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'habeas_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

    await page.reload();
    await page.getByText('Вы вошли как Администратор демо (admin@demo.habeas.invalid)').waitFor();

    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves the public home page with JavaScript off and nothing from elsewhere', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    await page.goto(`${server.baseUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Помощь призывникам');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Help for conscripts');
    expect(await page.locator('script').count()).toBe(0);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('keeps the public home page accessible', async () => {
    // axe runs as a script in the page, so this check needs JavaScript on; the page has none.
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
