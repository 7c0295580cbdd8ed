import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyDay } from '../api/api-client.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const userId = '0190b8a0-0000-7000-8000-000000000004';
const lawyer: FakeReply = {
  status: 200,
  body: {
    user: { id: userId, email: 'ivan@example.org', displayName: 'Иван Петров', roles: ['lawyer'] },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

// Sunday 29 November 2026, 13:00 on the reader's clock, whatever the machine's time zone.
const now = new Date(2026, 10, 29, 13, 0);
const reported = '0190b8a0-0000-7000-8000-0000000c0001';
const bare = '0190b8a0-0000-7000-8000-0000000c0002';

type DayTask = MyDay['tasks'][number];

function buildTask(overrides: Partial<DayTask>): DayTask {
  return {
    id: '0190b8a0-0000-7000-8000-0000000f0001',
    caseId: reported,
    caseCode: 'K7M2-Q9XA',
    title: 'Позвонить матери',
    dueAt: new Date(2026, 10, 27, 18, 0).toISOString(),
    assigneeId: null,
    status: 'open',
    doneAt: null,
    doneBy: null,
    createdBy: userId,
    createdAt: new Date(2026, 10, 20, 9, 0).toISOString(),
    bucket: 'overdue',
    ...overrides,
  };
}

const answerDue: MyDay['deadlines'][number] = {
  caseId: bare,
  caseCode: null,
  ruleId: 'CPL-02',
  versionId: '59-fz',
  outcomeId: 'answer-due',
  title: {
    ru: 'Ответ на обращение в течение 30 дней',
    en: 'Answer to a complaint within 30 days',
  },
  label: { ru: 'Ответ не позднее', en: 'Answer due by' },
  statement: {
    ru: 'Ответ на обращение должен быть дан в течение 30 дней со дня регистрации.',
    en: 'The complaint must be answered within 30 days of registration.',
  },
  ruleStatement: { ru: 'Письменное обращение…', en: 'A written appeal…' },
  date: '2026-12-01',
  confidence: 'high',
  bucket: 'soon',
};

const day: MyDay = {
  today: '2026-11-29',
  lastDay: '2026-12-06',
  tasks: [
    buildTask({}),
    buildTask({
      id: '0190b8a0-0000-7000-8000-0000000f0002',
      title: 'Съездить в Угрешскую',
      dueAt: new Date(2026, 10, 29, 15, 0).toISOString(),
      bucket: 'today',
    }),
    buildTask({
      id: '0190b8a0-0000-7000-8000-0000000f0003',
      caseId: bare,
      caseCode: null,
      title: 'Подготовить иск',
      dueAt: new Date(2026, 11, 1, 9, 0).toISOString(),
      bucket: 'soon',
    }),
    buildTask({
      id: '0190b8a0-0000-7000-8000-0000000f0004',
      title: 'Забрать ответ прокуратуры',
      dueAt: new Date(2026, 11, 2, 9, 30).toISOString(),
      bucket: 'soon',
    }),
  ],
  deadlines: [answerDue],
  documents: [
    {
      caseId: reported,
      caseCode: 'K7M2-Q9XA',
      documentId: '0190b8a0-0000-7000-8000-0000000d0001',
      kind: 'lawyer-access-complaint',
      answerDue: '2026-11-20',
      stage: 'overdue',
      followUp: { ru: 'Ответ не дан в срок: подайте жалобу.', en: 'No answer in time: complain.' },
    },
  ],
  unopenedCases: 1,
  unevaluatedCases: 0,
};

const dayPath = `/api/v1/my-day?utcOffset=${-now.getTimezoneOffset()}`;

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function entries(name: string): string[] {
  return within(section(name))
    .queryAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('my day', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens from the workspace and lays out tasks and deadlines in the order they fall', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      [`GET ${dayPath}`]: () => ({ status: 200, body: day }),
    });
    const user = startApp('/staff/', server);

    const tools = await screen.findByRole('navigation', { name: 'Инструменты' });
    await user.click(within(tools).getByRole('link', { name: 'Мой день' }));

    expect(window.location.pathname).toBe('/staff/my-day');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Мой день');
    await screen.findByRole('region', { name: 'Просрочено' });
    expect(entries('Просрочено')).toEqual([
      'Позвонить материсрок 27.11.2026 18:00 просроченоДело K7M2-Q9XA',
    ]);
    expect(entries('Ответы на документы')).toEqual([
      'Ответ просрочен Жалоба на недопуск представителя: 20.11.2026Ответ не дан в срок: подайте жалобу.Дело K7M2-Q9XA',
    ]);
    expect(entries('Сегодня')).toEqual(['Съездить в Угрешскуюсрок 29.11.2026 15:00Дело K7M2-Q9XA']);
    expect(entries('Ближайшие 7 дней')).toEqual([
      'Подготовить исксрок 01.12.2026 09:00Дело 000c0002',
      'Срок по закону Ответ не позднее 01.12.2026Ответ на обращение в течение 30 днейОтвет на обращение должен быть дан в течение 30 дней со дня регистрации.Правило CPL-02 высокая уверенностьДело 000c0002',
      'Забрать ответ прокуратурысрок 02.12.2026 09:30Дело K7M2-Q9XA',
    ]);
    expect(
      within(section('Сегодня')).getByRole('link', { name: 'Дело K7M2-Q9XA' }).getAttribute('href'),
    ).toBe(`/staff/cases/${reported}`);
    expect(
      screen.getByText(
        '1 дело с задачами для вас не удалось открыть: нет ключа или прав. Попросите коллегу открыть вам доступ.',
      ),
    ).toBeTruthy();
    expect(server.requests.find((request) => request.path === dayPath)?.language).toBe('ru');
  });

  it('ticks a task done on the spot', async () => {
    const [first] = day.tasks;
    if (first === undefined) throw new Error('no task');
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      [`GET ${dayPath}`]: () => ({ status: 200, body: day }),
      [`PATCH /api/v1/cases/${reported}/tasks/${first.id}`]: () => {
        const { title: _title, bucket: _bucket, caseCode: _caseCode, ...frame } = first;
        return {
          status: 200,
          body: { ...frame, status: 'done', doneAt: now.toISOString(), doneBy: userId },
        };
      },
    });
    const user = startApp('/staff/my-day', server);

    const box = (await screen.findByRole('checkbox', {
      name: 'Позвонить матери',
    })) as HTMLInputElement;
    await user.click(box);

    expect((await screen.findByRole('status')).textContent).toBe(
      'Задача «Позвонить матери» выполнена.',
    );
    expect(box.checked).toBe(true);
    expect(entries('Просрочено')).toEqual([
      'Позвонить материсрок 27.11.2026 18:00 выполненоДело K7M2-Q9XA',
    ]);
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([
      {
        method: 'PATCH',
        path: `/api/v1/cases/${reported}/tasks/${first.id}`,
        body: { done: true },
        language: 'ru',
      },
    ]);
  });

  it('says when a part of the day is clear, in English too', async () => {
    const clear: MyDay = { ...day, tasks: [], deadlines: [], unopenedCases: 0 };
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      [`GET ${dayPath}`]: () => ({ status: 200, body: clear }),
    });
    const user = startApp('/staff/my-day', server);
    await screen.findByRole('region', { name: 'Сегодня' });
    await user.click(screen.getByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My day');
    for (const name of ['Overdue', 'Today', 'Next 7 days']) {
      expect(within(section(name)).getByText('Nothing.')).toBeTruthy();
    }
    expect(screen.queryByText(/could not be opened/)).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Back to the workspace' }));
    expect(window.location.pathname).toBe('/staff/');
  });

  it('shows the server’s refusal and offers to try again', async () => {
    let fail = true;
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      [`GET ${dayPath}`]: () =>
        fail
          ? errorReply(409, 'SEALED_DATA_REFUSED', 'Данные дела не прошли проверку целостности.')
          : { status: 200, body: day },
    });
    const user = startApp('/staff/my-day', server);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Данные дела не прошли проверку целостности.',
    );
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Попробовать ещё раз' }));
    expect(await screen.findByRole('checkbox', { name: 'Позвонить матери' })).toBeTruthy();
  });
});
