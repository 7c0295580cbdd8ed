import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EvaluationResponse } from '../../contracts/rules.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import { startApp, type User } from '../testing/start-app.tsx';

const anna: FakeReply = {
  status: 200,
  body: {
    user: {
      id: '0190b8a0-0000-7000-8000-000000000001',
      email: 'anna@example.org',
      displayName: 'Анна Петрова',
      roles: ['lawyer'],
    },
    organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
  },
};

/** The seed story: detained in the Moscow metro while his court appeal is pending. */
const seedFacts = {
  person: { birthDate: '2006-05-12', region: 'moscow' },
  draftDecision: { by: 'regional', madeOn: '2025-07-01' },
  appeal: { level: 'court', against: 'regional', filedDate: '2025-09-10', pending: true },
  detention: { at: '2025-10-18T09:40:00+03:00', place: 'metro', takenTo: 'conscription-centre' },
  lawyer: { refusedEntry: '2025-10-18T14:00:00+03:00', powerOfAttorney: 'notarised' },
} as const;

const record = {
  packId: 'ru-conscription',
  packVersion: 1,
  packHash: 'af2a9b3c115ea074a4b41e33ec5ba178f77c6a51e078b9bc004ddabca8108d21',
  asOf: '2025-10-18',
  choices: {},
  factsSnapshot: seedFacts,
};

type Finding = EvaluationResponse['findings'][number];

const rightToLawyer: Finding = {
  ruleId: 'PRO-01',
  versionId: 'constitution',
  outcomeId: 'right-to-lawyer',
  kind: 'right',
  title: {
    ru: 'Право на адвоката с момента задержания',
    en: 'Right to a lawyer from the moment of detention',
  },
  statement: {
    ru: 'С момента задержания он вправе пользоваться помощью адвоката.',
    en: 'From the moment of detention he may have a lawyer.',
  },
  ruleStatement: {
    ru: 'Каждый задержанный имеет право пользоваться помощью адвоката (защитника) с момента задержания (ч. 2 ст. 48 Конституции Российской Федерации).',
    en: 'Every detained person has the right to a lawyer from the moment of detention (Constitution art. 48 part 2).',
  },
  dates: [],
  sources: [
    {
      law: 'Constitution of the Russian Federation',
      article: 'art. 48 parts 1-2',
      date: '1993-12-12',
      urls: ['https://constrf.ru/razdel-1/glava-2/st-48-krf'],
    },
  ],
  confidence: 'high',
  selection: 'default',
  disputed: false,
  alternatives: [],
};

const dispatchWhileSuspended: Finding = {
  ruleId: 'APL-06',
  versionId: 'since-127-fz',
  outcomeId: 'dispatch-while-suspended',
  kind: 'ground',
  title: {
    ru: 'Приостановление решения о призыве при обжаловании',
    en: 'Suspension of the draft decision on appeal',
  },
  statement: {
    ru: 'Доставление на сборный пункт для отправки к месту службы, пока в суде оспаривается решение призывной комиссии субъекта, незаконно.',
    en: "Taking him to the assembly point for dispatch while the regional commission's decision is challenged in court is unlawful.",
  },
  ruleStatement: {
    ru: 'Оспаривание в суде решения призывной комиссии субъекта приостанавливает его выполнение до вступления в законную силу решения суда.',
    en: "A court challenge of the regional draft commission's decision suspends it until the court judgment enters into force.",
  },
  dates: [{ label: { ru: 'Дата задержания', en: 'Detained on' }, date: '2025-10-18' }],
  sources: [
    {
      law: 'Federal Law No. 53-FZ of 28.03.1998 "On Military Duty and Military Service" as amended by 127-FZ',
      article: 'art. 29 para 4',
      date: '2023-04-14',
      urls: ['https://www.kommersant.ru/doc/8498011'],
    },
  ],
  confidence: 'high',
  selection: 'default',
  disputed: true,
  alternatives: [
    {
      versionId: 'since-127-fz-any-court',
      status: 'enacted',
      effectiveFrom: '2023-04-14',
      effectiveTo: null,
      statement: {
        ru: 'По ряду публикаций, любое оспаривание решения о призыве в суде приостанавливает его выполнение.',
        en: 'Several outlets describe any court appeal as suspending the draft decision.',
      },
      confidence: 'low',
      sources: [
        {
          law: 'Press descriptions of Federal Law No. 53-FZ art. 29 para 4',
          article: 'art. 29 para 4',
          urls: ['https://holod.media/2026/03/10/prizyvnikov-nachnut-zabirat/'],
        },
      ],
    },
  ],
};

