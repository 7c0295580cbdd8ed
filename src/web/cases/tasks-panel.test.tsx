import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFile, CaseTask } from '../api/api-client.ts';
import { buildCaseFile, minimalHotline } from '../testing/case-fixtures.ts';
import { documentRoutes } from '../testing/document-fixtures.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';
import { defaultDueAt } from './tasks-panel.tsx';

const lawyer: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000004',
      email: 'ivan@example.org',
      displayName: 'Иван Петров',
      roles: ['lawyer'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

const caseId = '0190b8a0-0000-7000-8000-0000000c0003';
const casePath = `/api/v1/cases/${caseId}`;
const tasksPath = `${casePath}/tasks`;

const caseFile: CaseFile = buildCaseFile({
  id: caseId,
  assigneeIds: ['0190b8a0-0000-7000-8000-000000000004'],
  createdAt: new Date(2026, 10, 20, 9, 0).toISOString(),
});

// Sunday 29 November 2026, 13:00 on the reader's clock, whatever the machine's time zone.
const now = new Date(2026, 10, 29, 13, 0);

function buildTask(overrides: Partial<CaseTask>): CaseTask {
  return {
    id: '0190b8a0-0000-7000-8000-0000000f0001',
    caseId,
    title: 'Позвонить матери',
    dueAt: new Date(2026, 10, 28, 18, 0).toISOString(),
    assigneeId: null,
    status: 'open',
    doneAt: null,
    doneBy: null,
    createdBy: '0190b8a0-0000-7000-8000-000000000004',
    createdAt: new Date(2026, 10, 27, 9, 0).toISOString(),
    ...overrides,
  };
}

const overdue = buildTask({});
const coming = buildTask({
  id: '0190b8a0-0000-7000-8000-0000000f0002',
  title: 'Подать жалобу военному прокурору',
  dueAt: new Date(2026, 11, 2, 9, 30).toISOString(),
});

const hotline = minimalHotline;

function caseRoutes(tasks: CaseTask[]) {
  return {
    'GET /api/v1/me': () => lawyer,
    'GET /api/v1/questionnaires/hotline': (): FakeReply => ({ status: 200, body: hotline }),
    [`GET ${casePath}`]: (): FakeReply => ({ status: 200, body: caseFile }),
    [`GET ${tasksPath}`]: (): FakeReply => ({ status: 200, body: { tasks } }),
    [`GET ${casePath}/evidence`]: (): FakeReply => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/places': (): FakeReply => ({ status: 200, body: { places: [] } }),
    [`GET ${casePath}/alerts`]: (): FakeReply => ({ status: 200, body: [] }),
    ...documentRoutes(caseId),
    [`GET ${casePath}/publication`]: (): FakeReply => ({
      status: 200,
      body: { publishable: false, changedAt: null, changedBy: null },
    }),
  };
}

function tasksSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Задачи' });
}

