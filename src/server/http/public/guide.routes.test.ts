import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStoryRaw } from '../../../../test/support/guide-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { sqliteTestDialect, type TestDatabase } from '../../../../test/support/test-databases.ts';
import { buildTestServer } from '../../../../test/support/test-server.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

function heading(page: string): string {
  return decode(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '');
}

/** The hidden fields of the guide's form, as a browser sends them. */
function hiddenFields(page: string): [string, string][] {
  const form = /<form id="guide-form"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
  return [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    (match) => [decode(match[1] ?? ''), decode(match[2] ?? '')],
  );
}

function query(entries: [string, string][]): string {
  return new URLSearchParams(entries).toString();
}

function expectPublicPage(page: string): void {
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/\sstyle=/i);
  expect(page).not.toMatch(/<style/i);
  expect(page).not.toMatch(/(src|href)="(https?:)?\/\/(?!localhost)[^"]*"[^>]*rel="stylesheet"/);
  expect(page).toContain('<a class="quick-exit" href="/exit" rel="noreferrer">');
}

/** The pages of the seed story, in the order the guide asks them. */
const seedPages: [string, string[]][] = [
  ['Что сейчас', ['detained-now', 'region']],
  ['Задержание', ['detained-at', 'detained-place', 'taken-to']],
  ['Адвокат', ['lawyer-turned-away']],
  ['Адвоката не пустили', ['lawyer-refused-at', 'power-of-attorney']],
  ['Повестка', ['notice-kind']],
  ['Решение о призыве', ['decision-by']],
  ['Даты решения', ['decision-made-on', 'decision-learned-on']],
  ['Обжалование', ['appeal-level']],
  ['Жалоба или иск', ['appeal-filed-on', 'appeal-against', 'appeal-pending', 'appeal-case-number']],
];