const selfReport: Finding = {
  ruleId: 'NOT-12',
  versionId: '127-fz',
  outcomeId: 'self-report-autumn',
  kind: 'advice',
  title: { ru: 'Обязанность явиться без повестки', en: 'Duty to report without a notice' },
  statement: {
    ru: 'Если повестку он не получал, он обязан сам явиться в военный комиссариат в течение двух недель со дня начала призыва.',
    en: 'If he has received no notice, he must go to the military commissariat himself within two weeks of the start of the call-up.',
  },
  ruleStatement: {
    ru: 'Гражданин, не получивший повестку, обязан в двухнедельный срок явиться в военный комиссариат.',
    en: 'A citizen who has received no notice must appear at the military commissariat within two weeks.',
  },
  dates: [{ label: { ru: 'Явиться не позднее', en: 'Appear by' }, date: '2025-10-15' }],
  sources: [
    {
      law: 'Federal Law No. 53-FZ of 28.03.1998 "On Military Duty and Military Service" as amended by 127-FZ and 412-FZ',
      article: 'art. 31 para 2.1',
      urls: ['https://24rus.ru/news/power/235967.html'],
    },
  ],
  confidence: 'medium',
  selection: 'default',
  disputed: false,
  alternatives: [],
};

type Dispute = EvaluationResponse['disputes'][number];

function evaluation(findings: Finding[], disputes: Dispute[] = []): FakeReply {
  return { status: 200, body: { record, findings, disputes } };
}

/** Raised earlier in the organisation against the version the suspension finding applies. */
const earlierDispute: Dispute = {
  id: '0190b8a0-0000-7000-8000-00000000d001',
  ruleId: 'APL-06',
  versionId: 'since-127-fz',
  note: 'Суды применяют норму и к жалобе в призывную комиссию субъекта.',
  raisedBy: '0190b8a0-0000-7000-8000-000000000009',
  raisedAt: '2025-10-16T12:00:00.000Z',
};