describe('the tasks of a case', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a new task’s due time at tomorrow 10:00, never in the past', () => {
    expect(defaultDueAt(new Date(2026, 10, 29, 13, 0))).toBe('2026-11-30T10:00');
    expect(defaultDueAt(new Date(2026, 11, 31, 23, 59))).toBe('2027-01-01T10:00');
  });

  it('lists the tasks with their due times, the overdue ones marked', async () => {
    const server = fakeServer(caseRoutes([overdue, coming]));
    startApp(`/staff/cases/${caseId}`, server);

    const list = await within(await screen.findByRole('region', { name: 'Задачи' })).findByRole(
      'list',
    );
    const [first, second] = within(list).getAllByRole('checkbox') as HTMLInputElement[];
    expect(first?.checked).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Позвонить матери' })).toBe(first);
    expect(first?.getAttribute('aria-describedby')).toBeTruthy();
    const firstDue = document.getElementById(first?.getAttribute('aria-describedby') ?? '');
    expect(firstDue?.textContent).toBe('срок 28.11.2026 18:00 просрочено');
    const secondDue = document.getElementById(second?.getAttribute('aria-describedby') ?? '');
    expect(secondDue?.textContent).toBe('срок 02.12.2026 09:30');
    expect(server.requests.find((request) => request.path === tasksPath)).toMatchObject({
      method: 'GET',
      language: 'ru',
    });
  });

  it('adds a task from the keyboard, due tomorrow morning unless changed', async () => {
    const added = buildTask({
      id: '0190b8a0-0000-7000-8000-0000000f0003',
      title: 'Съездить в Угрешскую',
      dueAt: new Date(2026, 10, 30, 10, 0).toISOString(),
    });
    const server = fakeServer({
      ...caseRoutes([]),
      [`POST ${tasksPath}`]: () => ({ status: 201, body: added }),
    });
    const user = startApp(`/staff/cases/${caseId}`, server);

    expect(
      await within(await screen.findByRole('region', { name: 'Задачи' })).findByText(
        'Задач по делу пока нет.',
      ),
    ).toBeTruthy();
    const due = within(tasksSection()).getByLabelText('Срок') as HTMLInputElement;
    expect(due.value).toBe('2026-11-30T10:00');
    const title = within(tasksSection()).getByLabelText('Что сделать');
    await user.click(title);
    await user.keyboard('Съездить в Угрешскую{Enter}');

    expect(
      await within(tasksSection()).findByRole('checkbox', { name: 'Съездить в Угрешскую' }),
    ).toBeTruthy();
    expect(server.requests.filter((request) => request.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: tasksPath,
        body: { title: 'Съездить в Угрешскую', dueAt: new Date(2026, 10, 30, 10, 0).toISOString() },
        language: 'ru',
      },
    ]);
    expect((title as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(title);
    expect(screen.getByRole('status').textContent).toBe('Задача «Съездить в Угрешскую» добавлена.');
  });

  it('says what is wrong beside the field, from the server or before asking it', async () => {
    const server = fakeServer({
      ...caseRoutes([]),
      [`POST ${tasksPath}`]: () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Проверьте заполнение полей.',
            fields: [{ path: 'body.title', message: 'Напишите, что нужно сделать.' }],
          },
        },
      }),
    });
    const user = startApp(`/staff/cases/${caseId}`, server);
    await within(await screen.findByRole('region', { name: 'Задачи' })).findByText(
      'Задач по делу пока нет.',
    );

    await user.click(within(tasksSection()).getByRole('button', { name: 'Добавить задачу' }));
    const title = within(tasksSection()).getByLabelText('Что сделать');
    expect(await within(tasksSection()).findByText('Напишите, что нужно сделать.')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(within(tasksSection()).queryByRole('alert')).toBeNull();

    await user.clear(within(tasksSection()).getByLabelText('Срок'));
    await user.click(within(tasksSection()).getByRole('button', { name: 'Добавить задачу' }));
    expect(within(tasksSection()).getByText('Укажите срок.')).toBeTruthy();
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('ticks a task done with the space bar and reopens it, keeping the focus on it', async () => {
    let current = overdue;
    const server = fakeServer({
      ...caseRoutes([overdue, coming]),
      [`PATCH ${tasksPath}/${overdue.id}`]: (request) => {
        const { done } = request.body as { done: boolean };
        current = done
          ? {
              ...current,
              status: 'done',
              doneAt: now.toISOString(),
              doneBy: '0190b8a0-0000-7000-8000-000000000004',
            }
          : { ...current, status: 'open', doneAt: null, doneBy: null };
        const { title: _title, ...frame } = current;
        return { status: 200, body: frame };
      },
    });
    const user = startApp(`/staff/cases/${caseId}`, server);

    const box = (await screen.findByRole('checkbox', {
      name: 'Позвонить матери',
    })) as HTMLInputElement;
    box.focus();
    await user.keyboard(' ');

    expect((await screen.findByRole('status')).textContent).toBe(
      'Задача «Позвонить матери» выполнена.',
    );
    expect(box.checked).toBe(true);
    expect(document.activeElement).toBe(box);
    const due = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(due?.textContent).toBe('срок 28.11.2026 18:00 выполнено');

    await user.keyboard(' ');
    expect(await screen.findByText('Задача «Позвонить матери» снова открыта.')).toBeTruthy();
    expect(box.checked).toBe(false);
    expect(
      server.requests
        .filter((request) => request.method === 'PATCH')
        .map((request) => request.body),
    ).toEqual([{ done: true }, { done: false }]);
  });

  it('shows a refusal to tick a task and leaves it as it was', async () => {
    const refusal = 'У вас нет прав на это действие.';
    const server = fakeServer({
      ...caseRoutes([overdue]),
      [`PATCH ${tasksPath}/${overdue.id}`]: () => errorReply(403, 'FORBIDDEN', refusal),
    });
    const user = startApp(`/staff/cases/${caseId}`, server);

    await user.click(await screen.findByRole('checkbox', { name: 'Позвонить матери' }));

    expect((await within(tasksSection()).findByRole('alert')).textContent).toBe(refusal);
    expect(
      (screen.getByRole('checkbox', { name: 'Позвонить матери' }) as HTMLInputElement).checked,
    ).toBe(false);
  });

  it('speaks English', async () => {
    const server = fakeServer(caseRoutes([overdue]));
    const user = startApp(`/staff/cases/${caseId}`, server);
    await screen.findByRole('checkbox', { name: 'Позвонить матери' });
    await user.click(screen.getByRole('button', { name: 'EN' }));

    const section = screen.getByRole('region', { name: 'Tasks' });
    const box = within(section).getByRole('checkbox', { name: 'Позвонить матери' });
    expect(
      document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/^due November 28, 2026 at 6:00 PM overdue$/);
    expect(within(section).getByRole('heading', { name: 'New task' })).toBeTruthy();
    expect(within(section).getByLabelText('What is to be done')).toBeTruthy();
    expect(within(section).getByLabelText('Due')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Add task' })).toBeTruthy();
  });
});
