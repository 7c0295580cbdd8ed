import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../../test/support/document-text.ts';
import { seedStoryRaw } from '../../../../test/support/guide-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { sqliteTestDialect, type TestDatabase } from '../../../../test/support/test-databases.ts';
import { buildTestServer } from '../../../../test/support/test-server.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

const answers = Object.entries(seedStoryRaw()).map(([id, value]): [string, string] => [
  `a.${id}`,
  value,
]);

/** What the person types on the page of complaint 2 that the guide could not know. */
const typed: [string, string][] = [
  ['f.applicant.fullName', 'Примеров Иван Сергеевич'],
  ['f.representative.fullName', 'Защитников Борис Андреевич'],
  ['f.prosecutor.name', 'Военная прокуратура Московского гарнизона'],
  ['f.powerOfAttorney.notarisedOn', '2026-09-05'],
  ['f.centre.name', 'Сборный пункт на улице Угрешской'],
];

describe('documents from the guide', () => {
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

  /** Opens complaint 2's page as a browser does: its form token and cookie come with it. */
  async function openComplaint(): Promise<{ cookie: string; token: string; page: string }> {
    const query = new URLSearchParams([
      ['lang', 'ru'],
      ['kind', 'lawyer-access-complaint'],
      ...answers,
    ]);
    const response = await server.app.inject({ method: 'GET', url: `/guide/document?${query}` });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
    return { cookie, token, page: response.body };
  }

  async function post(fields: [string, string][], cookie: string) {
    return server.app.inject({
      method: 'POST',
      url: '/guide/document',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  it('opens a document’s page with what the guide knows filled in, names in a post', async () => {
    const { page, token } = await openComplaint();
    expect(page).not.toMatch(/<script/i);
    expect(token).not.toBe('');
    expect(page).toContain('<form id="document-form" method="post" action="/guide/document"');
    expect(page).toMatch(/name="f\.refusal\.date"[^>]* value="2026-11-29"/);
    expect(page).toMatch(/name="f\.refusal\.time"[^>]* value="12:00"/);
    expect(page).toMatch(/name="f\.applicant\.fullName"[^>]* value=""/);
    expect(page).not.toContain('name="f.document.date"');
  });

  it('names each missing field next to it and makes no file', async () => {
    const { cookie, token } = await openComplaint();
    const response = await post(
      [
        ['_csrf', token],
        ['lang', 'ru'],
        ['kind', 'lawyer-access-complaint'],
        ['format', 'pdf'],
        ...answers,
      ],
      cookie,
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('id="f-applicant-fullName-error"');
    expect(response.body).toContain('id="f-prosecutor-name-error"');
  });

  it('hands over the complaint as PDF and DOCX, filled with what was entered', async () => {
    const { cookie, token } = await openComplaint();
    const base: [string, string][] = [
      ['_csrf', token],
      ['lang', 'ru'],
      ['kind', 'lawyer-access-complaint'],
      ...answers,
      ...typed,
    ];
    const pdf = await post([...base, ['format', 'pdf']], cookie);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="lawyer-access-complaint.pdf"',
    );
    expect(pdf.headers['cache-control']).toBe('no-store');
    const text = pdfText(new Uint8Array(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Защитников Борис Андреевич');
    expect(text).toContain('29 ноября 2026');
    expect(text).toContain('ст. 48 Конституции');

    const docx = await post([...base, ['format', 'docx']], cookie);
    expect(docx.statusCode).toBe(200);
    expect(docxText(new Uint8Array(docx.rawPayload))).toContain('Сборный пункт на улице Угрешской');
  });

  it('refuses an unknown document and a post without its form token with readable pages', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: '/guide/document?kind=x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Страница не найдена');
    const forged = await post(
      [['lang', 'ru'], ['kind', 'lawyer-access-complaint'], ...answers],
      '',
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Форма устарела');
  });
});
