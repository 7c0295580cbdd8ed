import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RosterResponse } from '../api/api-client.ts';
import { type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';
import { addDays, weekStartOf } from './week.ts';

function staffMember(roles: string[]): FakeReply {
  return {
    status: 200,
    body: {
      user: {
        id: '0190b8a0-0000-7000-8000-000000000003',
        email: 'olga@example.org',
        displayName: 'Ольга Смирнова',
        roles,
      },
      organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
    },
  };
}

const lawyerId = '0190b8a0-0000-7000-8000-000000000004';
const monday = weekStartOf(new Date());
const at = (days: number, hours: number) =>
  new Date(addDays(monday, days).getTime() + hours * 3_600_000).toISOString();

const roster: RosterResponse = {
  shifts: [
    {
      id: '0190b8a0-0000-7000-8000-0000000a0001',
      userId: lawyerId,
      displayName: 'Борис Юрист',
      startsAt: at(0, 9),
      endsAt: at(0, 21),
      region: 'moscow',
    },
  ],
  gaps: [{ from: at(0, 0), to: at(0, 9) }],
  onDutyNow: [{ userId: lawyerId, displayName: 'Борис Юрист' }],
  escalationMinutes: 5,
  staff: [{ userId: lawyerId, displayName: 'Борис Юрист' }],
};
/** The organisation runs no bot: the roster says nothing about Telegram. */
const noTelegram = {
  'GET /api/v1/me/telegram': (): FakeReply => ({
    status: 200,
    body: { available: false, linked: false, linkedAt: null },
  }),
};
const rosterPath = `/api/v1/roster?${new URLSearchParams({
  from: monday.toISOString(),
  to: addDays(monday, 7).toISOString(),
}).toString()}`;

describe('duty roster', () => {
  it('shows who is on duty, the week’s shifts by day and the time nobody covers', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => staffMember(['lawyer']),
      ...noTelegram,
      [`GET ${rosterPath}`]: () => ({ status: 200, body: roster }),
    });
    startApp('/staff/roster', server);
    const onDuty = await screen.findByRole('heading', { name: 'Сейчас дежурят' });
    expect(onDuty.nextElementSibling?.textContent).toBe('Борис Юрист');
    const mondaySection = screen.getByRole('region', { name: 'Понедельник' });
    expect(within(mondaySection).getByRole('listitem').textContent).toBe(
      '09:00–21:00 Борис Юрист (moscow)',
    );
    expect(screen.getByRole('region', { name: 'Вторник' }).textContent).toContain('Нет дежурств.');
    expect(
      screen.getByRole('heading', { name: 'Непокрытое время' }).nextElementSibling?.textContent,
    ).toMatch(/ — /);
    // A lawyer reads the roster; only coordinators change it.
    expect(screen.queryByRole('button', { name: 'Добавить дежурство' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Снять с дежурства' })).toBeNull();
  });

  it('lets a coordinator put someone on duty and shows a refused end next to its field', async () => {
    const posted: unknown[] = [];
    const server = fakeServer({
      'GET /api/v1/me': () => staffMember(['coordinator']),
      ...noTelegram,
      [`GET ${rosterPath}`]: () => ({ status: 200, body: roster }),
      'POST /api/v1/roster/shifts': (request) => {
        posted.push(request.body);
        return posted.length === 1
          ? {
              status: 422,
              body: {
                error: {
                  code: 'FACTS_REFUSED',
                  message: 'Так не могло быть.',
                  fields: [
                    {
                      path: 'body.endsAt',
                      message: 'Смена должна заканчиваться позже, чем начинается.',
                    },
                  ],
                },
              },
            }
          : {
              status: 201,
              body: { ...roster.shifts[0], id: '0190b8a0-0000-7000-8000-0000000a0002' },
            };
      },
    });
    const user = startApp('/staff/roster', server);
    const form = await screen.findByRole('form', { name: 'Поставить на дежурство' });
    await user.selectOptions(within(form).getByLabelText('Сотрудник'), lawyerId);
    await user.click(within(form).getByRole('button', { name: 'Добавить дежурство' }));
    expect(
      await within(form).findByText('Смена должна заканчиваться позже, чем начинается.'),
    ).toBeTruthy();
    await user.type(within(form).getByLabelText(/Регион/), 'moscow');
    await user.click(within(form).getByRole('button', { name: 'Добавить дежурство' }));
    expect(await within(form).findByText('Дежурство добавлено.')).toBeTruthy();
    expect(posted[1]).toEqual({
      userId: lawyerId,
      startsAt: monday.toISOString(),
      endsAt: new Date(monday.getTime() + 12 * 3_600_000).toISOString(),
      region: 'moscow',
    });
  });

  it('links my Telegram for alerts with a code to send to the bot, and unlinks it', async () => {
    let linked = false;
    const linkState = (): FakeReply => ({
      status: 200,
      body: { available: true, linked, linkedAt: linked ? '2026-11-30T10:05:00.000Z' : null },
    });
    const server = fakeServer({
      'GET /api/v1/me': () => staffMember(['lawyer']),
      [`GET ${rosterPath}`]: () => ({ status: 200, body: roster }),
      'GET /api/v1/me/telegram': linkState,
      'POST /api/v1/me/telegram/link-code': () => ({
        status: 201,
        body: {
          code: 'Zx8q-code',
          command: '/link Zx8q-code',
          expiresAt: '2026-11-30T10:15:00.000Z',
        },
      }),
      'DELETE /api/v1/me/telegram': () => {
        linked = false;
        return linkState();
      },
    });
    const user = startApp('/staff/roster', server);

    await screen.findByRole('heading', { name: 'Мои вызовы в Telegram' });
    await user.click(screen.getByRole('button', { name: 'Подключить Telegram' }));
    expect((await screen.findByText('/link Zx8q-code')).tagName).toBe('CODE');
    linked = true;
    await user.click(screen.getByRole('button', { name: 'Я отправил(а), проверить' }));
    expect(await screen.findByText(/Вызовы приходят и в ваш Telegram/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Отключить Telegram' }));
    expect(await screen.findByText(/Вызовы приходят вам на почту и на доску/)).toBeTruthy();
    expect(screen.queryByText('/link Zx8q-code')).toBeNull();
  });
});
