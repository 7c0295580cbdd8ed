import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BoardResponse } from '../api/api-client.ts';
import { type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const lawyer: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000004',
      email: 'boris@example.org',
      displayName: 'Борис Юрист',
      roles: ['lawyer'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function board(alerts: boolean): BoardResponse {
  return {
    places: [
      {
        placeId: 'ugreshskaya',
        cases: [
          {
            caseId: '0190b8a0-0000-7000-8000-0000000c0001',
            caseCode: 'KX7P-M2QD',
            readerMayOpen: false,
            status: 'lawyer-refused-entry',
            detainedSince: minutesAgo(135),
            lastUpdateAt: minutesAgo(20),
            assignees: [],
          },
        ],
      },
    ],
    openAlerts: alerts
      ? [
          {
            id: '0190b8a0-0000-7000-8000-0000000a1001',
            caseId: '0190b8a0-0000-7000-8000-0000000c0001',
            caseCode: 'KX7P-M2QD',
            placeId: 'ugreshskaya',
            reason: 'detention-report',
            raisedAt: minutesAgo(3),
            paged: [
              {
                userId: '0190b8a0-0000-7000-8000-000000000004',
                displayName: 'Борис Юрист',
                pagedAt: minutesAgo(3),
              },
            ],
            pagedToReader: true,
            failedDeliveries: 1,
          },
        ]
      : [],
    readAt: new Date().toISOString(),
  };
}

describe('live board', () => {
  it('shows who is held where by case code, how long, and lets the paged lawyer take the alert', async () => {
    let taken = false;
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      'GET /api/v1/board': () => ({ status: 200, body: board(!taken) }),
      'POST /api/v1/alerts/0190b8a0-0000-7000-8000-0000000a1001/acknowledge': () => {
        taken = true;
        return {
          status: 200,
          body: {
            outcome: 'acknowledged',
            caseId: '0190b8a0-0000-7000-8000-0000000c0001',
            acknowledgedBy: '0190b8a0-0000-7000-8000-000000000004',
          },
        };
      },
    });
    const user = startApp('/staff/board', server);
    const place = await screen.findByRole('region', { name: 'ugreshskaya' });
    const [, row] = within(place).getAllByRole('row');
    expect([...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent)).toEqual([
      'KX7P-M2QD',
      'Адвоката не пускают',
      '2 ч 15 мин',
      'никто',
      '20 мин назад',
    ]);
    const alerts = screen.getByRole('heading', { name: 'Вызовы без ответа' }).parentElement;
    expect(alerts?.textContent).toContain('Вызов вам');
    expect(alerts?.textContent).toContain('Не доставлено сообщений: 1');
    await user.click(screen.getByRole('button', { name: 'Принимаю вызов' }));
    expect(await screen.findByText('Вызов принят, дело закреплено за вами.')).toBeTruthy();
    expect(await screen.findByText('Все вызовы приняты.')).toBeTruthy();
  });
});
