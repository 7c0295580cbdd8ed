import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlaceResponse } from '../../contracts/places.ts';
import type { TimelineEventResponse } from '../../contracts/timeline.ts';
import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import { type PlaceKind, placeKinds } from '../../domain/places/place.ts';
import type { CaseFile } from '../api/api-client.ts';
import { documentRoutes } from '../testing/document-fixtures.ts';
import { type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const lawyer: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000004',
      email: 'lawyer@example.org',
      displayName: 'Анна Юрьевна',
      roles: ['lawyer'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

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
          required: false,
          dataClass: 'operational',
          id: 'situation',
          kind: 'choice',
          label: { ru: 'Что случилось?', en: 'What happened?' },
          options: [
            { value: 'detained', label: { ru: 'Задержали', en: 'Detained' } },
            { value: 'other', label: { ru: 'Другое', en: 'Other' } },
          ],
        },
      ],
    },
  ],
};

const detainedAt = new Date(2026, 10, 20, 8, 0).toISOString();

const detained: TimelineEventResponse = {
  id: '0190b8a0-0000-7000-8000-0000000f0001',
  kind: 'detained',
  occurredAt: detainedAt,
  placeId: null,
  powerOfAttorney: null,
  note: null,
  recordedBy: lawyer.body ? '0190b8a0-0000-7000-8000-000000000004' : null,
  recordedAt: detainedAt,
};

const caseFile: CaseFile = {
  id: '0190b8a0-0000-7000-8000-0000000c0001',
  status: 'open',
  assigneeIds: ['0190b8a0-0000-7000-8000-000000000004'],
  createdAt: detainedAt,
  persons: [],
  report: null,
  laterReports: [],
  mergedInto: null,
  likelyDuplicates: [],
  timeline: [detained],
  custody: {
    status: 'detained',
    since: detainedAt,
    detainedAtPlaceId: null,
    heldAtPlaceId: null,
    lastUpdateAt: detainedAt,
  },
  draftMatter: { deferments: [], appeals: [] },
  facts: {},
};
const casePath = `/api/v1/cases/${caseFile.id}`;

const centre: PlaceResponse = {
  id: '0190b8a0-0000-7000-8000-0000000a0001',
  kind: 'conscription-centre',
  nameRu: 'Сборный пункт на Угрешской улице',
  nameEn: 'Assembly point on Ugreshskaya Street',
  addressRu: null,
  location: null,
  metroLines: [],
  verified: false,
  confirmedBy: null,
  confirmedAt: null,
  sourceKey: null,
  createdAt: detainedAt,
  updatedAt: detainedAt,
};

/** The paths the place picker and the timeline ask for places by. */
function placeRoutes(places: PlaceResponse[]) {
  const path = (kinds: readonly PlaceKind[]) =>
    `GET /api/v1/places?${placeKinds
      .filter((kind) => kinds.includes(kind))
      .map((kind) => `kind=${kind}`)
      .join('&')}`;
  const body = { status: 200, body: { places } };
  return {
    'GET /api/v1/places': () => body,
    [path(['conscription-centre', 'police-station', 'other'])]: () => body,
  };
}