async function typeDate(user: User, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

function findingTitled(title: string): HTMLElement {
  const item = screen.getByRole('heading', { level: 4, name: title }).closest('li');
  if (item === null) throw new Error(`no finding titled ${title}`);
  return item;
}

function evaluations(server: ReturnType<typeof fakeServer>) {
  return server.requests.filter((request) => request.path === '/api/v1/rules/evaluate');
}

describe('legal position', () => {
  it('sends the seed story as the contract wants it and shows the findings with their sources', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () =>
        evaluation([selfReport, dispatchWhileSuspended, rightToLawyer]),
    });
    const user = startApp('/staff/', server);

    await user.click(await screen.findByRole('link', { name: 'Правовая позиция по фактам дела' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Правовая позиция');
    expect(window.location.pathname).toBe('/staff/legal-position');
    // Optional sections stay closed until ticked.
    expect(screen.queryByLabelText('Дата и время задержания')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Регион'), 'Москва');
    await typeDate(user, 'Дата рождения', '2006-05-12');

    await user.click(screen.getByRole('checkbox', { name: 'Есть решение о призыве' }));
    await user.selectOptions(
      screen.getByLabelText('Какая комиссия приняла решение'),
      'Призывная комиссия субъекта',
    );
    await typeDate(user, 'Дата решения о призыве', '2025-07-01');

    await user.click(screen.getByRole('checkbox', { name: 'Решение обжаловано' }));
    await user.selectOptions(screen.getByLabelText('Куда подана жалоба'), 'В суд');
    await user.selectOptions(
      screen.getByLabelText('Решение какой комиссии обжалуется'),
      'Призывная комиссия субъекта',
    );
    await typeDate(user, 'Дата подачи жалобы или иска', '2025-09-10');
    const pending = screen.getByRole('group', { name: 'Жалоба ещё не рассмотрена?' });
    await user.click(within(pending).getByLabelText('Да, ещё не рассмотрена'));

    await user.click(screen.getByRole('checkbox', { name: 'Было задержание' }));
    await typeDate(user, 'Дата и время задержания', '2025-10-18T09:40');
    await user.selectOptions(screen.getByLabelText('Где задержали'), 'В метро');
    await user.selectOptions(
      screen.getByLabelText('Куда доставили'),
      'В военкомат или на сборный пункт',
    );

    await user.click(
      screen.getByRole('checkbox', { name: 'Адвоката не допустили к задержанному' }),
    );
    await typeDate(user, 'Дата и время недопуска', '2025-10-18T14:00');
    await user.selectOptions(screen.getByLabelText('Доверенность адвоката'), 'Нотариальная');

    await typeDate(user, 'Дата расчёта', '2025-10-18');
    await user.click(screen.getByRole('button', { name: 'Оценить' }));

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Правовая позиция на 18.10.2025',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(evaluations(server)).toEqual([
      {
        method: 'POST',
        path: '/api/v1/rules/evaluate',
        body: { facts: seedFacts, asOf: '2025-10-18' },
        language: 'ru',
      },
    ]);

    const results = screen.getByRole('region', { name: 'Правовая позиция на 18.10.2025' });
    expect(
      within(results)
        .getAllByRole('heading', { level: 3 })
        .map((kind) => kind.textContent),
    ).toEqual(['Права', 'Основания для жалобы', 'Советы']);

    const lawyer = findingTitled('Право на адвоката с момента задержания');
    expect(
      within(lawyer).getByText('Constitution of the Russian Federation, art. 48 parts 1-2'),
    ).toBeTruthy();
    expect(within(lawyer).getByText('высокая уверенность')).toBeTruthy();
    expect(within(lawyer).queryByText('спорная норма')).toBeNull();
    const link = within(lawyer).getByRole('link', { name: /constrf\.ru/ });
    expect(link.getAttribute('href')).toBe('https://constrf.ru/razdel-1/glava-2/st-48-krf');
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');

    const advice = findingTitled('Обязанность явиться без повестки');
    expect(within(advice).getByText('средняя уверенность').className).toContain('badge');
    expect(within(advice).getByText('Явиться не позднее')).toBeTruthy();
    expect(within(advice).getByText('15.10.2025').getAttribute('datetime')).toBe('2025-10-15');
    expect(within(advice).getByText(/art\. 31 para 2\.1/)).toBeTruthy();

    const suspension = findingTitled('Приостановление решения о призыве при обжаловании');
    expect(within(suspension).getByText('спорная норма')).toBeTruthy();
    expect(within(suspension).getByText('Другая редакция (1)')).toBeTruthy();
    expect(within(suspension).getByText(/любое оспаривание решения о призыве/)).toBeTruthy();
    expect(within(suspension).getByText('низкая уверенность')).toBeTruthy();

    expect(
      within(results).getByText(/^Расчёт по пакету правил ru-conscription v1 · на 18\.10\.2025/)
        .textContent,
    ).toContain(record.packHash);
  });

  it('shows a field the server refused next to that field', async () => {
    const message = 'Дата явки не может быть раньше размещения повестки в реестре.';
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Проверьте заполнение полей.',
            fields: [{ path: 'body.facts.notice.appearanceDate', message }],
          },
        },
      }),
    });
    const user = startApp('/staff/legal-position', server);

    await user.click(await screen.findByRole('checkbox', { name: 'Была повестка' }));
    await user.click(screen.getByLabelText('Электронная'));
    await typeDate(user, 'Дата размещения в реестре повесток', '2025-10-01');
    await typeDate(user, 'Дата поступления в личный кабинет', '2025-10-02');
    await typeDate(user, 'Дата явки по повестке', '2025-10-10');
    await typeDate(user, 'Дата расчёта', '2025-10-18');
    await user.click(screen.getByRole('button', { name: 'Оценить' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Проверьте заполнение полей.');
    const appearance = screen.getByLabelText('Дата явки по повестке');
    expect(appearance.getAttribute('aria-invalid')).toBe('true');
    const description = document.getElementById(appearance.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(message);
    expect(document.activeElement).toBe(appearance);
    expect(evaluations(server)[0]?.body).toEqual({
      facts: {
        notice: {
          kind: 'electronic',
          postedToRegister: '2025-10-01',
          personalAccountDelivered: '2025-10-02',
          appearanceDate: '2025-10-10',
        },
      },
      asOf: '2025-10-18',
    });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('checks required and impossible facts before asking the server', async () => {
    const server = fakeServer({ 'GET /api/v1/me': () => anna });
    const user = startApp('/staff/legal-position', server);

    await user.click(await screen.findByRole('checkbox', { name: 'Было задержание' }));
    await user.click(screen.getByRole('button', { name: 'Оценить' }));

    const detainedAt = screen.getByLabelText('Дата и время задержания');
    expect(detainedAt.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(detainedAt);
    expect(screen.getAllByText('Заполните это поле.')).toHaveLength(3);

    await user.click(screen.getByRole('checkbox', { name: 'Было задержание' }));
    await user.click(screen.getByRole('checkbox', { name: 'Была повестка' }));
    await user.click(screen.getByLabelText('Бумажная'));
    await typeDate(user, 'Дата размещения в реестре повесток', '2025-10-10');
    await typeDate(user, 'Дата явки по повестке', '2025-10-01');
    await user.click(screen.getByRole('button', { name: 'Оценить' }));

    expect(
      screen.getByText('Дата явки не может быть раньше размещения повестки в реестре.'),
    ).toBeTruthy();
    expect(screen.queryByText('Заполните это поле.')).toBeNull();
    expect(evaluations(server)).toEqual([]);
  });

  it('shows a finding in English, with the date in English', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () => evaluation([selfReport]),
    });
    const user = startApp('/staff/legal-position', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Legal position');
    await user.selectOptions(screen.getByLabelText('Region'), 'Moscow');
    await user.clear(screen.getByLabelText('Evaluation date'));
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Legal position as of October 18, 2025',
    });
    expect(document.activeElement).toBe(heading);
    // Without a date the server evaluates as of today in Moscow.
    expect(evaluations(server)[0]).toMatchObject({
      body: { facts: { person: { region: 'moscow' } } },
      language: 'en',
    });
    expect(evaluations(server)[0]?.body).not.toHaveProperty('asOf');
    const advice = findingTitled('Duty to report without a notice');
    expect(within(advice).getByText(/^If he has received no notice/)).toBeTruthy();
    expect(within(advice).getByText('medium confidence')).toBeTruthy();
    expect(within(advice).getByText('Appear by')).toBeTruthy();
    expect(within(advice).getByText('October 15, 2025')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Advice');
    expect(
      screen.getByText(/^Calculated with rule pack ru-conscription v1 · as of October 18, 2025/),
    ).toBeTruthy();
  });

  it('keeps other failures in the alert', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () =>
        errorReply(401, 'UNAUTHENTICATED', 'Нужно войти в систему.'),
    });
    const user = startApp('/staff/legal-position', server);

    await user.click(await screen.findByRole('button', { name: 'Оценить' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Нужно войти в систему.');
    expect(screen.getByRole('button', { name: 'Оценить' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows the organisation’s disputes of a rule and records a new one under its finding', async () => {
    const note = 'Норма не учитывает доставление в отдел полиции.';
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () =>
        evaluation([rightToLawyer, dispatchWhileSuspended], [earlierDispute]),
      'POST /api/v1/rules/disputes': () => ({
        status: 201,
        body: { disputeId: '0190b8a0-0000-7000-8000-00000000d002' },
      }),
    });
    const user = startApp('/staff/legal-position', server);
    await user.click(await screen.findByRole('button', { name: 'Оценить' }));

    await screen.findByRole('region');
    const suspension = findingTitled('Приостановление решения о призыве при обжаловании');
    expect(
      within(suspension).getByText(
        /^Оспорено юристом организации: «Суды применяют норму и к жалобе/,
      ).textContent,
    ).toContain('16.10.2025');
    const lawyer = findingTitled('Право на адвоката с момента задержания');
    expect(within(lawyer).queryByText(/Оспорено юристом организации/)).toBeNull();

    const open = within(lawyer).getByRole('button', { name: 'Оспорить' });
    await user.click(open);
    const field = within(lawyer).getByLabelText(
      'Почему эта норма неверна? Без персональных данных',
    );
    expect(document.activeElement).toBe(field);
    // An empty objection is not sent.
    await user.click(within(lawyer).getByRole('button', { name: 'Отправить' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.type(field, `  ${note} `);
    await user.click(within(lawyer).getByRole('button', { name: 'Отправить' }));

    expect(
      await within(lawyer).findByText(`Оспорено юристом организации: «${note}»`, {
        exact: false,
      }),
    ).toBeTruthy();
    expect(server.requests.filter((request) => request.path === '/api/v1/rules/disputes')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/rules/disputes',
        body: { ruleId: 'PRO-01', versionId: 'constitution', note },
        language: 'ru',
      },
    ]);
    expect(within(lawyer).queryByRole('textbox')).toBeNull();
    expect(within(lawyer).getByRole('status').textContent).toBe('Возражение записано.');
    expect(document.activeElement).toBe(open);
    // The other finding keeps only its own dispute, and nothing was evaluated again.
    expect(within(suspension).getAllByText(/Оспорено юристом организации/)).toHaveLength(1);
    expect(evaluations(server)).toHaveLength(1);
  });

  it('shows the server’s refusal to record a dispute and keeps the note', async () => {
    const refusal = 'Оспаривать правила могут юристы, координаторы и администраторы.';
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () => evaluation([selfReport]),
      'POST /api/v1/rules/disputes': () => errorReply(403, 'FORBIDDEN', refusal),
    });
    const user = startApp('/staff/legal-position', server);
    await user.click(await screen.findByRole('button', { name: 'Оценить' }));

    await screen.findByRole('region');
    const advice = findingTitled('Обязанность явиться без повестки');
    await user.click(within(advice).getByRole('button', { name: 'Оспорить' }));
    await user.type(within(advice).getByRole('textbox'), 'Срок считается иначе.');
    await user.click(within(advice).getByRole('button', { name: 'Отправить' }));

    expect((await within(advice).findByRole('alert')).textContent).toBe(refusal);
    expect((within(advice).getByRole('textbox') as HTMLTextAreaElement).value).toBe(
      'Срок считается иначе.',
    );
    expect(within(advice).queryByText(/Оспорено юристом организации/)).toBeNull();
  });

  it('offers to dispute a finding in English', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => anna,
      'POST /api/v1/rules/evaluate': () => evaluation([selfReport]),
    });
    const user = startApp('/staff/legal-position', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));

    await screen.findByRole('region');
    const advice = findingTitled('Duty to report without a notice');
    await user.click(within(advice).getByRole('button', { name: 'Dispute' }));
    expect(within(advice).getByLabelText('Why is this rule wrong? No personal data')).toBeTruthy();
    await user.click(within(advice).getByRole('button', { name: 'Cancel' }));
    expect(within(advice).queryByRole('textbox')).toBeNull();
  });
});
