import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

/** An hour ago on a Moscow clock, as a datetime-local input holds it. */
function anHourAgoInMoscow(): string {
  return new Date(Date.now() + 2 * 3_600_000).toISOString().slice(0, 16);
}

/** The server refuses a final submit sooner than this after the first step was served. */
const minimumFillMs = 3_000;

describe.skipIf(!chromiumAvailable())('the public report form, in a real browser', () => {
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

  /**
   * A relative reports a detention at Vykhino metro, taken to the assembly point on Ugreshskaya
   * street, and lands on the follow-up page. Axe runs as a script in the page, so it runs only
   * where JavaScript is on; the pages themselves have none.
   */
  async function reportDetention(javaScriptEnabled: boolean): Promise<void> {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    const scriptsSeen: number[] = [];
    const next = async (button = 'Далее') => {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.waitForLoadState('load');
      scriptsSeen.push(await page.locator('script').count());
    };

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Сообщить о задержании' }).click();
    const started = Date.now();
    await page.getByRole('heading', { level: 1, name: 'Кто вы' }).waitFor();
    expect(await page.getByText('Шаг 1 из 3').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Быстрый выход' }).getAttribute('href')).toBe(
      '/exit',
    );
    scriptsSeen.push(await page.locator('script').count());
    if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Родственник или близкий человек').check();
    await next();

    await page.getByLabel('Человека задержали и сейчас удерживают').check();
    await next();

    await page.getByRole('heading', { level: 1, name: 'Кого задержали' }).waitFor();
    await page.getByLabel('Фамилия, имя и отчество задержанного').fill('Задержанов Кирилл');
    await page.getByLabel('Телефон для связи').fill('8 916 00');
    await next();
    // Wrong answers come back next to their fields, with what was typed kept.
    await page.getByRole('heading', { name: 'Проверьте ответы' }).waitFor();
    expect(await page.getByLabel('Фамилия, имя и отчество задержанного').inputValue()).toBe(
      'Задержанов Кирилл',
    );
    expect(await page.locator('#q-contact-phone-error').textContent()).toContain(
      'Не получилось прочитать номер',
    );
    if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Дата рождения').fill('2006-03-01');
    await page.getByLabel('Телефон для связи').fill('+7 916 000-00-00');
    await next();

    await page.getByRole('heading', { level: 1, name: 'Где и когда' }).waitFor();
    await page.getByLabel('В метро').check();
    await page.getByLabel('Когда это случилось?').fill(anHourAgoInMoscow());
    await page.getByLabel('В военкомат или на сборный пункт').check();
    await next();

    await page.getByRole('heading', { level: 1, name: 'Какое место' }).waitFor();
    await page.getByLabel('На какой станции метро?').fill('Выхино');
    await page.getByLabel('Какой военкомат или сборный пункт?').fill('Сборный пункт на Угрешской');
    await next();

    await page.getByRole('heading', { level: 1, name: 'Суд' }).waitFor();
    await page.getByLabel('Нет', { exact: true }).check();
    await next();

    await page.getByRole('heading', { level: 1, name: 'Чем помочь' }).waitFor();
    await page.getByLabel('Да', { exact: true }).check();
    await next();

    await page.getByRole('heading', { level: 1, name: 'Согласие и связь' }).waitFor();
    expect(await page.getByText('Шаг 8 из 8').count()).toBe(1);
    await page
      .getByLabel('Я согласен(на), чтобы эти сведения хранились и их читали юристы горячей линии')
      .check();
    await page.waitForTimeout(Math.max(0, minimumFillMs + 500 - (Date.now() - started)));
    await next('Отправить');

    await page.waitForURL(/\/r\/[\w-]{43}\?received=1$/);
    expect(await page.locator('.case-code').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByText('Получено — юристы группы видят ваше сообщение').waitFor();
    await page.getByText('Сохраните адрес этой страницы').waitFor();
    if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

    expect(scriptsSeen.length).toBeGreaterThanOrEqual(10);
    expect(scriptsSeen.every((count) => count === 0)).toBe(true);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }

  it('takes a detention report with JavaScript off, as in Tor Browser’s safest mode', async () => {
    await reportDetention(false);
  });

  it('takes the same report with JavaScript on, and every page passes axe', async () => {
    await reportDetention(true);
  });
});
