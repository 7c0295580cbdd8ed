import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { canaryCameraMake, photoWithGpsAndFaces } from '../support/evidence-files.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { runHabeasCli } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

const staffPassword = 'Ugreshskaya-door-14:05';

async function inviteLawyer(server: RunningServer) {
  const email = 'lawyer@example.org';
  const added = await runHabeasCli(['user', 'add', '--email', email, '--role', 'lawyer'], {
    HABEAS_DATA_DIR: server.dataDir,
  });
  expect(added.code, added.stderr).toBe(0);
  const token = /#token=(\S+)/.exec(added.stdout)?.[1] ?? '';
  const client = httpStaffClient(server.baseUrl);
  expect(
    (await client.call('POST', '/api/v1/auth/password', { token, password: staffPassword })).status,
  ).toBe(200);
  return { email, secret: await client.enrolAtFirstLogin(email, staffPassword), client };
}

async function logIn(page: Page, server: RunningServer, staff: { email: string; secret: string }) {
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Электронная почта').fill(staff.email);
  await page.getByLabel('Пароль').fill(staffPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  // The next period's code: this period's went into enrolment, and each code works once.
  const code = await generate({ secret: staff.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await page.getByLabel('Код из приложения').fill(code);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByRole('link', { name: 'Дела', exact: true }).first().waitFor();
}

describe.skipIf(!chromiumAvailable())('evidence, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let downloads: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    downloads = mkdtempSync(path.join(tmpdir(), 'habeas-evidence-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('a lawyer photographs the door he was refused at, reviews the blurred copy and downloads the custody sheet', async () => {
    const lawyer = await inviteLawyer(server);
    const created = await lawyer.client.call('POST', '/api/v1/cases', {
      person: { fullName: 'Задержанов Кирилл Андреевич' },
    });
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: string };
    const detained = await lawyer.client.call('POST', `/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(detained.status).toBe(201);

    const context = await browser.newContext({ locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    await logIn(page, server, lawyer);
    await page.goto(`${server.baseUrl}/staff/cases/${caseId}`);
    await page.getByText('Задержанов Кирилл Андреевич').first().waitFor();

    // Turned away at the door: two clicks record it, and the camera shortcut appears for it.
    await page.getByRole('button', { name: 'Адвоката не пустили' }).click();
    await page
      .getByRole('form', { name: 'Новое событие' })
      .getByRole('button', { name: 'Сохранить' })
      .click();
    await page.getByText('Событие добавлено в хронологию.').waitFor();
    const evidence = page.getByRole('region', { name: 'Доказательства' });
    const photo = await photoWithGpsAndFaces();
    await evidence.getByLabel('Фото двери').setInputFiles({
      name: 'IMG_0412.JPG',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(photo),
    });
    await evidence.getByText('Файл «дверь.jpg» добавлен.').waitFor();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    await evidence.getByText(sha256).waitFor();
    await evidence.getByRole('definition').filter({ hasText: 'Адвоката не пустили,' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The review: faces already hidden in the preview; he draws one more box and approves.
    await evidence.getByRole('button', { name: 'Проверить копию для публикации' }).click();
    const review = page.getByRole('region', { name: /Копия для публикации/ });
    await review.getByText(/Найдено лиц: \d+/).waitFor();
    const preview = review.getByRole('img');
    await expect
      .poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(800);
    const boxesBefore = await review.getByRole('button', { name: /Убрать область/ }).count();
    expect(boxesBefore).toBeGreaterThanOrEqual(5);
    const frame = await preview.boundingBox();
    if (frame === null) throw new Error('the preview is not shown');
    await page.mouse.move(frame.x + 5, frame.y + 5);
    await page.mouse.down();
    await page.mouse.move(frame.x + frame.width * 0.3, frame.y + frame.height * 0.08, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(() => review.getByRole('button', { name: /Убрать область/ }).count())
      .toBe(boxesBefore + 1);
    await review.getByRole('button', { name: 'Сохранить области' }).click();
    await review.getByText('Области сохранены, предпросмотр обновлён.').waitFor();
    await review.getByRole('button', { name: 'Готово к публикации' }).click();
    await review.getByText('Копия отмечена как готовая к публикации.').waitFor();

    const [publication] = await Promise.all([
      page.waitForEvent('download'),
      evidence.getByRole('link', { name: 'Скачать копию для публикации' }).click(),
    ]);
    const publicationFile = path.join(downloads, 'publication.jpg');
    await publication.saveAs(publicationFile);
    const published = readFileSync(publicationFile);
    const metadata = await sharp(published).metadata();
    expect(metadata).toMatchObject({ width: 800, height: 718 });
    expect(metadata.exif).toBeUndefined();
    expect(published.toString('latin1')).not.toContain(canaryCameraMake);

    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      evidence.getByRole('link', { name: 'Лист хранения (PDF)' }).click(),
    ]);
    const sheetFile = path.join(downloads, 'sheet.pdf');
    await sheet.saveAs(sheetFile);
    const text = execFileSync('pdftotext', ['-layout', sheetFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Лист хранения доказательства');
    expect(text).toContain(sha256);
    expect(text).toContain('Адвоката не пустили');
    expect(text).toContain('проверена');

    const [original] = await Promise.all([
      page.waitForEvent('download'),
      evidence.getByRole('link', { name: 'Скачать оригинал' }).click(),
    ]);
    const originalFile = path.join(downloads, 'original.jpg');
    await original.saveAs(originalFile);
    expect(createHash('sha256').update(readFileSync(originalFile)).digest('hex')).toBe(sha256);

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
