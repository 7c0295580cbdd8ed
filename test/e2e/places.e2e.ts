import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

/** The demo admin (also a coordinator) through login and TOTP enrolment, to the home page. */
async function logInAsDemoAdmin(page: Page, server: RunningServer): Promise<void> {
  const email = /E-mail: +(\S+)/.exec(server.output())?.[1] ?? '';
  const password = /Password: +(\S+)/.exec(server.output())?.[1] ?? '';
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('img').waitFor();
  const secret = (await page.locator('.secret code').textContent())?.replace(/\s/g, '') ?? '';
  await page.getByLabel('Код из приложения').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByRole('button', { name: 'Я сохранил(а) коды' }).click();
  await page.getByRole('link', { name: 'Места' }).waitFor();
}

describe.skipIf(!chromiumAvailable())('places, in a real browser', () => {
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

  it('lists the shipped places, and a coordinator fills in an address and confirms it', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    await logInAsDemoAdmin(page, server);

    await page.getByRole('link', { name: 'Места' }).click();
    await page.getByText('Найдено 241 место.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/places');
    expect(await page.getByText('Не подтверждено', { exact: true }).count()).toBe(3);
    await page.getByText(/Станции метро: © участники OpenStreetMap/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const search = page.getByRole('form', { name: 'Поиск мест' });
    await search.getByLabel('Вид места').selectOption({ label: 'Военкоматы и сборные пункты' });
    await search.getByLabel('Название').fill('ugresh');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найдено 1 место.').waitFor();

    const name = 'Сборный пункт на улице Угрешской';
    await page.getByRole('button', { name: `Изменить: ${name}` }).click();
    const form = page.getByRole('region', { name: `Изменить: ${name}` });
    await form.getByLabel('Адрес (необязательно)').fill('Москва, ул. Угрешская, д. 2');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Изменения сохранены. Место нужно подтвердить заново.').waitFor();

    await page.getByRole('button', { name: `Подтвердить: ${name}` }).click();
    await page.getByText('Место подтверждено.').waitFor();
    await page.getByText(/^Подтверждено \d\d\.\d\d\.\d{4}$/).waitFor();
    expect(await page.getByText('Москва, ул. Угрешская, д. 2').count()).toBe(1);

    // The change is kept: a fresh load shows the place confirmed with its new address.
    await page.reload();
    await page.getByText('Найдено 241 место.').waitFor();
    expect(await page.getByText('Не подтверждено', { exact: true }).count()).toBe(2);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