describe('draft matter', () => {
  it('saves the decision and an appeal, and shows a refused date next to its field', async () => {
    const saved: unknown[] = [];
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      'GET /api/v1/questionnaires/hotline': () => ({ status: 200, body: hotline }),
      [`GET ${casePath}`]: () => ({ status: 200, body: caseFile }),
      ...documentRoutes(caseFile.id),
      [`GET ${casePath}/tasks`]: () => ({ status: 200, body: { tasks: [] } }),
      [`GET ${casePath}/evidence`]: () => ({ status: 200, body: { items: [] } }),
      ...placeRoutes([centre]),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`PUT ${casePath}/draft-matter`]: (request) => {
        saved.push(request.body);
        return saved.length === 1
          ? {
              status: 422,
              body: {
                error: {
                  code: 'FACTS_REFUSED',
                  message: 'Так не могло быть: проверьте даты и порядок событий.',
                  fields: [
                    {
                      path: 'body.appeals.0.filedDate',
                      message: 'Обжаловать решение раньше, чем оно принято, нельзя.',
                    },
                  ],
                },
              },
            }
          : { status: 204 };
      },
    });
    const user = startApp(`/staff/cases/${caseFile.id}`, server);

    const panel = within(await screen.findByRole('region', { name: 'Призыв' }));
    await user.selectOptions(panel.getByLabelText('Какая комиссия'), 'municipal');
    await user.type(panel.getByLabelText('Дата решения'), '2026-10-01');
    await user.click(panel.getByRole('button', { name: 'Добавить жалобу или иск' }));
    await user.type(panel.getByLabelText('Дата подачи'), '2026-09-01');
    await user.type(panel.getByLabelText('Номер дела'), '2а-1234/2026');
    await user.click(panel.getByRole('button', { name: 'Сохранить' }));

    expect(
      await panel.findByText('Обжаловать решение раньше, чем оно принято, нельзя.'),
    ).toBeTruthy();
    expect(saved[0]).toMatchObject({
      draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
      appeals: [
        expect.objectContaining({
          level: 'court',
          filedDate: '2026-09-01',
          caseNumber: '2а-1234/2026',
        }),
      ],
    });

    await user.clear(panel.getByLabelText('Дата подачи'));
    await user.type(panel.getByLabelText('Дата подачи'), '2026-10-10');
    await user.click(panel.getByRole('button', { name: 'Сохранить' }));
    expect(await panel.findByText('Сохранено.')).toBeTruthy();
    expect(saved[1]).toMatchObject({
      appeals: [expect.objectContaining({ filedDate: '2026-10-10' })],
    });
  });
});

describe('legal position of a case', () => {
  it('opens the legal position with the case’s facts already filled in', async () => {
    const withFacts: CaseFile = {
      ...caseFile,
      facts: {
        appeal: { level: 'court', against: 'municipal', filedDate: '2026-10-10', pending: true },
        lawyer: { refusedEntry: '2026-11-20T14:05:00+03:00', powerOfAttorney: 'notarised' },
      },
    };
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      'GET /api/v1/questionnaires/hotline': () => ({ status: 200, body: hotline }),
      [`GET ${casePath}`]: () => ({ status: 200, body: withFacts }),
      ...documentRoutes(caseFile.id),
      [`GET ${casePath}/tasks`]: () => ({ status: 200, body: { tasks: [] } }),
      [`GET ${casePath}/evidence`]: () => ({ status: 200, body: { items: [] } }),
      ...placeRoutes([centre]),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
    });
    const user = startApp(`/staff/cases/${caseFile.id}`, server);

    await screen.findByRole('region', { name: 'Хронология' });
    await user.click(screen.getByRole('link', { name: 'Правовая позиция' }));
    expect(window.location.pathname).toBe('/staff/legal-position');
    expect((await screen.findByDisplayValue('2026-10-10')).getAttribute('type')).toBe('date');
    expect(screen.getByDisplayValue('2026-11-20T14:05')).toBeTruthy();
  });
});

