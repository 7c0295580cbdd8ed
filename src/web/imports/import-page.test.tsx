import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreviewResponse } from '../../contracts/imports.ts';
import { i18n } from '../i18n/i18n.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function staff(roles: string[]): FakeReply {
  return {
    status: 200,
    body: {
      user: {
        id: '0190b8a0-0000-7000-8000-000000000003',
        email: 'anna@example.org',
        displayName: 'Анна Юрьева',
        roles,
      },
      organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
    },
  };
}

const preview: ImportPreviewResponse = {
  format: 'xlsx',
  columns: [
    { index: 0, letter: 'A', header: 'ФИО', suggested: 'fullName', chosen: 'fullName' },
    {
      index: 1,
      letter: 'B',
      header: 'Дата рождения',
      suggested: 'birthDate',
      chosen: 'birthDate',
    },
    { index: 2, letter: 'C', header: 'Размер обуви', suggested: null, chosen: null },
  ],
  mappingProblems: [],
  rows: { read: 3, valid: 2, invalid: 1, blank: 0 },
  wouldCreate: { cases: 2, detentions: 0, draftMatters: 0, appeals: 0 },
  problems: [
    {
      line: 3,
      column: 1,
      field: 'birthDate',
      message: 'Строка 3, столбец B «Дата рождения»: Такого дня нет в календаре.',
    },
  ],
  problemsLeftOut: 0,
  sample: [
    {
      line: 2,
      fullName: 'Иванов Пётр Сергеевич',
      birthDate: '2006-05-12',
      phone: null,
      detainedAt: null,
      draftDecisionDate: null,
      medicalCategory: 'B',
      appealCaseNumber: null,
    },
  ],
};

const done = {
  type: 'done',
  importId: '0190b8a0-0000-7000-8000-0000000f0001',
  created: 2,
  skipped: 1,
  blank: 0,
  problems: preview.problems,
  problemsLeftOut: 0,
};

const ndjson = { 'content-type': 'application/x-ndjson; charset=utf-8' };

/** An import answer the test writes line by line, as the server streams it. */
function controlledStream() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(given) {
      controller = given;
    },
  });
  const encoder = new TextEncoder();
  return {
    stream,
    send(line: unknown) {
      controller?.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
    },
    end() {
      controller?.close();
    },
    fail() {
      controller?.error(new TypeError('network'));
    },
  };
}

function caseList(): File {
  return new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'дела.xlsx', { type: xlsxType });
}

const importPath = '/api/v1/imports?columns=fullName%2CbirthDate%2C&invalidRows=skip';

