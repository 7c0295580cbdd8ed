import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { pdfText } from '../support/document-text.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** A moment on a Moscow clock, as a datetime-local input holds it (YYYY-MM-DDTHH:MM). */
function moscowDateTime(ago: number): string {
  return new Date(Date.now() + 3 * hourMs - ago).toISOString().slice(0, 16);
}

/** A day on a Moscow clock, as a date input holds it. */
function moscowDate(ago: number): string {
  return moscowDateTime(ago).slice(0, 10);
}

describe.skipIf(!chromiumAvailable())('the rights guide, in a real browser', () => {
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

  async function next(page: Page, scripts: number[], button = 'Далее'): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForLoadState('load');
    scripts.push(await page.locator('script').count());
  }

  it('walks the seed story with JavaScript off to cited advice, and reports it prefilled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    const scripts: number[] = [];

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Что делать: пошаговый помощник' }).click();
    await page.getByRole('heading', { level: 1, name: 'Что сейчас' }).waitFor();
    scripts.push(await page.locator('script').count());
    await page.getByLabel('Да').check();
    await page.getByLabel('Москва').check();
    await next(page, scripts);

    await page.getByRole('heading', { level: 1, name: 'Задержание' }).waitFor();
    await page.getByLabel('Когда вас задержали?').fill(moscowDateTime(2 * hourMs));
    await page.getByLabel('В метро').check();
    await page.getByLabel('В военкомат или на сборный пункт').check();
    await next(page, scripts);

    await page.getByLabel('Да, не пустили').check();
    await next(page, scripts);
    await page.getByRole('heading', { level: 1, name: 'Адвоката не пустили' }).waitFor();
    await page.getByLabel('Когда адвоката не пустили?').fill(moscowDateTime(hourMs));
    await page.getByLabel('Да, нотариальная').check();
    await next(page, scripts);

    await page.getByRole('heading', { level: 1, name: 'Повестка' }).waitFor();
    await page.getByLabel('Нет', { exact: true }).check();
    await next(page, scripts);

    await page.getByLabel('Да, комиссия региона (после жалобы на первое решение)').check();
    await next(page, scripts);
    await page.getByLabel('Когда приняли решение?').fill(moscowDate(60 * dayMs));
    await next(page, scripts);

    await page.getByLabel('Да, в суд').check();
    await next(page, scripts);
    await page.getByRole('heading', { level: 1, name: 'Жалоба или иск' }).waitFor();
    // A claim dated before the decision: the guide asks which date is wrong.
    await page.getByLabel('Когда вы подали жалобу или иск?').fill(moscowDate(90 * dayMs));
    await page.getByLabel('Комиссии региона').check();
    await page.getByLabel('Да', { exact: true }).check();
    await page.getByLabel('Номер дела в суде').fill('2а-1234/2026');
    await next(page, scripts, 'Узнать, что делать');
    await page.getByRole('heading', { name: 'Ответы не сходятся' }).waitFor();
    expect(await page.locator('#q-appeal-filed-on-error').textContent()).toContain(
      'Какая дата неверна?',
    );
    await page.getByLabel('Когда вы подали жалобу или иск?').fill(moscowDate(30 * dayMs));
    await next(page, scripts, 'Узнать, что делать');

    await page.getByRole('heading', { level: 1, name: 'Что происходит и что делать' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/guide/result');
    const advice = page.locator('section[aria-labelledby="advice-title"]');
    for (const title of [
      'Требуйте адвоката',
      'Жалоба военному прокурору',
      'Пока идёт обжалование, избегайте метро',
    ]) {
      await advice.getByRole('heading', { level: 3, name: title }).waitFor();
    }
    expect(await page.locator('#advice-avoid-metro-while-appealing').textContent()).toContain(
      'https://meduza.io/news/2025/10/20/v-moskovskom-metro-nachalis-oblavy-na-prizyvnikov',
    );
    const lawyer = page.locator('#finding-PRO-01-notarised-power-refused');
    expect(await lawyer.textContent()).toContain('нотариально удостоверенную доверенность');
    expect(await lawyer.textContent()).toContain('Constitution of the Russian Federation');
    expect(await lawyer.textContent()).toContain('Уверенность высокая');
    expect(await page.locator('#finding-APL-06-dispatch-while-suspended').count()).toBe(1);
    await page.getByText('Жалоба военному прокурору на недопуск адвоката').waitFor();
    // The page's weight: its HTML and its one stylesheet, in bytes as sent.
    const html = await (await page.request.get(page.url())).body();
    const css = await (await page.request.get(`${server.baseUrl}/assets/public.css`)).body();
    expect(html.length + css.length).toBeLessThan(150 * 1024);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('#advice-title').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The complaint about the refused lawyer, filled from the answers, downloaded as a PDF.
    const result = page.url();
    await page
      .getByRole('link', { name: 'Жалоба военному прокурору на недопуск адвоката' })
      .click();
    await page.getByRole('heading', { level: 1, name: /недопуск представителя/ }).waitFor();
    scripts.push(await page.locator('script').count());
    await page.getByLabel('ФИО призывника').fill('Примеров Иван Сергеевич');
    await page.getByLabel('ФИО представителя (адвоката)').fill('Защитников Борис Андреевич');
    await page
      .getByLabel('Военная прокуратура', { exact: false })
      .first()
      .fill('Военная прокуратура Московского гарнизона');
    await page
      .getByLabel('Дата нотариально удостоверенной доверенности')
      .fill(moscowDate(80 * dayMs));
    await page.getByLabel('Сборный пункт (военкомат)').fill('Сборный пункт на улице Угрешской');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать PDF' }).click(),
    ]);
    const file = await download.path();
    const text = pdfText(new Uint8Array(readFileSync(file)));
    expect(text).toContain('Защитников Борис Андреевич');
    expect(text).toContain('ст. 48 Конституции');
    expect(download.suggestedFilename()).toBe('lawyer-access-complaint.pdf');
    await page.goto(result);

    await page.getByRole('button', { name: 'Сообщить правозащитной группе' }).click();
    await page.getByRole('heading', { level: 1, name: 'Кто вы' }).waitFor();
    expect(await page.locator('input[name="a.situation"]').getAttribute('value')).toBe('detained');
    expect(await page.locator('input[name="a.appeal-case-number"]').getAttribute('value')).toBe(
      '2а-1234/2026',
    );

    expect(scripts.length).toBeGreaterThanOrEqual(12);
    expect(scripts.every((count) => count === 0)).toBe(true);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe on its first page, a page asking to correct an answer, and the personal page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/guide`);
    expect(await accessibilityViolations(page)).toEqual([]);
    const contradicting = new URLSearchParams({
      lang: 'ru',
      step: 'decision-dates',
      'a.detained-now': 'no',
      'a.region': 'other',
      'a.notice-kind': 'none',
      'a.decision-by': 'municipal',
      'a.decision-made-on': moscowDate(10 * dayMs),
      'a.decision-learned-on': moscowDate(20 * dayMs),
    });
    await page.goto(`${server.baseUrl}/guide?${contradicting}`);
    await page.getByRole('heading', { name: 'Ответы не сходятся' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const answers = new URLSearchParams({
      lang: 'ru',
      'a.detained-now': 'no',
      'a.region': 'moscow',
      'a.notice-kind': 'electronic',
      'a.notice-posted-on': moscowDate(5 * dayMs),
      'a.notice-appeared': 'not-yet',
      'a.decision-by': 'municipal',
      'a.decision-made-on': moscowDate(20 * dayMs),
      'a.appeal-level': 'regional-commission',
      'a.appeal-filed-on': moscowDate(10 * dayMs),
      'a.appeal-pending': 'yes',
    });
    await page.goto(`${server.baseUrl}/guide/result?${answers}`);
    await page
      .getByRole('heading', { level: 3, name: 'Электронная повестка и выезд из России' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
