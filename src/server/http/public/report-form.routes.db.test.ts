import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { buildTestServer } from '../../../../test/support/test-server.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { buildPorts } from '../../container.ts';
import { buildServer, type HabeasServer } from '../build-server.ts';

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/** The hidden fields of the page's form, as a browser would post them. */
function hiddenFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decodeEntities(match[1] ?? '')] = decodeEntities(match[2] ?? '');
  }
  return fields;
}

function heading(page: string): string {
  return decodeEntities(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '');
}

/** A browser without JavaScript: keeps cookies and posts the form of the page it shows. */
function formBrowser(server: HabeasServer) {
  const cookies = new Map<string, string>();
  const pages: string[] = [];
  let page = '';

  async function send(method: 'GET' | 'POST', url: string, body?: Record<string, string>) {
    const response = await server.app.inject({
      method,
      url,
      headers: {
        ...(cookies.size > 0
          ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { payload: new URLSearchParams(body).toString() } : {}),
    });
    for (const cookie of response.cookies) cookies.set(cookie.name, cookie.value);
    if (response.headers['content-type']?.toString().startsWith('text/html')) {
      page = response.body;
      pages.push(page);
    }
    return response;
  }

  return {
    pages,
    page: () => page,
    open: (url: string) => send('GET', url),
    /** Answers the shown step (`a.<id>` fields) and presses a button. */
    submit(
      answers: Record<string, string>,
      extra: {
        nav?: string;
        website?: string;
        drop?: string[];
        fields?: Record<string, string>;
      } = {},
    ) {
      const body: Record<string, string> = { ...hiddenFields(page), website: extra.website ?? '' };
      for (const [id, value] of Object.entries(answers)) body[`a.${id}`] = value;
      body.nav = extra.nav ?? 'next';
      for (const name of extra.drop ?? []) delete body[name];
      return send('POST', '/report', { ...body, ...extra.fields });
    },
  };
}

/** The detention path a relative walks, step by step. */
const detentionSteps: [string, Record<string, string>][] = [
  ['Кто вы', { 'reporter-role': 'relative' }],
  ['Что случилось', { situation: 'detained' }],
  [
    'Кого задержали',
    {
      'person-name': 'Задержанов Кирилл Андреевич',
      'person-birth-date': '2006-03-01',
      'contact-phone': '+7 916 000-00-00',
    },
  ],
  [
    'Где и когда',
    { 'taken-from': 'metro', 'detained-at': '2025-10-18T09:40', 'taken-to': 'conscription-centre' },
  ],
  [
    'Какое место',
    { 'taken-from-station': 'Выхино', 'taken-to-centre': 'Сборный пункт на Угрешской' },
  ],
  ['Суд', { 'pending-appeal': 'no' }],
  ['Чем помочь', { 'needs-lawyer': 'yes', 'detention-details': 'Забрали телефон.\r\nАстма.' }],
  ['Согласие и связь', { consent: 'yes' }],
];

function expectNoScriptOrInlineStyle(pages: string[]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/<style/i);
    expect(page).toContain('<a class="quick-exit" href="/exit" rel="noreferrer">');
  }
}

