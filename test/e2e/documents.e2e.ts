import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { pdfText } from '../support/document-text.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { runHabeasCli } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

const password = 'Ugreshskaya-door-14:05';
const hour = 3_600_000;

/** A calendar date in Moscow, as the staff app shows it in Russian: 29.11.2026. */
function moscowDay(instant: Date): string {
  const [year, month, day] = new Date(instant.getTime() + 3 * hour)
    .toISOString()
    .slice(0, 10)
    .split('-');
  return `${day}.${month}.${year}`;
}

describe.skipIf(!chromiumAvailable())('documents on a case, in a real browser', () => {
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

  it('a lawyer generates complaint 2, downloads the PDF, marks it sent and sees when the answer is due', async () => {
    const added = await runHabeasCli(
      ['user', 'add', '--email', 'lawyer@example.org', '--role', 'lawyer'],
      { HABEAS_DATA_DIR: server.dataDir },
    );
    expect(added.code, added.stderr).toBe(0);
    const token = /#token=(\S+)/.exec(added.stdout)?.[1] ?? '';
    const lawyer = httpStaffClient(server.baseUrl);
    expect((await lawyer.call('POST', '/api/v1/auth/password', { token, password })).status).toBe(
      200,
    );
    const secret = await lawyer.enrolAtFirstLogin('lawyer@example.org', password);

    // The seed story on a case: detained in the metro, taken to Ugreshskaya, the lawyer refused
    // at the door with a notarised power of attorney.
    const created = await lawyer.call('POST', '/api/v1/cases', {
      person: { fullName: 'Примеров Иван Сергеевич', birthDate: '2006-05-12' },
    });
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: string };
    const placeId = async (query: string) => {
      const found = (await (
        await lawyer.call('GET', `/api/v1/places?q=${encodeURIComponent(query)}`)
      ).json()) as { places: { id: string }[] };
      return found.places[0]?.id ?? '';
    };
    const metro = await placeId('Тимирязевская');
    const centre = await placeId('Угрешской');
    const matter = await lawyer.call('PUT', `/api/v1/cases/${caseId}/draft-matter`, {
      deferments: [],
      appeals: [],
      powerOfAttorney: {
        kind: 'notarised',
        issuedOn: '2025-09-05',
        lawyerName: 'Защитников Борис Андреевич',
      },
    });
    expect(matter.status, await matter.clone().text()).toBe(204);
    const now = Date.now();
    for (const [kind, at, place] of [
      ['detained', now - 6 * hour, metro],
      ['transferred', now - 5 * hour, centre],
      ['lawyer-refused-entry', now - 2 * hour, centre],
    ] as const) {
      const recorded = await lawyer.call('POST', `/api/v1/cases/${caseId}/timeline`, {
        kind,
        occurredAt: new Date(at).toISOString(),
        placeId: place,
        powerOfAttorney: kind === 'lawyer-refused-entry' ? 'notarised' : null,
      });
      expect(recorded.status, await recorded.clone().text()).toBe(201);
    }

    const context = await browser.newContext({ locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    await page.goto(`${server.baseUrl}/staff/login`);
    await page.getByLabel('Электронная почта').fill('lawyer@example.org');
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await page.getByLabel('Код из приложения').fill(code);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByRole('link', { name: 'Дела', exact: true }).first().waitFor();

    await page.goto(`${server.baseUrl}/staff/cases/${caseId}`);
    const panel = page.getByRole('region', { name: 'Документы' });
    await panel.getByText('По делу ещё нет документов.').waitFor();
    await panel.getByLabel('Вид документа').selectOption({
      label:
        'Жалоба военному прокурору на недопуск представителя (адвоката) с нотариальной доверенностью',
    });
    await panel.getByRole('button', { name: 'Заполнить из дела' }).click();
    await panel.getByText(/Все обязательные поля заполнены/u).waitFor();
    expect(await panel.getByLabel('ФИО призывника *').inputValue()).toBe('Примеров Иван Сергеевич');
    expect(await panel.getByLabel('Военная прокуратура *').inputValue()).toBe(
      'Военная прокуратура Московского гарнизона',
    );
    await panel.getByRole('button', { name: 'Создать документ (DOCX и PDF)' }).click();
    await panel.getByText('Черновик: ещё не отправлен.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Скачать PDF' }).click(),
    ]);
    const text = pdfText(new Uint8Array(readFileSync((await download.path()) ?? '')));
    expect(text).toContain('Примеров Иван Сергеевич');
    expect(text).toContain('Сборный пункт на улице Угрешской');
    expect(text).toContain('нотариально удостоверенной доверенности от 5 сентября 2025 г.');
    expect(text).toContain('ст. 48 Конституции');

    await panel.getByLabel('Как отправлен').selectOption({ label: 'через интернет-приёмную' });
    await panel.getByRole('button', { name: 'Отметить отправленным' }).click();
    // Registration unknown: 3 days to register, then 30 to answer (59-FZ arts 8 and 12).
    const due = moscowDay(new Date(now + 33 * 24 * hour));
    await panel.getByText(due).waitFor();
    expect(await panel.textContent()).toContain('Ответ не позднее');

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
