import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { httpStaffClient } from '../support/http-staff-client.ts';
import {
  accessibilityViolations,
  watchForeignRequests,
  watchPageProblems,
} from '../support/page-checks.ts';
import { runHabeasCli } from '../support/run-habeas.ts';
import { type RunningServer, startServer } from '../support/running-server.ts';

const staffPassword = 'Ugreshskaya-door-14:05';

/** A detention reported by a relative through the partner API, as any channel would. */
const detention = {
  'reporter-role': 'relative',
  situation: 'detained',
  'person-name': 'Задержанов Кирилл Андреевич',
  'person-birth-date': '2006-03-01',
  'contact-phone': '+7 (916) 000-00-00',
  'taken-from': 'metro',
  'detained-at': '2026-11-20T09:40',
  'taken-to': 'conscription-centre',
  'taken-from-station': 'Выхино',
  'pending-appeal': 'yes',
  'appeal-case-number': '2а-1234/2026',
  'needs-lawyer': 'yes',
  consent: 'yes',
};

type Staff = { email: string; secret: string; client: ReturnType<typeof httpStaffClient> };

/** Invites a staff member with the admin command line and enrols his authenticator over HTTP. */
async function invite(server: RunningServer, email: string, role: string): Promise<Staff> {
  const added = await runHabeasCli(['user', 'add', '--email', email, '--role', role], {
    HABEAS_DATA_DIR: server.dataDir,
  });
  expect(added.code, added.stderr).toBe(0);
  const token = /#token=(\S+)/.exec(added.stdout)?.[1] ?? '';
  const client = httpStaffClient(server.baseUrl);
  const chosen = await client.call('POST', '/api/v1/auth/password', {
    token,
    password: staffPassword,
  });
  expect(chosen.status).toBe(200);
  return { email, secret: await client.enrolAtFirstLogin(email, staffPassword), client };
}

async function logIn(page: Page, server: RunningServer, staff: Staff): Promise<void> {
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Электронная почта').fill(staff.email);
  await page.getByLabel('Пароль').fill(staffPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  // The next period's code: the one of this period went into enrolment moments ago, and each
  // code works once.
  const code = await generate({ secret: staff.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await page.getByLabel('Код из приложения').fill(code);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByRole('link', { name: 'Дела', exact: true }).first().waitFor();
}

describe.skipIf(!chromiumAvailable())('working a case, in a real browser', () => {
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

  it('a lawyer records a refusal at the door, an appeal, a hearing and a task; a volunteer cannot open the case', async () => {
    const coordinator = await invite(server, 'coordinator@example.org', 'coordinator');
    const lawyer = await invite(server, 'lawyer@example.org', 'lawyer');
    const volunteer = await invite(server, 'volunteer@example.org', 'volunteer');
    // Reported after the coordinator joined: a report is sealed to those on the team when it comes.
    const reported = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: detention }),
    });
    expect(reported.status).toBe(201);
    const { caseCode } = (await reported.json()) as { caseCode: string };

    const lawyerId = (
      (await (await lawyer.client.call('GET', '/api/v1/me')).json()) as {
        user: { id: string };
      }
    ).user.id;
    const listed = (await (await coordinator.client.call('GET', '/api/v1/cases')).json()) as {
      cases: { id: string; report: { caseCode: string } | null }[];
    };
    const caseId = listed.cases.find((entry) => entry.report?.caseCode === caseCode)?.id ?? '';
    const granted = await coordinator.client.call('POST', `/api/v1/cases/${caseId}/grants`, {
      userId: lawyerId,
    });
    expect(granted.status, await granted.clone().text()).toBe(204);

    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const foreign = watchForeignRequests(page, server.baseUrl);
    const problems = watchPageProblems(page);
    await logIn(page, server, lawyer);

    await page.getByRole('link', { name: 'Дела', exact: true }).first().click();
    await page.getByRole('link', { name: caseCode }).click();
    await page.getByText('Задержанов Кирилл Андреевич').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The lawyer was turned away at the centre's door with a notarised power of attorney.
    await page.getByRole('button', { name: 'Адвоката не пустили' }).click();
    const eventForm = page.getByRole('form', { name: 'Новое событие' });
    await eventForm.getByRole('combobox', { name: 'Место' }).fill('Угреш');
    await eventForm.getByRole('option', { name: /Угрешской/ }).click();
    await eventForm.getByLabel('Доверенность').selectOption('notarised');
    await eventForm.getByLabel('Заметка').fill('Дежурный не принял доверенность');
    expect(await accessibilityViolations(page)).toEqual([]);
    await eventForm.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Событие добавлено в хронологию.').waitFor();
    const timeline = page.getByRole('list', { name: 'Хронология' });
    await timeline.getByText('Нотариальная доверенность').waitFor();
    await timeline.getByText(/Угрешской/).waitFor();

    // The appeal against the draft decision, then its hearing next week.
    const draft = page.getByRole('region', { name: 'Призыв' });
    await draft.getByLabel('Какая комиссия').selectOption('municipal');
    await draft.getByLabel('Дата решения').fill('2026-10-01');
    await draft.getByRole('button', { name: 'Добавить жалобу или иск' }).click();
    await draft.getByLabel('Дата подачи').fill('2026-10-10');
    await draft.getByLabel('Номер дела').fill('2а-1234/2026');
    await draft.getByRole('button', { name: 'Сохранить' }).click();
    await draft.getByText('Сохранено.').waitFor();

    await page.getByRole('button', { name: 'Заметка' }).click();
    await eventForm.getByLabel('Что произошло').selectOption('hearing');
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    const hearingAt = `${nextWeek.getFullYear()}-${pad(nextWeek.getMonth() + 1)}-${pad(nextWeek.getDate())}T10:00`;
    await eventForm.getByLabel('Когда').fill(hearingAt);
    await eventForm.getByRole('button', { name: 'Сохранить' }).click();
    await timeline.getByText('Судебное заседание').waitFor();

    // A task for the hearing shows up in his day.
    const tasks = page.getByRole('region', { name: 'Задачи' });
    await tasks.getByLabel('Что сделать').fill('Подготовить ходатайство к заседанию');
    await tasks.getByRole('button', { name: 'Добавить задачу' }).click();
    await page.getByText('Задача «Подготовить ходатайство к заседанию» добавлена.').waitFor();
    await page.goto(`${server.baseUrl}/staff/my-day`);
    await page.getByText('Подготовить ходатайство к заседанию').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // A volunteer without the case is refused by the API and by the app.
    expect((await volunteer.client.call('GET', `/api/v1/cases/${caseId}`)).status).toBe(403);
    const volunteerContext = await browser.newContext({ locale: 'ru-RU' });
    const volunteerPage = await volunteerContext.newPage();
    await logIn(volunteerPage, server, volunteer);
    await volunteerPage.goto(`${server.baseUrl}/staff/cases/${caseId}`);
    await volunteerPage.getByRole('alert').waitFor();
    expect(await volunteerPage.getByText('Задержанов').count()).toBe(0);
    await volunteerContext.close();
  });
});