describe('case timeline', () => {
  it('records a refused lawyer in two clicks, with the power of attorney, and shows it', async () => {
    let current = caseFile;
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      'GET /api/v1/questionnaires/hotline': () => ({ status: 200, body: hotline }),
      [`GET ${casePath}`]: () => ({ status: 200, body: current }),
      ...documentRoutes(caseFile.id),
      [`GET ${casePath}/tasks`]: () => ({ status: 200, body: { tasks: [] } }),
      [`GET ${casePath}/evidence`]: () => ({ status: 200, body: { items: [] } }),
      ...placeRoutes([centre]),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`POST ${casePath}/timeline`]: (request) => {
        const body = request.body as {
          occurredAt: string;
          note: string | null;
          placeId: string | null;
        };
        const recorded: TimelineEventResponse = {
          ...detained,
          id: '0190b8a0-0000-7000-8000-0000000f0002',
          kind: 'lawyer-refused-entry',
          occurredAt: body.occurredAt,
          powerOfAttorney: 'notarised',
          placeId: body.placeId,
          note: body.note,
        };
        current = {
          ...current,
          timeline: [...current.timeline, recorded],
          custody: current.custody && { ...current.custody, status: 'lawyer-refused-entry' },
        };
        return { status: 201, body: recorded };
      },
    });
    const user = startApp(`/staff/cases/${caseFile.id}`, server);

    const quick = await screen.findByRole('group', { name: 'Отметить событие' });
    expect(screen.getByText(/^Задержан · задержан/)).toBeTruthy();
    await user.click(within(quick).getByRole('button', { name: 'Адвоката не пустили' }));
    const form = screen.getByRole('form', { name: 'Новое событие' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Что произошло'));
    await user.type(within(form).getByRole('combobox', { name: 'Место' }), 'Угреш');
    await user.click(await within(form).findByRole('option', { name: /Угрешской/ }));
    await user.selectOptions(within(form).getByLabelText('Доверенность'), 'notarised');
    await user.type(within(form).getByLabelText('Заметка'), 'Дежурный не принял доверенность');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByText('Событие добавлено в хронологию.')).toBeTruthy();
    const sent = server.requests.find((request) => request.path === `${casePath}/timeline`);
    expect(sent?.body).toMatchObject({
      kind: 'lawyer-refused-entry',
      powerOfAttorney: 'notarised',
      placeId: centre.id,
      note: 'Дежурный не принял доверенность',
    });
    const sentAt = new Date(
      (sent?.body as { occurredAt: string } | undefined)?.occurredAt ?? 0,
    ).getTime();
    expect(Math.abs(sentAt - Date.now())).toBeLessThan(2 * 60_000);

    const events = within(screen.getByRole('list', { name: 'Хронология' }));
    expect(events.getByText('Адвоката не пустили')).toBeTruthy();
    expect(events.getByText('· Сборный пункт на Угрешской улице')).toBeTruthy();
    expect(events.getByText('Дежурный не принял доверенность')).toBeTruthy();
    expect(screen.getByText(/^Адвоката не пускают · задержан/)).toBeTruthy();
  });

  it('shows the server’s reason next to the time and keeps what was typed', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => lawyer,
      'GET /api/v1/questionnaires/hotline': () => ({ status: 200, body: hotline }),
      [`GET ${casePath}`]: () => ({ status: 200, body: caseFile }),
      ...documentRoutes(caseFile.id),
      [`GET ${casePath}/tasks`]: () => ({ status: 200, body: { tasks: [] } }),
      [`GET ${casePath}/evidence`]: () => ({ status: 200, body: { items: [] } }),
      ...placeRoutes([centre]),
      [`GET ${casePath}/alerts`]: () => ({ status: 200, body: [] }),
      [`GET ${casePath}/publication`]: () => ({
        status: 200,
        body: { publishable: false, changedAt: null, changedBy: null },
      }),
      [`POST ${casePath}/timeline`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'FACTS_REFUSED',
            message: 'Так не могло быть: проверьте даты и порядок событий.',
            fields: [
              { path: 'body.occurredAt', message: 'Это событие не может быть раньше задержания.' },
            ],
          },
        },
      }),
    });
    const user = startApp(`/staff/cases/${caseFile.id}`, server);

    await user.click(await screen.findByRole('button', { name: 'Доставлен в другое место' }));
    const form = screen.getByRole('form', { name: 'Новое событие' });
    await user.type(within(form).getByLabelText('Заметка'), 'Увезли на Угрешскую');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    const when = within(form).getByLabelText('Когда');
    expect(
      await within(form).findByText('Это событие не может быть раньше задержания.'),
    ).toBeTruthy();
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect((within(form).getByLabelText('Заметка') as HTMLTextAreaElement).value).toBe(
      'Увезли на Угрешскую',
    );
  });
});