describe.each(testDialects())('public web form [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let server: HabeasServer;
  let clock: ReturnType<typeof testClock>;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2025-10-18T08:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
    const orgId = (await createOrganisation(ports, { name: 'Hotline group' })).id;
    await setEscrowKey(ports, { orgId });
    await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  const storedReports = () => database.db.selectFrom('reports').selectAll().execute();

  /** Walks the steps before the last one; the final submit is the caller's. */
  async function walkToConsent(browser: ReturnType<typeof formBrowser>): Promise<void> {
    await browser.open('/report');
    for (const [title, answers] of detentionSteps.slice(0, -1)) {
      expect(heading(browser.page())).toBe(title);
      const response = await browser.submit(answers);
      expect(response.statusCode).toBe(200);
    }
    expect(heading(browser.page())).toBe('Согласие и связь');
  }

  it('walks a detention report step by step, stores it once, and shows the follow-up page', async () => {
    const browser = formBrowser(server);
    const first = await browser.open('/report');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Шаг 1 из 3');
    expect(first.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(first.body).toContain('<legend>Кто пишет нам?</legend>');
    expect(first.body).toContain('<label for="website">Оставьте это поле пустым</label>');
    expect(first.body).not.toContain('value="back"');

    await browser.submit({ 'reporter-role': 'relative' });
    await browser.submit({ situation: 'detained' });
    expect(browser.page()).toContain('Шаг 3 из 7');
    expect(browser.page()).toContain(
      '<input type="tel" id="q-contact-phone" name="a.contact-phone" required',
    );
    expect(browser.page()).toContain('<input type="date" id="q-person-birth-date"');
    expect(browser.page()).toContain('ДД.ММ.ГГГГ');
    expect(browser.page()).toContain('value="back"');
    // Nothing is stored before the final submit, whatever was typed.
    for (const [, answers] of detentionSteps.slice(2, -1)) await browser.submit(answers);
    expect(await storedReports()).toEqual([]);
    expect(heading(browser.page())).toBe('Согласие и связь');
    expect(browser.page()).toContain('Шаг 8 из 8');
    expect(browser.page()).toContain('>Отправить</button>');
    expect(browser.page()).toContain('<input type="checkbox" id="q-consent" name="a.consent"');
    // The earlier answers travel with the form.
    expect(hiddenFields(browser.page())).toMatchObject({
      'a.person-name': 'Задержанов Кирилл Андреевич',
      'a.taken-to-centre': 'Сборный пункт на Угрешской',
    });

    clock.advance(60_000);
    const sent = await browser.submit({ consent: 'yes' });
    expect(sent.statusCode).toBe(303);
    const location = String(sent.headers.location);
    expect(location).toMatch(/^\/r\/[\w-]{43}\?received=1$/);

    const [stored, ...more] = await storedReports();
    expect(more).toEqual([]);
    expect(stored?.channel).toBe('web');
    expect(JSON.parse(stored?.operational_answers ?? '{}')).toMatchObject({
      situation: 'detained',
      'taken-from': 'metro',
      'needs-lawyer': 'yes',
    });
    expect(JSON.stringify(stored)).not.toContain('Задержанов');

    const followUp = await browser.open(location);
    expect(followUp.statusCode).toBe(200);
    expect(followUp.body).toContain(`<p class="case-code">${stored?.case_code}</p>`);
    expect(followUp.body).toContain('Получено — юристы группы видят ваше сообщение');
    expect(followUp.body).toContain('18.10.2025 11:01');
    expect(followUp.body).toContain('Сохраните адрес этой страницы');
    expect(followUp.body).toContain('<meta name="robots" content="noindex">');
    const later = await browser.open(location.replace('?received=1', ''));
    expect(later.body).toContain(stored?.case_code ?? 'missing');
    expect(later.body).not.toContain('Сохраните адрес этой страницы');
    expectNoScriptOrInlineStyle(browser.pages);
  });

  it('shows each error next to its field, in a summary with links, and keeps what was typed', async () => {
    const browser = formBrowser(server);
    await browser.open('/report');
    await browser.submit({ 'reporter-role': 'relative' });
    await browser.submit({ situation: 'detained' });
    const refused = await browser.submit({
      'person-name': 'Задержанов <Кирилл>',
      'contact-phone': '12',
    });
    expect(refused.statusCode).toBe(422);
    const page = refused.body;
    expect(heading(page)).toBe('Кого задержали');
    expect(page).toContain('<title>Ошибка: Кого задержали');
    expect(page).toContain('value="Задержанов &lt;Кирилл&gt;"');
    expect(page).toContain('value="12"');
    expect(page).toContain(
      '<li><a href="#q-contact-phone">Телефон для связи — Не получилось прочитать номер. Напишите его так: +7 916 123-45-67.</a></li>',
    );
    expect(page).toContain(
      '<li><a href="#q-person-age">Сколько ему лет? — Укажите возраст или дату рождения — хватит чего-то одного.</a></li>',
    );
    // The phone's error sits between its label and its input, and the input points at it.
    const label = page.indexOf('<label for="q-contact-phone">');
    const error = page.indexOf('<p class="field-error" id="q-contact-phone-error">');
    const input = page.indexOf('<input type="tel" id="q-contact-phone"');
    expect(label).toBeGreaterThan(-1);
    expect(error).toBeGreaterThan(label);
    expect(input).toBeGreaterThan(error);
    expect(page).toMatch(
      /<input type="tel" id="q-contact-phone" [^>]*aria-invalid="true" aria-describedby="q-contact-phone-hint q-contact-phone-error"/,
    );
    expect(page).toMatch(
      /<fieldset class="field field-invalid" aria-describedby="q-person-age-hint q-person-age-error">/,
    );
    expect(page).not.toContain('id="q-person-name-error"');

    const fixed = await browser.submit({
      'person-name': 'Задержанов Кирилл',
      'person-age': '19',
      'contact-phone': '8 916 000 00 00',
    });
    expect(fixed.statusCode).toBe(200);
    expect(heading(fixed.body)).toBe('Где и когда');
    expectNoScriptOrInlineStyle(browser.pages);
  });

  it('goes back without checking, keeping what was typed on every step', async () => {
    const browser = formBrowser(server);
    await browser.open('/report');
    await browser.submit({ 'reporter-role': 'witness' });
    await browser.submit({ situation: 'detained' });
    const back = await browser.submit({ 'person-name': 'Половина ответа' }, { nav: 'back' });
    expect(back.statusCode).toBe(200);
    expect(heading(back.body)).toBe('Что случилось');
    expect(back.body).toMatch(/id="q-situation" name="a.situation" value="detained" checked/);
    expect(hiddenFields(back.body)['a.person-name']).toBe('Половина ответа');
    const again = await browser.submit({ situation: 'detained' });
    expect(again.body).toContain('value="Половина ответа"');
  });

  it('speaks English when asked, and switches language without losing answers', async () => {
    const browser = formBrowser(server);
    const first = await browser.open('/report?lang=en');
    expect(first.body).toContain('<html lang="en">');
    expect(first.body).toContain('Step 1 of 3');
    expect(first.body).toContain('>Quick exit</a>');
    const refused = await browser.submit({});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(
      '<a href="#q-reporter-role">Who is writing to us? — Please answer this question.</a>',
    );
    const switched = await browser.submit({ 'reporter-role': 'self' }, { nav: 'language' });
    expect(switched.body).toContain('<html lang="ru">');
    expect(switched.body).toContain('Шаг 1 из 3');
    expect(switched.body).toMatch(/value="self" checked/);
    expect(switched.body).not.toContain('field-error');
  });

  it('refuses a post without the form token, and stores nothing', async () => {
    const browser = formBrowser(server);
    await walkToConsent(browser);
    clock.advance(60_000);
    const forged = await browser.submit({ consent: 'yes' }, { drop: ['_csrf'] });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toMatch(/^text\/html/);
    expect(forged.body).toContain('Форма устарела');
    expect(await storedReports()).toEqual([]);
  });

  it('refuses a filled honeypot with a neutral page, and stores nothing', async () => {
    const browser = formBrowser(server);
    await walkToConsent(browser);
    clock.advance(60_000);
    const trapped = await browser.submit({ consent: 'yes' }, { website: 'http://spam.example' });
    expect(trapped.statusCode).toBe(400);
    expect(trapped.body).toContain('Сообщение не принято');
    expect(trapped.body).not.toMatch(/honeypot|website|робот/i);
    expect(await storedReports()).toEqual([]);
  });

  it('asks again for a final submit sooner than a person could fill the form', async () => {
    const browser = formBrowser(server);
    await walkToConsent(browser);
    clock.advance(2_000);
    const tooFast = await browser.submit({ consent: 'yes', 'reporter-contact': '@relative' });
    expect(tooFast.statusCode).toBe(200);
    expect(tooFast.body).toContain('Проверьте ответы и нажмите «Отправить» ещё раз');
    expect(tooFast.body).toContain('value="@relative"');
    expect(tooFast.body).toMatch(/id="q-consent" name="a.consent" value="yes" checked/);
    expect(await storedReports()).toEqual([]);

    clock.advance(1_000);
    const sent = await browser.submit({ consent: 'yes', 'reporter-contact': '@relative' });
    expect(sent.statusCode).toBe(303);
    expect(await storedReports()).toHaveLength(1);
  });

  it('does not believe a start time the client wrote itself', async () => {
    const browser = formBrowser(server);
    await walkToConsent(browser);
    clock.advance(60_000);
    const forged = await browser.submit(
      { consent: 'yes' },
      { fields: { started: String(Date.parse('2025-10-18T07:00:00Z')) } },
    );
    expect(forged.body).toContain('Проверьте ответы и нажмите «Отправить» ещё раз');
    expect(await storedReports()).toEqual([]);
    // The page gave a fresh, signed start; a person who then reads and sends is taken.
    clock.advance(3_000);
    expect((await browser.submit({ consent: 'yes' })).statusCode).toBe(303);
  });

  it('caps posts per client with a readable page', async () => {
    const browser = formBrowser(server);
    await browser.open('/report');
    const statuses: number[] = [];
    for (let index = 0; index < 21; index++) statuses.push((await browser.submit({})).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(browser.page()).toContain('Слишком много запросов');
  });

  it('checks again the answers that travel in hidden fields', async () => {
    const browser = formBrowser(server);
    await walkToConsent(browser);
    clock.advance(60_000);
    const edited = await browser.submit(
      { consent: 'yes' },
      { fields: { 'a.contact-phone': 'not a phone' } },
    );
    expect(edited.statusCode).toBe(422);
    expect(heading(edited.body)).toBe('Кого задержали');
    expect(edited.body).toContain('value="not a phone"');
    expect(await storedReports()).toEqual([]);
  });

  it('answers an unknown or malformed follow-up address with the same neutral 404', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: `/r/${'x'.repeat(43)}` });
    const malformed = await server.app.inject({ method: 'GET', url: '/r/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(unknown.body).toBe(malformed.body);
    expect(unknown.body).toContain('Страница не найдена');
    expect(unknown.body).toContain('<meta name="robots" content="noindex">');
    expect(unknown.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the quick exit to a neutral site and asks the browser to forget this one', async () => {
    const exit = await server.app.inject({ method: 'GET', url: '/exit' });
    expect(exit.statusCode).toBe(303);
    expect(exit.headers.location).toBe('https://yandex.ru/pogoda');
    expect(exit.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    const home = await server.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain(
      '<a class="report-link" href="/report?lang=ru">Сообщить о задержании</a>',
    );
    expectNoScriptOrInlineStyle([home.body]);
  });
});

describe('public web form with intake limits off', () => {
  const [sqlite] = testDialects();
  let database: TestDatabase;
  let server: HabeasServer;
  let clock: ReturnType<typeof testClock>;

  beforeEach(async () => {
    if (sqlite === undefined) throw new Error('no SQLite test dialect');
    database = await sqlite.open();
    clock = testClock(new Date('2025-10-18T08:00:00Z'));
    const ports = buildPorts(database, { clock });
    server = await buildServer({
      ports,
      publicUrl: 'http://localhost:8080',
      trustProxy: false,
      logLevel: 'silent',
      staffAppDir: 'no-staff-app-in-tests',
      rateLimitPerMinute: 10_000,
      intakeLimits: false,
    });
    const orgId = (await createOrganisation(ports, { name: 'Hotline group' })).id;
    await setEscrowKey(ports, { orgId });
    await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  it('neither caps posts nor waits for the minimum fill time, for load tests', async () => {
    const browser = formBrowser(server);
    await browser.open('/report');
    for (let index = 0; index < 25; index++) {
      const response = await browser.submit({});
      expect(response.statusCode).toBe(422);
    }
    let last = await browser.submit(detentionSteps[0]?.[1] ?? {});
    for (const [, answers] of detentionSteps.slice(1)) last = await browser.submit(answers);
    expect(last.statusCode).toBe(303);
    expect(await database.db.selectFrom('reports').select('id').execute()).toHaveLength(1);
  });
});
