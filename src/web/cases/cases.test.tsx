import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import type { CaseFile, CaseListResponse } from '../api/api-client.ts';
import { casePageRoutes } from '../testing/case-page-routes.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { avtozavodskaya } from '../testing/place-fixtures.ts';
import { startApp } from '../testing/start-app.tsx';

const coordinator: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000003',
      email: 'olga@example.org',
      displayName: 'Ольга Смирнова',
      roles: ['coordinator'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

const operational = { required: false, dataClass: 'operational' } as const;
const personal = { required: false, dataClass: 'personal' } as const;

/** A cut-down hotline questionnaire: enough questions of each kind to label a report. */
const hotline: Questionnaire = {
  questionnaireId: 'hotline',
  version: 1,
  title: { ru: 'Сообщить о задержании', en: 'Report a detention' },
  defaultOffset: '+03:00',
  steps: [
    {
      id: 'what',
      title: { ru: 'Что случилось', en: 'What happened' },
      questions: [
        {
          ...operational,
          id: 'situation',
          kind: 'choice',
          label: { ru: 'Что случилось?', en: 'What happened?' },
          options: [
            { value: 'detained', label: { ru: 'Задержали', en: 'Detained' } },
            { value: 'notice', label: { ru: 'Пришла повестка', en: 'A notice came' } },
          ],
        },
      ],
    },
    {
      id: 'detention',
      title: { ru: 'Задержание', en: 'Detention' },
      questions: [
        {
          ...personal,
          id: 'person-name',
          kind: 'text',
          maxLength: 200,
          label: { ru: 'ФИО задержанного', en: 'Full name of the detained person' },
        },
        {
          ...operational,
          id: 'taken-from',
          kind: 'choice',
          label: { ru: 'Где его задержали?', en: 'Where was he detained?' },
          options: [
            { value: 'metro', label: { ru: 'В метро', en: 'In the metro' } },
            { value: 'street', label: { ru: 'На улице', en: 'In the street' } },
          ],
        },
        {
          ...operational,
          id: 'detained-at',
          kind: 'datetime',
          label: { ru: 'Когда это случилось?', en: 'When did it happen?' },
        },
        {
          ...operational,
          id: 'taken-from-station',
          kind: 'place',
          placeKinds: ['metro-station'],
          freeTextFallback: true,
          label: { ru: 'На какой станции метро?', en: 'Which metro station?' },
        },
        {
          ...operational,
          id: 'taken-to-police',
          kind: 'place',
          placeKinds: ['police-station'],
          freeTextFallback: true,
          label: { ru: 'Какой отдел полиции?', en: 'Which police station?' },
        },
        {
          ...operational,
          id: 'needs-lawyer',
          kind: 'yes-no',
          label: { ru: 'Нужен адвокат?', en: 'Is a lawyer needed?' },
        },
      ],
    },
  ],
};

const receivedAt = new Date(2025, 9, 18, 9, 40).toISOString();

const reported: CaseListResponse['cases'][number] = {
  id: '0190b8a0-0000-7000-8000-0000000c0001',
  status: 'open',
  createdAt: receivedAt,
  assigneeIds: [],
  likelyDuplicates: ['0190b8a0-0000-7000-8000-0000000c0009'],
  custody: null,
  campaignId: '2025-autumn',
  report: { caseCode: 'K7M2-Q9XA', channel: 'web', situation: 'detained', receivedAt },
};

const assigned: CaseListResponse['cases'][number] = {
  id: '0190b8a0-0000-7000-8000-0000000c0002',
  status: 'open',
  createdAt: new Date(2025, 9, 17, 18, 5).toISOString(),
  assigneeIds: ['0190b8a0-0000-7000-8000-000000000001'],
  likelyDuplicates: [],
  custody: null,
  campaignId: '2025-autumn',
  report: null,
};

const caseFile: CaseFile = {
  id: reported.id,
  status: 'open',
  assigneeIds: [],
  createdAt: receivedAt,
  persons: [
    {
      id: '0190b8a0-0000-7000-8000-0000000e0001',
      fullName: 'Иванов Пётр Сергеевич',
      birthDate: '2006-05-12',
      phone: '+7 916 123-45-67',
      notes: null,
    },
  ],
  report: {
    caseCode: 'K7M2-Q9XA',
    channel: 'telegram',
    receivedAt,
    // In the reporter's order of typing, not the questionnaire's.
    answers: {
      'needs-lawyer': 'yes',
      'taken-to-police': { freeText: 'ОМВД по Тверскому району' },
      'detained-at': '2025-10-18T09:40:00+03:00',
      situation: 'detained',
      'taken-from-station': { placeKind: 'metro-station', placeId: 'tverskaya' },
      'person-name': 'Иванов Пётр Сергеевич',
      'taken-from': 'metro',
    },
  },
  laterReports: [],
  mergedInto: null,
  likelyDuplicates: [],
  timeline: [],
  custody: null,
  draftMatter: { deferments: [], appeals: [] },
  facts: {},
};

const list = (cases: CaseListResponse['cases']): FakeReply => ({ status: 200, body: { cases } });
const campaigns = {
  campaigns: [
    {
      id: '2025-autumn',
      name: { ru: 'Осенний призыв 2025', en: 'Autumn 2025 call-up' },
      startsOn: '2025-10-01',
      endsOn: '2025-12-31',
      quota: 135000,
      decree: {
        title: { ru: 'Указ № 690', en: 'Decree No. 690' },
        sourceUrls: ['https://example.org/decree'],
      },
      dispatchWindows: [],
    },
  ],
};
/** What the case list asks for besides the cases: labels, campaigns and places to filter by. */
const questionnaireRoute = {
  'GET /api/v1/questionnaires/hotline': () => ({ status: 200, body: hotline }),
  'GET /api/v1/campaigns': () => ({ status: 200, body: campaigns }),
  'GET /api/v1/places': (): FakeReply => ({ status: 200, body: { places: [avtozavodskaya] } }),
};
const casePath = `/api/v1/cases/${reported.id}`;

function requestsTo(server: ReturnType<typeof fakeServer>, path: string) {
  return server.requests.filter((request) => request.path === path);
}

function answers(): [string, string][] {
  const list = screen.getByRole('heading', {
    level: 2,
    name: 'Сообщение на горячую линию',
  }).nextElementSibling;
  return [...(list?.querySelectorAll('div') ?? [])].map((pair) => [
    pair.querySelector('dt')?.textContent ?? '',
    pair.querySelector('dd')?.textContent ?? '',
  ]);
}

describe('cases', () => {
  it('lists the open cases from the workspace, each linking to its page', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([reported, assigned]),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/', server);

    const tools = await screen.findByRole('navigation', { name: 'Инструменты' });
    const [firstTool] = within(tools).getAllByRole('link');
    expect(firstTool?.textContent).toBe('Дела');
    await user.click(firstTool as HTMLElement);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Дела');
    expect(window.location.pathname).toBe('/staff/cases');
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Дело', 'Канал', 'Ситуация', 'Получено', 'Статус', 'Задержание', 'Назначено']);
    const [, reportedRow, bareRow] = within(table).getAllByRole('row') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(
      within(reportedRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Форма на сайте',
      'Задержали',
      '18.10.2025 09:40',
      'открыто похоже на 1 другое дело',
      '—',
      'не назначено',
    ]);
    const link = within(reportedRow).getByRole('link', { name: 'K7M2-Q9XA' });
    expect(link.getAttribute('href')).toBe(`/staff/cases/${reported.id}`);
    expect(within(reportedRow).getByText('18.10.2025 09:40').getAttribute('datetime')).toBe(
      receivedAt,
    );

    // A case opened without a report goes by the end of its id and has nothing to say yet.
    expect(within(bareRow).getByRole('link', { name: '000c0002' }).getAttribute('href')).toBe(
      `/staff/cases/${assigned.id}`,
    );
    expect(
      within(bareRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['—', '—', '—', 'открыто', '—', 'сотрудников: 1']);
    expect(requestsTo(server, '/api/v1/cases?status=open')[0]?.language).toBe('ru');
  });

  it('narrows the list to my cases and to one campaign, and shows where a detainee stands', async () => {
    const held = {
      ...reported,
      custody: {
        status: 'lawyer-refused-entry' as const,
        since: receivedAt,
        detainedAtPlaceId: null,
        heldAtPlaceId: null,
        lastUpdateAt: receivedAt,
      },
    };
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([held, assigned]),
      'GET /api/v1/cases?status=open&mine=true': () => list([assigned]),
      'GET /api/v1/cases?status=open&mine=true&campaign=2025-autumn': () => list([]),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/cases', server);

    expect(await screen.findByText('Адвоката не пускают')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Только мои дела' }));
    await screen.findByRole('checkbox', { name: 'Только мои дела', checked: true });
    await user.selectOptions(await screen.findByLabelText('Призывная кампания'), '2025-autumn');
    expect(await screen.findByText('Открытых дел нет.')).toBeTruthy();
    expect(server.requests.map((request) => request.path)).toContain(
      '/api/v1/cases?status=open&mine=true&campaign=2025-autumn',
    );
  });

  it('narrows the list to cases with a task coming due, and to a place', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([reported, assigned]),
      'GET /api/v1/cases?status=open&dueSoon=true': () => list([assigned]),
      [`GET /api/v1/cases?status=open&dueSoon=true&placeId=${avtozavodskaya.id}`]: () => list([]),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/cases', server);

    await user.click(
      await screen.findByRole('checkbox', { name: 'Срок в ближайшую неделю или пропущен' }),
    );
    await screen.findByRole('checkbox', {
      name: 'Срок в ближайшую неделю или пропущен',
      checked: true,
    });
    await user.click(screen.getByRole('combobox', { name: 'Место (задержание, доставление)' }));
    await user.keyboard('автоз');
    await user.click(await screen.findByRole('option', { name: /Автозаводская/ }));
    expect(await screen.findByText('Открытых дел нет.')).toBeTruthy();
    expect(server.requests.map((request) => request.path)).toContain(
      `/api/v1/cases?status=open&dueSoon=true&placeId=${avtozavodskaya.id}`,
    );
  });

  it('shows the closed cases on request, and says when there are none', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([reported]),
      'GET /api/v1/cases?status=closed': () => list([]),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/cases', server);

    await screen.findByRole('table');
    const filter = screen.getByRole('group', { name: 'Показать' });
    expect((within(filter).getByLabelText('Открытые') as HTMLInputElement).checked).toBe(true);
    await user.click(within(filter).getByLabelText('Закрытые'));

    expect(await screen.findByText('Закрытых дел нет.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(requestsTo(server, '/api/v1/cases?status=closed')).toHaveLength(1);
    // The questionnaire is asked for once, however often the list is.
    expect(requestsTo(server, '/api/v1/questionnaires/hotline')).toHaveLength(1);
  });

  it('opens a case from the list: its people and the report answer by answer', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([reported]),
      [`GET ${casePath}`]: () => ({ status: 200, body: caseFile }),
      ...casePageRoutes(reported.id),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/cases', server);

    await user.click(await screen.findByRole('link', { name: 'K7M2-Q9XA' }));

    expect(window.location.pathname).toBe(`/staff/cases/${reported.id}`);
    expect(screen.getByText('Просмотр дела записывается в журнал.')).toBeTruthy();
    expect((await screen.findByRole('heading', { level: 1, name: 'Дело K7M2-Q9XA' })).tagName).toBe(
      'H1',
    );
    const facts = screen.getByText('Статус').closest('dl') as HTMLElement;
    expect(within(facts).getByText('открыто')).toBeTruthy();
    expect(within(facts).getByText('Telegram')).toBeTruthy();
    expect(within(facts).getByText('18.10.2025 09:40')).toBeTruthy();
    expect(within(facts).getByText('не назначено')).toBeTruthy();

    const people = screen.getByRole('heading', { level: 2, name: 'Люди' })
      .nextElementSibling as HTMLElement;
    expect(within(people).getByText('Иванов Пётр Сергеевич')).toBeTruthy();
    expect(within(people).getByText('12.05.2006').getAttribute('datetime')).toBe('2006-05-12');
    expect(within(people).getByText('+7 916 123-45-67')).toBeTruthy();

    expect(answers()).toEqual([
      ['Что случилось?', 'Задержали'],
      ['ФИО задержанного', 'Иванов Пётр Сергеевич'],
      ['Где его задержали?', 'В метро'],
      ['Когда это случилось?', '18.10.2025 09:40 (UTC+03:00)'],
      ['На какой станции метро?', 'Станция метро: tverskaya'],
      ['Какой отдел полиции?', 'ОМВД по Тверскому району'],
      ['Нужен адвокат?', 'да'],
    ]);
    expect(requestsTo(server, casePath)[0]).toMatchObject({ method: 'GET', language: 'ru' });

    await user.click(screen.getByRole('link', { name: 'Правовая позиция' }));
    expect(window.location.pathname).toBe('/staff/legal-position');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Правовая позиция');
  });

  it('closes an open case and shows it again as closed', async () => {
    let current = caseFile;
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      [`GET ${casePath}`]: () => ({ status: 200, body: current }),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`POST ${casePath}/close`]: () => {
        current = { ...caseFile, status: 'closed' };
        return { status: 204 };
      },
      'GET /api/v1/cases?status=open': () => list([]),
      ...casePageRoutes(reported.id),
      ...questionnaireRoute,
    });
    const user = startApp(`/staff/cases/${reported.id}`, server);

    await user.click(await screen.findByRole('button', { name: 'Закрыть дело' }));

    expect((await screen.findByRole('status')).textContent).toBe('Дело закрыто.');
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(screen.getByText('закрыто')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Закрыть дело' })).toBeNull();
    expect(requestsTo(server, `${casePath}/close`)).toEqual([
      { method: 'POST', path: `${casePath}/close`, body: {}, language: 'ru' },
    ]);
    const reads = requestsTo(server, casePath);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.at(-1)?.path).toBe(casePath);

    await user.click(screen.getByRole('link', { name: 'Вернуться к списку дел' }));
    expect(window.location.pathname).toBe('/staff/cases');
    expect(await screen.findByText('Открытых дел нет.')).toBeTruthy();
  });

  it('shows the server’s refusal to open a case', async () => {
    const refusal = 'У вас нет ключа к этому делу. Попросите координатора открыть вам доступ.';
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      [`GET ${casePath}`]: () => errorReply(403, 'KEY_UNAVAILABLE', refusal),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      ...questionnaireRoute,
    });
    startApp(`/staff/cases/${reported.id}`, server);

    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Дело');
    expect(screen.getByRole('button', { name: 'Попробовать ещё раз' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Закрыть дело' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Вернуться к списку дел' })).toBeTruthy();
  });

  it('shows the server’s refusal to close a case and keeps it open', async () => {
    const refusal = 'Закрывать дела могут координаторы.';
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      [`GET ${casePath}`]: () => ({ status: 200, body: caseFile }),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`POST ${casePath}/close`]: () => errorReply(403, 'FORBIDDEN', refusal),
      ...casePageRoutes(reported.id),
      ...questionnaireRoute,
    });
    const user = startApp(`/staff/cases/${reported.id}`, server);

    await user.click(await screen.findByRole('button', { name: 'Закрыть дело' }));

    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(screen.getByText('открыто')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the list and a case in English', async () => {
    const bare: CaseFile = { ...caseFile, id: assigned.id, report: null, persons: [] };
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/cases?status=open': () => list([reported, assigned]),
      [`GET ${casePath}`]: () => ({ status: 200, body: caseFile }),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`GET /api/v1/cases/${assigned.id}`]: () => ({ status: 200, body: bare }),
      ...casePageRoutes(reported.id),
      ...casePageRoutes(assigned.id),
      [`GET /api/v1/cases/${assigned.id}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET /api/v1/cases/${assigned.id}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      ...questionnaireRoute,
    });
    const user = startApp('/staff/cases', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cases');
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('link', { name: 'K7M2-Q9XA' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Website form')).toBeTruthy();
    expect(within(row).getByText('Detained')).toBeTruthy();
    expect(within(row).getByText('not assigned')).toBeTruthy();
    expect(within(row).getByText('open')).toBeTruthy();
    expect(within(row).getByText(/^October 18, 2025/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Show' })).toBeTruthy();

    await user.click(within(table).getByRole('link', { name: 'K7M2-Q9XA' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Case K7M2-Q9XA' })).toBeTruthy();
    expect(screen.getByText('Viewing a case is recorded in the audit log.')).toBeTruthy();
    expect(screen.getByText('Which metro station?').nextElementSibling?.textContent).toBe(
      'Metro station: tverskaya',
    );
    expect(screen.getByText('Is a lawyer needed?').nextElementSibling?.textContent).toBe('yes');
    expect(screen.getByText('When did it happen?').nextElementSibling?.textContent).toBe(
      'October 18, 2025 09:40 (UTC+03:00)',
    );
    expect(screen.getByText('May 12, 2006')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close case' })).toBeTruthy();
    expect(requestsTo(server, casePath)[0]?.language).toBe('en');

    await user.click(screen.getByRole('link', { name: 'Back to the case list' }));
    await user.click(await screen.findByRole('link', { name: '000c0002' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Case 000c0002' })).toBeTruthy();
    expect(screen.getByText('This case was opened without a hotline report.')).toBeTruthy();
    expect(screen.getByText('No people in this case yet.')).toBeTruthy();
  });
});
