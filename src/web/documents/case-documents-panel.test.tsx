import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseDocument, CaseFile } from '../api/api-client.ts';
import { buildCaseFile, minimalHotline } from '../testing/case-fixtures.ts';
import { casePageRoutes } from '../testing/case-page-routes.ts';
import {
  buildCaseDocument,
  documentRoutes,
  lawyerAccessTemplate,
} from '../testing/document-fixtures.ts';
import { type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp } from '../testing/start-app.tsx';

const lawyerId = '0190b8a0-0000-7000-8000-000000000004';
const caseId = '0190b8a0-0000-7000-8000-0000000c0003';
const casePath = `/api/v1/cases/${caseId}`;

const me: FakeReply = {
  status: 200,
  body: {
    user: {
      id: lawyerId,
      email: 'ivan@example.org',
      displayName: 'Иван Петров',
      roles: ['lawyer'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

const caseFile: CaseFile = buildCaseFile({
  id: caseId,
  assigneeIds: [lawyerId],
});

const hotline = minimalHotline;

function routes(documents: CaseDocument[], extra: Record<string, () => FakeReply> = {}) {
  return {
    'GET /api/v1/me': () => me,
    'GET /api/v1/questionnaires/hotline': (): FakeReply => ({ status: 200, body: hotline }),
    [`GET ${casePath}`]: (): FakeReply => ({ status: 200, body: caseFile }),
    ...casePageRoutes(caseId),
    ...documentRoutes(caseId, documents),
    ...extra,
  };
}

async function documentsSection(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Документы' });
}

describe('the documents of a case', () => {
  it('fills a template from the case, names what is missing, and generates the document', async () => {
    const generated = buildCaseDocument(caseId, {});
    const server = fakeServer(
      routes([], {
        [`GET ${casePath}/documents/prepare?kind=lawyer-access-complaint`]: () => ({
          status: 200,
          body: {
            kind: 'lawyer-access-complaint',
            version: 1,
            values: {
              'applicant.fullName': 'Примеров Иван Сергеевич',
              grounds: 'Ст. 48 Конституции.',
            },
            problems: [{ field: 'refusal.date', message: { ru: 'Не заполнено', en: 'Missing' } }],
          },
        }),
        [`POST ${casePath}/documents`]: () => ({ status: 201, body: generated }),
      }),
    );
    const user = startApp(`/staff/cases/${caseId}`, server);
    const section = await documentsSection();
    await within(section).findByText('По делу ещё нет документов.');

    await user.selectOptions(
      within(section).getByLabelText('Вид документа'),
      'lawyer-access-complaint',
    );
    await user.click(within(section).getByRole('button', { name: 'Заполнить из дела' }));

    const missing = await within(section).findByText('Не заполнено 1 обязательное поле:');
    expect(missing.parentElement?.textContent).toContain('Дата недопуска представителя');
    expect((within(section).getByLabelText('ФИО призывника *') as HTMLInputElement).value).toBe(
      'Примеров Иван Сергеевич',
    );
    await user.type(within(section).getByLabelText('Дата недопуска представителя *'), '2025-10-18');
    await within(section).findByText(/Все обязательные поля заполнены/u);
    await user.click(
      within(section).getByRole('button', { name: 'Создать документ (DOCX и PDF)' }),
    );

    await within(section).findByRole('heading', { name: lawyerAccessTemplate.title.ru, level: 3 });
    const posted = server.requests.find((request) => request.method === 'POST');
    expect(posted?.body).toEqual({
      kind: 'lawyer-access-complaint',
      values: {
        'applicant.fullName': 'Примеров Иван Сергеевич',
        grounds: 'Ст. 48 Конституции.',
        'refusal.date': '2025-10-18',
      },
    });
    expect(within(section).getByText('Черновик: ещё не отправлен.')).toBeTruthy();
  });

  it('marks a draft sent and shows its answer due date', async () => {
    const drafted = buildCaseDocument(caseId, {});
    const sent = buildCaseDocument(caseId, {
      status: 'sent',
      stage: 'answer-due',
      sentOn: '2026-11-29',
      sentVia: 'online-reception',
      receivedOn: '2026-11-29',
      answerDue: '2027-01-01',
    });
    const server = fakeServer(
      routes([drafted], {
        [`POST ${casePath}/documents/${drafted.id}/tracking`]: () => ({ status: 200, body: sent }),
      }),
    );
    const user = startApp(`/staff/cases/${caseId}`, server);
    const section = await documentsSection();
    await user.selectOptions(
      await within(section).findByLabelText('Как отправлен'),
      'online-reception',
    );
    await user.click(within(section).getByRole('button', { name: 'Отметить отправленным' }));

    await within(section).findByText('01.01.2027');
    expect(section.textContent).toContain('Ответ не позднее');
    expect(server.requests.at(-1)?.body).toMatchObject({ step: 'sent', via: 'online-reception' });
  });

  it('records the registration date of a sent document, then offers the notice of extension', async () => {
    const sent = buildCaseDocument(caseId, {
      status: 'sent',
      stage: 'answer-due',
      sentOn: '2026-11-20',
      sentVia: 'post',
      receivedOn: '2026-11-24',
      answerDue: '2026-12-27',
    });
    const registered = { ...sent, registeredOn: '2026-11-25', answerDue: '2026-12-25' };
    const server = fakeServer(
      routes([sent], {
        [`POST ${casePath}/documents/${sent.id}/tracking`]: () => ({
          status: 200,
          body: registered,
        }),
      }),
    );
    const user = startApp(`/staff/cases/${caseId}`, server);
    const section = await documentsSection();
    const date = await within(section).findByLabelText('Дата регистрации у адресата');
    await user.clear(date);
    await user.type(date, '2026-11-25');
    await user.click(within(section).getByRole('button', { name: 'Записать дату регистрации' }));

    await within(section).findByText('25.12.2026');
    expect(server.requests.at(-1)?.body).toEqual({
      step: 'registered',
      registeredOn: '2026-11-25',
    });
    expect(
      within(section).getByRole('button', { name: 'Адресат продлил срок (уведомление получено)' }),
    ).toBeTruthy();
  });

  it('flags an overdue document with the complaint to send next', async () => {
    const overdue = buildCaseDocument(caseId, {
      status: 'sent',
      stage: 'overdue',
      sentOn: '2026-09-01',
      sentVia: 'post',
      answerDue: '2026-10-04',
      followUp: { ru: 'Ответ не дан в срок: подайте жалобу.', en: 'No answer in time.' },
    });
    startApp(`/staff/cases/${caseId}`, fakeServer(routes([overdue])));
    const section = await documentsSection();
    await within(section).findByText('Срок ответа истёк.');
    expect(within(section).getByText('Ответ не дан в срок: подайте жалобу.')).toBeTruthy();
    await waitFor(() =>
      expect(within(section).getByRole('button', { name: 'Скачать PDF' })).toBeTruthy(),
    );
  });
});
