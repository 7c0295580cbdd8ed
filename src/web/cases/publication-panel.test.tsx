import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../api/api-client.ts';
import { buildCaseFile, minimalHotline } from '../testing/case-fixtures.ts';
import { casePageRoutes } from '../testing/case-page-routes.ts';
import { type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const caseId = '0190b8a0-0000-7000-8000-0000000c0007';
const casePath = `/api/v1/cases/${caseId}`;

function me(roles: string[]): FakeReply {
  return {
    status: 200,
    body: {
      user: {
        id: '0190b8a0-0000-7000-8000-000000000004',
        email: 'anna@example.org',
        displayName: 'Анна Координатор',
        roles,
      },
      organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
    },
  };
}

const caseFile: CaseFile = buildCaseFile({
  id: caseId,
  status: 'closed',
  assigneeIds: ['0190b8a0-0000-7000-8000-000000000004'],
  createdAt: new Date(2026, 10, 20, 9, 0).toISOString(),
});

const hotline = minimalHotline;

function routes(roles: string[]) {
  return {
    'GET /api/v1/me': () => me(roles),
    'GET /api/v1/questionnaires/hotline': (): FakeReply => ({ status: 200, body: hotline }),
    [`GET ${casePath}`]: (): FakeReply => ({ status: 200, body: caseFile }),
    ...casePageRoutes(caseFile.id),
    [`PUT ${casePath}/publication`]: (): FakeReply => ({
      status: 200,
      body: {
        publishable: true,
        changedAt: new Date(2026, 10, 29, 10, 0).toISOString(),
        changedBy: '0190b8a0-0000-7000-8000-000000000004',
      },
    }),
  };
}

describe('publication consent on the case page', () => {
  it('lets a coordinator count a closed case in public statistics', async () => {
    const server = fakeServer(routes(['coordinator']));
    const user = startApp(`/staff/cases/${caseId}`, server);
    const section = await screen.findByRole('region', { name: 'Публичная статистика' });
    await within(section).findByText('Дело не учитывается в публичной статистике.');
    await user.click(within(section).getByRole('button', { name: 'Учитывать в статистике' }));
    await within(section).findByText(/^Дело учитывается в публичной статистике\./);
    expect(within(section).getByRole('button', { name: 'Не учитывать в статистике' })).toBeTruthy();
    expect(server.requests.find((request) => request.method === 'PUT')).toMatchObject({
      path: `${casePath}/publication`,
      body: { publishable: true },
    });
  });

  it('shows a lawyer whether the case counts, without the choice', async () => {
    const server = fakeServer(routes(['lawyer']));
    startApp(`/staff/cases/${caseId}`, server);
    const section = await screen.findByRole('region', { name: 'Публичная статистика' });
    await within(section).findByText('Дело не учитывается в публичной статистике.');
    expect(within(section).queryByRole('button')).toBeNull();
  });
});