describe('the rights guide', () => {
  let database: TestDatabase;
  let server: HabeasServer;

  beforeAll(async () => {
    database = await sqliteTestDialect.open();
    server = await buildTestServer(buildPorts(database, { clock: testClock() }));
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  /** Answers the shown page with these fields, as the page's own form would send them. */
  async function answerPage(page: string, answers: Record<string, string>) {
    const entries = [
      ...hiddenFields(page),
      ...Object.entries(answers).map(([id, value]): [string, string] => [`a.${id}`, value]),
    ];
    return get(`/guide?${query(entries)}`);
  }

  it('opens in Russian with a JavaScript-free GET form, under the strict headers', async () => {
    const response = await get('/guide');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(heading(response.body)).toBe('Что сейчас');
    expect(response.body).toContain(
      '<form id="guide-form" method="get" action="/guide" novalidate>',
    );
    expect(response.body).toContain('Ответы хранятся только в адресе страницы');
    expectPublicPage(response.body);
  });

  it('speaks English when asked by the browser or by ?lang=en', async () => {
    expect(heading((await get('/guide', { 'accept-language': 'en-GB,en;q=0.9' })).body)).toBe(
      'Right now',
    );
    expect(heading((await get('/guide?lang=en')).body)).toBe('Right now');
  });

  it('walks the seed story page by page to advice with citations, and a prefilled report', async () => {
    const raw = seedStoryRaw();
    let response = await get('/guide');
    for (const [title, ids] of seedPages) {
      expect(response.statusCode).toBe(200);
      expect(heading(response.body)).toBe(title);
      expectPublicPage(response.body);
      response = await answerPage(
        response.body,
        Object.fromEntries(ids.map((id) => [id, raw[id] ?? ''])),
      );
    }
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/guide\/result\?lang=ru&/);

    const result = await get(location);
    expect(result.statusCode).toBe(200);
    const page = result.body;
    expectPublicPage(page);
    expect(Buffer.byteLength(page)).toBeLessThan(150 * 1024);
    expect(heading(page)).toBe('Что происходит и что делать');
    for (const advice of [
      'Требуйте адвоката',
      'Жалоба военному прокурору',
      'Пока идёт обжалование, избегайте метро',
      'Без надлежащей повестки можно отказаться от медкомиссии',
    ]) {
      expect(page).toContain(advice);
    }
    expect(page).toContain('id="finding-PRO-01-notarised-power-refused"');
    expect(page).toContain('id="finding-APL-06-dispatch-while-suspended"');
    expect(page).toContain('Constitution of the Russian Federation, art. 48 parts 1-2.');
    expect(page).toContain('href="https://constrf.ru/razdel-1/glava-2/st-48-krf"');
    expect(page).toContain('Уверенность высокая');
    expect(page).toContain('Уверенность низкая');
    expect(page).toContain('data-kind="lawyer-access-complaint"');
    // Where detentions were reported lately (none published in this database yet).
    expect(page).toContain('Где задерживали в последние дни');
    expect(page).toContain('нам не сообщали о задержаниях в метро');
    expect(page).toContain('<form method="get" action="/report">');
    // Held right now: reporting to the group comes before everything else.
    expect(page.indexOf('id="report-title"')).toBeLessThan(page.indexOf('id="advice-title"'));
    expect(page).toContain('<input type="hidden" name="a.situation" value="detained">');
    expect(page).toContain(
      '<input type="hidden" name="a.appeal-case-number" value="2а-1234/2026">',
    );
    // Printed, the page drops the header, the buttons and the report box.
    expect(page).toContain('class="no-print');
    expect((await get('/assets/public.css')).body).toContain('@media print');
  });

  it('asks in plain words which date is wrong when the appeal predates the decision', async () => {
    const raw = seedStoryRaw({ 'appeal-filed-on': '2026-06-10' });
    const entries: [string, string][] = [
      ['lang', 'ru'],
      ['step', 'appeal-details'],
      ...Object.entries(raw).map(([id, value]): [string, string] => [`a.${id}`, value]),
    ];
    const response = await get(`/guide?${query(entries)}`);
    expect(response.statusCode).toBe(422);
    expect(heading(response.body)).toBe('Жалоба или иск');
    expect(response.body).toContain('Ответы не сходятся');
    expect(decode(response.body)).toContain(
      'Вы указали, что подали жалобу или иск 10.06.2026, а решение приняли 01.07.2026',
    );
    expect(response.body).toContain('name="show" value="decision-dates"');
    expect(response.body).toContain('id="q-appeal-filed-on-error"');
    // The other answer can be changed on its own page, with every answer kept.
    const fix = await get(`/guide?${query([...entries, ['show', 'decision-dates']])}`);
    expect(fix.statusCode).toBe(200);
    expect(heading(fix.body)).toBe('Даты решения');
    expect(fix.body).toContain('value="2026-07-01"');
    expect(fix.body).toContain('name="a.appeal-filed-on" value="2026-06-10"');
  });

  it('refuses a date out of range with the message next to the field', async () => {
    const entries: [string, string][] = [
      ['lang', 'en'],
      ['step', 'decision-dates'],
      ...Object.entries(seedStoryRaw({ 'decision-made-on': '2015-01-10' })).map(
        ([id, value]): [string, string] => [`a.${id}`, value],
      ),
    ];
    const response = await get(`/guide?${query(entries)}`);
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(
      /<p class="field-error" id="q-decision-made-on-error">.*Please give a date between 29\.11\.2021 and 29\.11\.2026/,
    );
    expect(response.body).toContain('aria-invalid="true"');
  });

  it('ignores what it does not know and never fails on a strange address', async () => {
    const odd = await get(
      '/guide?foo=bar&a.nope=1&step=nonsense&show=zzz&lang=xx&a.region=moscow&a.region=ryazan',
    );
    expect(odd.statusCode).toBe(200);
    expect(heading(odd.body)).toBe('Что сейчас');
    expect(odd.body).not.toContain('a.nope');
    expect(odd.body).toContain('id="q-region" name="a.region" value="moscow" checked');

    const garbage = await get('/guide/result?a.detained-now=maybe&a.region=%00');
    expect(garbage.statusCode).toBe(422);
    expect(garbage.body).toContain('Выберите один из предложенных вариантов.');

    const long = await get(`/guide?step=now&a.detained-now=${'y'.repeat(5000)}`);
    expect(long.statusCode).toBe(422);

    const empty = await get('/guide/result');
    expect(empty.statusCode).toBe(200);
    expect(heading(empty.body)).toBe('Что сейчас');
    expect(empty.body).not.toContain('error-summary');
  });

  it('answers any address built from its own names without a server error', async () => {
    const names = [
      'lang',
      'step',
      'show',
      'to',
      ...Object.keys(seedStoryRaw()).map((id) => `a.${id}`),
    ];
    const values = [
      '',
      'ru',
      'en',
      'yes',
      'now',
      'appeal-details',
      '2026-02-30',
      '9999-01-01',
      '%',
      '<b>',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom(...names), fc.oneof(fc.constantFrom(...values), fc.string())),
          {
            maxLength: 12,
          },
        ),
        fc.boolean(),
        async (entries, result) => {
          const response = await get(`/guide${result ? '/result' : ''}?${query(entries)}`);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.body).not.toMatch(/<script/i);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('switches language on the same page, keeping the answers', async () => {
    const entries: [string, string][] = [
      ['lang', 'ru'],
      ['step', 'detention'],
      ['to', 'en'],
      ['a.detained-now', 'yes'],
      ['a.region', 'moscow'],
      ['a.detained-place', 'metro'],
    ];
    const response = await get(`/guide?${query(entries)}`);
    expect(response.statusCode).toBe(200);
    expect(heading(response.body)).toBe('The detention');
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('value="metro" checked');
    expect(response.body).toContain('<input type="hidden" name="lang" value="en">');
  });

  it('gives the result page a language link that keeps the answers', async () => {
    const entries = Object.entries(seedStoryRaw()).map(([id, value]): [string, string] => [
      `a.${id}`,
      value,
    ]);
    const response = await get(`/guide/result?${query([['lang', 'en'], ...entries])}`);
    expect(response.statusCode).toBe(200);
    expect(heading(response.body)).toBe('What is happening and what to do');
    expect(response.body).toContain('Avoid the metro while your appeal is pending');
    expect(response.body).toMatch(
      /<a class="lang" href="\/guide\/result\?lang=ru&amp;a\.detained-now=yes/,
    );
  });
});

describe('the guide under a rate cap', () => {
  it('answers a person over the cap with a page, not the API’s JSON', async () => {
    const database = await sqliteTestDialect.open();
    const server = await buildTestServer(buildPorts(database, { clock: testClock() }), {
      rateLimitPerMinute: 2,
    });
    try {
      const statuses: number[] = [];
      let last = '';
      for (let i = 0; i < 3; i += 1) {
        const response = await server.app.inject({ method: 'GET', url: '/guide?lang=ru' });
        statuses.push(response.statusCode);
        last = response.body;
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(heading(last)).toBe('Слишком много запросов');
      expect(last).toContain('ваши ответы в её адресе');
    } finally {
      await server.app.close();
      await database.close();
    }
  });
});

describe('the report form, opened from the guide', () => {
  let database: TestDatabase;
  let server: HabeasServer;

  beforeAll(async () => {
    database = await sqliteTestDialect.open();
    server = await buildTestServer(buildPorts(database, { clock: testClock() }));
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });

  it('carries the prefilled answers it accepts and drops the rest', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/report?lang=ru&a.situation=detained&a.taken-from=metro&a.consent=yes&a.bogus=1&a.taken-to=%3Cb%3E',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<input type="hidden" name="a.situation" value="detained">');
    expect(response.body).toContain('<input type="hidden" name="a.taken-from" value="metro">');
    expect(response.body).not.toContain('a.consent');
    expect(response.body).not.toContain('a.bogus');
    expect(response.body).not.toContain('a.taken-to');
  });
});