describe('importing a case list', () => {
  it('checks the file, shows the mapping and every bad row, then imports with a progress bar', async () => {
    const answer = controlledStream();
    const server = fakeServer({
      'GET /api/v1/me': () => staff(['lawyer']),
      'POST /api/v1/imports/preview': () => ({ status: 200, body: preview }),
      [`POST ${importPath}`]: () => ({
        status: 200,
        raw: { content: answer.stream, headers: ndjson },
      }),
    });
    const user = startApp('/staff/', server);
    await user.click(await screen.findByRole('link', { name: 'Импорт и выгрузка дел' }));
    expect(window.location.pathname).toBe('/staff/imports');

    const check = screen.getByRole('button', { name: 'Проверить файл' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    await user.upload(screen.getByLabelText('Файл со списком дел (XLSX или CSV)'), caseList());
    await user.click(check);

    const mapping = await screen.findByRole('group', { name: 'Сопоставление столбцов' });
    expect((within(mapping).getByLabelText('Столбец A «ФИО»') as HTMLSelectElement).value).toBe(
      'fullName',
    );
    expect(
      (within(mapping).getByLabelText('Столбец C «Размер обуви»') as HTMLSelectElement).value,
    ).toBe('');
    expect(screen.getByText('Строк с данными: 3')).toBeTruthy();
    expect(screen.getByText('С ошибками: 1')).toBeTruthy();
    const problems = screen.getByRole('list', { name: 'Ошибки по строкам' });
    expect(within(problems).getByRole('listitem').textContent).toBe(
      'Строка 3, столбец B «Дата рождения»: Такого дня нет в календаре.',
    );
    const sample = screen.getByRole('table', {
      name: 'Первые строки так, как они будут прочитаны',
    });
    expect(
      within(sample)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '12.05.2006', '—', 'Б — годен с незначительными ограничениями', '—']);

    // All or nothing is the default: with a bad row, nothing can be imported yet.
    const confirm = screen.getByRole('button', {
      name: 'Импортировать дела: 2',
    }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(
      screen.getByText(
        'В файле есть ошибки: исправьте их и проверьте файл снова или выберите пропуск строк с ошибками.',
      ),
    ).toBeTruthy();
    await user.click(
      screen.getByLabelText('Импортировать остальные строки, пропустив строки с ошибками'),
    );
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);

    const progress = await screen.findByRole('progressbar', { name: 'Ход импорта' });
    expect(progress.hasAttribute('value')).toBe(false);
    answer.send({ type: 'progress', phase: 'sealing', done: 2, total: 2 });
    await waitFor(() => expect(screen.getByText('Шифруем дела: 2 из 2')).toBeTruthy());
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('2');
    expect(screen.getByRole('progressbar').getAttribute('max')).toBe('4');
    answer.send({ type: 'progress', phase: 'writing', done: 1, total: 2 });
    await waitFor(() => expect(screen.getByText('Записываем дела: 1 из 2')).toBeTruthy());
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('3');
    answer.send(done);
    answer.end();

    expect(await screen.findByText('Готово: создано дел — 2.')).toBeTruthy();
    expect(screen.getByText('Пропущено строк с ошибками: 1.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'К списку дел' }).getAttribute('href')).toBe(
      '/staff/cases',
    );
    const [previewRequest] = server.requests.filter((request) =>
      request.path.startsWith('/api/v1/imports/preview'),
    );
    const sent = previewRequest?.body;
    expect(sent instanceof File && sent.name).toBe('дела.xlsx');
  });

  it('checks the file again with the mapping the person chose before it can be imported', async () => {
    const remapped: ImportPreviewResponse = {
      ...preview,
      columns: preview.columns.map((column) =>
        column.index === 2 ? { ...column, chosen: 'notes' } : column,
      ),
    };
    const server = fakeServer({
      'GET /api/v1/me': () => staff(['lawyer']),
      'POST /api/v1/imports/preview': () => ({ status: 200, body: preview }),
      'POST /api/v1/imports/preview?columns=fullName%2CbirthDate%2Cnotes': () => ({
        status: 200,
        body: remapped,
      }),
    });
    const user = startApp('/staff/imports', server);
    await user.upload(
      await screen.findByLabelText('Файл со списком дел (XLSX или CSV)'),
      caseList(),
    );
    await user.click(screen.getByRole('button', { name: 'Проверить файл' }));
    const shoes = await screen.findByLabelText('Столбец C «Размер обуви»');
    await user.selectOptions(shoes, 'notes');

    expect(
      screen.getByText('Сопоставление изменено: проверьте файл снова перед импортом.'),
    ).toBeTruthy();
    await user.click(
      screen.getByLabelText('Импортировать остальные строки, пропустив строки с ошибками'),
    );
    expect(
      (screen.getByRole('button', { name: 'Импортировать дела: 2' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Проверить с этим сопоставлением' }));

    await waitFor(() =>
      expect(
        server.requests.some((request) =>
          request.path.endsWith('columns=fullName%2CbirthDate%2Cnotes'),
        ),
      ).toBe(true),
    );
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Импортировать дела: 2' }) as HTMLButtonElement)
          .disabled,
      ).toBe(false),
    );
    expect((screen.getByLabelText('Столбец C «Размер обуви»') as HTMLSelectElement).value).toBe(
      'notes',
    );
  });

  it('shows what the server refused, row by row, and says when the outcome is unknown', async () => {
    const answer = controlledStream();
    let attempts = 0;
    const server = fakeServer({
      'GET /api/v1/me': () => staff(['coordinator']),
      'POST /api/v1/imports/preview': () => ({ status: 200, body: preview }),
      [`POST ${importPath}`]: () => {
        attempts += 1;
        if (attempts === 1) {
          return {
            status: 422,
            body: {
              error: {
                code: 'IMPORT_REFUSED',
                message: 'Импорт не выполнен: в таблице есть ошибки. Ничего не записано.',
                fields: [
                  {
                    path: 'rows.4.phone',
                    message: 'Строка 4, столбец C «Телефон»: Не похоже на телефон.',
                  },
                ],
              },
            },
          };
        }
        return { status: 200, raw: { content: answer.stream, headers: ndjson } };
      },
    });
    const user = startApp('/staff/imports', server);
    await user.upload(
      await screen.findByLabelText('Файл со списком дел (XLSX или CSV)'),
      caseList(),
    );
    await user.click(screen.getByRole('button', { name: 'Проверить файл' }));
    await user.click(
      await screen.findByLabelText('Импортировать остальные строки, пропустив строки с ошибками'),
    );
    await user.click(screen.getByRole('button', { name: 'Импортировать дела: 2' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Импорт не выполнен: в таблице есть ошибки. Ничего не записано.',
    );
    expect(screen.getByText('Строка 4, столбец C «Телефон»: Не похоже на телефон.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Проверить файл' }));
    await user.click(
      await screen.findByLabelText('Импортировать остальные строки, пропустив строки с ошибками'),
    );
    await user.click(screen.getByRole('button', { name: 'Импортировать дела: 2' }));
    await screen.findByRole('progressbar');
    answer.send({ type: 'progress', phase: 'writing', done: 1, total: 2 });
    answer.fail();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Связь с сервером прервалась во время записи. Импорт мог завершиться: проверьте список дел, прежде чем загружать файл снова.',
    );
  });

  it('refuses a file that is no spreadsheet before sending it', async () => {
    const server = fakeServer({ 'GET /api/v1/me': () => staff(['operator']) });
    startApp('/staff/imports', server);
    // Dropped on the field, a file is not filtered by the field's accepted types.
    fireEvent.change(await screen.findByLabelText('Файл со списком дел (XLSX или CSV)'), {
      target: { files: [new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' })] },
    });
    expect(screen.getByRole('alert').textContent).toBe('Выберите файл .xlsx или .csv.');
    expect(
      (screen.getByRole('button', { name: 'Проверить файл' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

describe('exporting my cases', () => {
  it('downloads the XLSX file and says how many cases it holds, in English when chosen', async () => {
    await i18n.changeLanguage('en');
    const createObjectURL = vi.fn((_file: Blob) => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    const server = fakeServer({
      'GET /api/v1/me': () => staff(['volunteer']),
      'GET /api/v1/exports/my-cases.xlsx': () => ({
        status: 200,
        raw: {
          content: new Uint8Array([0x50, 0x4b, 0x03, 0x04]).buffer,
          headers: {
            'content-type': xlsxType,
            'content-disposition': 'attachment; filename="habeas-cases-2026-11-20.xlsx"',
            'x-habeas-exported': '2',
            'x-habeas-unopened': '1',
          },
        },
      }),
    });
    const user = startApp('/staff/imports', server);
    await screen.findByRole('heading', { level: 2, name: 'Export my cases' });
    // A volunteer may not open cases, so there is nothing to import.
    expect(screen.queryByLabelText('Case list file (XLSX or CSV)')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export to XLSX' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      'Cases exported: 2. Cases you hold no key to: 1; they are not in the file.',
    );
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(createObjectURL.mock.calls[0]?.[0].size).toBe(4);
    expect(downloads).toEqual(['habeas-cases-2026-11-20.xlsx']);
    const [request] = server.requests.filter((sent) => sent.path.startsWith('/api/v1/exports'));
    expect(request?.language).toBe('en');
  });

  it('shows why an export was refused', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => staff(['lawyer']),
      'GET /api/v1/exports/my-cases.xlsx': () =>
        errorReply(403, 'KEY_UNAVAILABLE', 'У вас нет ключа к этому делу.'),
    });
    const user = startApp('/staff/imports', server);
    await user.click(await screen.findByRole('button', { name: 'Выгрузить в XLSX' }));
    expect((await screen.findByRole('alert')).textContent).toBe('У вас нет ключа к этому делу.');
  });
});
