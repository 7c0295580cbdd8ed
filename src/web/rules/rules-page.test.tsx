import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RuleSettingsResponse } from '../../contracts/rules.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
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

const suspension: RuleSettingsResponse['rules'][number] = {
  ruleId: 'APL-06',
  title: {
    ru: 'Приостановление решения о призыве при обжаловании',
    en: 'Suspension of the draft decision on appeal',
  },
  defaultVersion: 'since-127-fz',
  versions: [
    {
      versionId: 'since-127-fz',
      status: 'enacted',
      effectiveFrom: '2023-04-14',
      effectiveTo: null,
      statement: {
        ru: 'Оспаривание в суде решения призывной комиссии субъекта приостанавливает его выполнение.',
        en: "A court challenge of the regional commission's decision suspends it.",
      },
      confidence: 'high',
      sources: [
        {
          law: 'Federal Law No. 53-FZ as amended by 127-FZ',
          article: 'art. 29 para 4',
          date: '2023-04-14',
          urls: ['https://www.kommersant.ru/doc/8498011'],
        },
      ],
    },
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

const rightToLawyer: RuleSettingsResponse['rules'][number] = {
  ruleId: 'PRO-01',
  title: {
    ru: 'Право на адвоката с момента задержания',
    en: 'Right to a lawyer from the moment of detention',
  },
  defaultVersion: null,
  versions: [
    {
      versionId: 'constitution',
      status: 'enacted',
      effectiveFrom: null,
      effectiveTo: null,
      statement: {
        ru: 'Каждый задержанный имеет право пользоваться помощью адвоката с момента задержания.',
        en: 'Every detained person has the right to a lawyer from the moment of detention.',
      },
      confidence: 'high',
      sources: [
        {
          law: 'Constitution of the Russian Federation',
          article: 'art. 48 parts 1-2',
          urls: ['https://constrf.ru/razdel-1/glava-2/st-48-krf'],
        },
      ],
    },
  ],
};

const settings: RuleSettingsResponse = {
  pack: {
    packId: 'ru-conscription',
    packVersion: 1,
    packHash: 'af2a9b3c115ea074a4b41e33ec5ba178f77c6a51e078b9bc004ddabca8108d21',
    title: { ru: 'Призыв на военную службу', en: 'Conscription' },
  },
  rules: [suspension, rightToLawyer],
  choices: [],
  disputes: [
    {
      id: '0190b8a0-0000-7000-8000-00000000d001',
      ruleId: 'APL-06',
      versionId: 'since-127-fz-any-court',
      note: 'Публикации пересказывают закон неточно.',
      raisedBy: '0190b8a0-0000-7000-8000-000000000001',
      raisedAt: '2025-10-16T12:00:00.000Z',
    },
  ],
};

function ruleTitled(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

function puts(server: ReturnType<typeof fakeServer>) {
  return server.requests.filter((request) => request.method === 'PUT');
}

describe('rules', () => {
  it('lists the pack’s rules with their versions and saves the version the organisation applies', async () => {
    let current = settings;
    const note = 'Верховный суд пока не высказался.';
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/rules/settings': () => ({ status: 200, body: current }),
      'PUT /api/v1/rules/choices/APL-06': ({ body }) => {
        const { choice, note } = body as { choice: string | null; note: string | null };
        current = {
          ...settings,
          choices:
            choice === null
              ? []
              : [{ ruleId: 'APL-06', choice, note, setBy: 'x', setAt: '2025-10-18T12:00:00Z' }],
        };
        return { status: 204 };
      },
    });
    const user = startApp('/staff/', server);

    await user.click(await screen.findByRole('link', { name: 'Правила' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Правила');
    expect(window.location.pathname).toBe('/staff/rules');
    expect(await screen.findByText('Призыв на военную службу')).toBeTruthy();
    expect(screen.getByText('ru-conscription v1')).toBeTruthy();
    const hash = screen.getByText('af2a9b3c115e');
    expect(hash.getAttribute('title')).toContain(settings.pack.packHash);

    const rule = ruleTitled('Приостановление решения о призыве при обжаловании');
    expect(within(rule).getByText('APL-06')).toBeTruthy();
    const versions = within(rule)
      .getAllByRole('listitem')
      .filter((item) => {
        return item.classList.contains('rule-version');
      });
    expect(versions).toHaveLength(2);
    const [official, press] = versions as [HTMLElement, HTMLElement];
    expect(within(official).getByText('since-127-fz')).toBeTruthy();
    expect(official.textContent).toContain('в силе');
    expect(official.textContent).toContain('действует с 14.04.2023');
    expect(within(official).getByText('высокая уверенность')).toBeTruthy();
    expect(within(official).queryByText(/Оспорено/)).toBeNull();
    expect(within(press).getByText('низкая уверенность').className).toContain('badge');
    expect(within(press).getByText(/любое оспаривание решения о призыве/)).toBeTruthy();
    const link = within(press).getByRole('link', { name: /holod\.media/ });
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');
    expect(
      within(press).getByText(/^Оспорено юристом организации: «Публикации пересказывают/)
        .textContent,
    ).toContain('16.10.2025');
    expect(within(rule).getByText('по умолчанию: since-127-fz')).toBeTruthy();

    // One version: nothing to choose.
    const single = ruleTitled('Право на адвоката с момента задержания');
    expect(within(single).queryByRole('combobox')).toBeNull();
    expect(within(single).getByText('по умолчанию: constitution')).toBeTruthy();

    const select = within(rule).getByRole('combobox', { name: 'Какую редакцию применять' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'по умолчанию',
      'since-127-fz — в силе',
      'since-127-fz-any-court — в силе',
      'на рассмотрении',
    ]);
    await user.selectOptions(select, 'since-127-fz-any-court — в силе');
    await user.type(within(rule).getByLabelText('Примечание (необязательно)'), note);
    await user.click(within(rule).getByRole('button', { name: 'Сохранить' }));

    expect((await within(rule).findByRole('status')).textContent).toBe('Выбор сохранён.');
    expect(puts(server)).toEqual([
      {
        method: 'PUT',
        path: '/api/v1/rules/choices/APL-06',
        body: { choice: 'since-127-fz-any-court', note },
        language: 'ru',
      },
    ]);
    expect(within(rule).getByText('since-127-fz-any-court — выбор организации')).toBeTruthy();
    expect(within(rule).getByText('Выбрано 18.10.2025')).toBeTruthy();
    expect(within(rule).getByText(`Примечание: ${note}`)).toBeTruthy();
    const gets = server.requests.filter((request) => request.path === '/api/v1/rules/settings');
    expect(gets.length).toBeGreaterThanOrEqual(2);

    // Back to the pack's default, without a note.
    await user.selectOptions(select, 'по умолчанию');
    await user.clear(within(rule).getByLabelText('Примечание (необязательно)'));
    await user.click(within(rule).getByRole('button', { name: 'Сохранить' }));

    expect(await within(rule).findByText('по умолчанию: since-127-fz')).toBeTruthy();
    expect(puts(server)[1]?.body).toEqual({ choice: null, note: null });
  });

  it('shows the server’s refusal to change a choice', async () => {
    const refusal = 'Выбирать редакцию могут координаторы и администраторы.';
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/rules/settings': () => ({ status: 200, body: settings }),
      'PUT /api/v1/rules/choices/APL-06': () => errorReply(403, 'FORBIDDEN', refusal),
    });
    const user = startApp('/staff/rules', server);

    await screen.findByText('Призыв на военную службу');
    const rule = ruleTitled('Приостановление решения о призыве при обжаловании');
    await user.selectOptions(within(rule).getByRole('combobox'), 'на рассмотрении');
    await user.click(within(rule).getByRole('button', { name: 'Сохранить' }));

    expect((await within(rule).findByRole('alert')).textContent).toBe(refusal);
    expect(puts(server)[0]?.body).toEqual({ choice: 'under-review', note: null });
    expect(within(rule).getByText('по умолчанию: since-127-fz')).toBeTruthy();
    expect(within(rule).queryByRole('status')).toBeNull();
  });

  it('shows the rules in English', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => coordinator,
      'GET /api/v1/rules/settings': () => ({ status: 200, body: settings }),
    });
    const user = startApp('/staff/rules', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rules');
    expect(await screen.findByText('Conscription')).toBeTruthy();
    const rule = ruleTitled('Suspension of the draft decision on appeal');
    expect(within(rule).getByText('default: since-127-fz')).toBeTruthy();
    expect(within(rule).getByRole('combobox', { name: 'Which version to apply' })).toBeTruthy();
    expect(within(rule).getByText(/^Disputed by a lawyer of the organisation/)).toBeTruthy();
    expect(within(rule).getAllByText(/in force from/)).toHaveLength(2);
  });
});
