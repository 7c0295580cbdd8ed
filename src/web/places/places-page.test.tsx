import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlaceResponse } from '../../contracts/places.ts';
import type { Role } from '../../domain/access/roles.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import {
  assemblyPoint,
  avtozavodskaya,
  pechatnikiPolice,
  placesPath,
} from '../testing/place-fixtures.ts';
import { startApp } from '../testing/start-app.tsx';

const coordinatorId = '0190b8a0-0000-7000-8000-000000000003';

function me(roles: Role[]): FakeReply {
  return {
    status: 200,
    body: {
      user: { id: coordinatorId, email: 'olga@example.org', displayName: 'Ольга Смирнова', roles },
      organisation: { id: '0190b8a0-0000-7000-8000-000000000002', name: 'Правозащитная сеть' },
    },
  };
}

const listed = (places: PlaceResponse[]): FakeReply => ({ status: 200, body: { places } });
const everything = [assemblyPoint, avtozavodskaya, pechatnikiPolice];

function placeItem(name: string): HTMLElement {
  const item = screen.getByText(name, { selector: '.place-name' }).closest('li');
  if (item === null) throw new Error(`no place ${name}`);
  return item;
}

describe('places page', () => {
  it('lists places by kind, marks the unconfirmed ones and credits OpenStreetMap', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => me(['coordinator']),
      'GET /api/v1/places': () => listed(everything),
    });
    const user = startApp('/staff/', server);

    await user.click(await screen.findByRole('link', { name: 'Места' }));
    expect(window.location.pathname).toBe('/staff/places');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Места');
    expect((await screen.findByText('Найдено 3 места.')).getAttribute('role')).toBe('status');
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(['Станции метро', 'Военкоматы и сборные пункты', 'Отделы полиции', 'Добавить место']);

    const centre = placeItem('Сборный пункт на улице Угрешской');
    expect(within(centre).getByText('Не подтверждено').className).toContain('badge-unverified');
    expect(centre.textContent).toContain('Москва, ул. Угрешская');
    expect(within(placeItem('Автозаводская')).getByText('Из OpenStreetMap')).toBeTruthy();
    expect(placeItem('Автозаводская').textContent).toContain('Адрес не указан');
    expect(within(placeItem('ОМВД по району Печатники')).getByText(/^Подтверждено/)).toBeTruthy();
    expect(
      within(placeItem('Автозаводская')).queryByRole('button', { name: /Подтвердить/ }),
    ).toBeNull();

    const credit = screen.getByText(/Станции метро: © участники OpenStreetMap/);
    const link = within(credit).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://www.openstreetmap.org/copyright');
  });

  it('searches one kind by name, fixes an address and confirms the place', async () => {
    let current = assemblyPoint;
    const server = fakeServer({
      'GET /api/v1/me': () => me(['coordinator']),
      'GET /api/v1/places': () => listed(everything),
      [`GET ${placesPath(['conscription-centre'], 'угреш')}`]: () => listed([current]),
      [`PUT /api/v1/places/${assemblyPoint.id}`]: ({ body }) => {
        current = { ...current, ...(body as Partial<PlaceResponse>), verified: false };
        return { status: 200, body: current };
      },
      [`POST /api/v1/places/${assemblyPoint.id}/confirm`]: () => {
        current = {
          ...current,
          verified: true,
          confirmedBy: coordinatorId,
          confirmedAt: '2026-11-30T12:00:00.000Z',
        };
        return { status: 200, body: current };
      },
    });
    const user = startApp('/staff/places', server);
    await screen.findByText('Найдено 3 места.');

    const search = screen.getByRole('form', { name: 'Поиск мест' });
    await user.selectOptions(
      within(search).getByLabelText('Вид места'),
      'Военкоматы и сборные пункты',
    );
    await user.type(within(search).getByLabelText('Название'), 'угреш');
    await user.click(within(search).getByRole('button', { name: 'Найти' }));
    expect(await screen.findByText('Найдено 1 место.')).toBeTruthy();

    const name = 'Сборный пункт на улице Угрешской';
    await user.click(screen.getByRole('button', { name: `Изменить: ${name}` }));
    const form = screen.getByRole('region', { name: `Изменить: ${name}` });
    const address = within(form).getByLabelText('Адрес (необязательно)');
    await user.clear(address);
    await user.type(address, 'Москва, ул. Угрешская, д. 2');
    await user.type(within(form).getByLabelText('Широта (необязательно)'), '55,7247');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(within(form).getByText('Укажите и широту, и долготу или ни то ни другое.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Долгота (необязательно)'), '37.6874');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    expect(
      await within(placeItem(name)).findByText(
        'Изменения сохранены. Место нужно подтвердить заново.',
      ),
    ).toBeTruthy();
    const put = server.requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({
      nameRu: name,
      nameEn: 'Assembly point on Ugreshskaya Street',
      addressRu: 'Москва, ул. Угрешская, д. 2',
      location: { lat: 55.7247, lon: 37.6874 },
      metroLines: [],
    });
    expect(within(placeItem(name)).getByText('Не подтверждено')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `Подтвердить: ${name}` }));
    expect(await within(placeItem(name)).findByText('Место подтверждено.')).toBeTruthy();
    expect(within(placeItem(name)).getByText('Подтверждено 30.11.2026')).toBeTruthy();
    expect(within(placeItem(name)).queryByRole('button', { name: /Подтвердить/ })).toBeNull();
  });

  it('adds a place, showing the server’s refusal beside the field', async () => {
    const added: PlaceResponse = {
      ...pechatnikiPolice,
      id: '0190b8a0-0000-7000-8000-00000000a0ff',
      nameRu: 'ОМВД по району Текстильщики',
      nameEn: 'OMVD Po Rayonu Tekstilshchiki',
      addressRu: null,
      verified: false,
      confirmedBy: null,
      confirmedAt: null,
    };
    let attempts = 0;
    const server = fakeServer({
      'GET /api/v1/me': () => me(['lawyer']),
      'GET /api/v1/places': () => listed(attempts < 2 ? everything : [...everything, added]),
      'POST /api/v1/places': () => {
        attempts += 1;
        if (attempts === 1) {
          return {
            status: 400,
            body: {
              error: {
                code: 'VALIDATION_FAILED',
                message: 'Проверьте заполнение полей.',
                fields: [
                  {
                    path: 'body.nameRu',
                    message: 'Место этого вида с таким названием уже есть в списке.',
                  },
                ],
              },
            },
          };
        }
        return { status: 201, body: added };
      },
    });
    const user = startApp('/staff/places', server);
    await screen.findByText('Найдено 3 места.');
    // A lawyer edits but does not confirm.
    expect(screen.queryByRole('button', { name: /^Подтвердить/ })).toBeNull();

    const form = screen.getByRole('region', { name: 'Добавить место' });
    await user.click(within(form).getByRole('button', { name: 'Добавить место' }));
    expect(
      within(form).getByText('Выберите вид места.', { selector: '.field-error' }),
    ).toBeTruthy();
    expect(server.requests.filter((request) => request.method === 'POST')).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Вид места'), 'Отдел полиции');
    await user.type(within(form).getByLabelText('Название по-русски'), 'ОМВД по району Печатники');
    await user.click(within(form).getByRole('button', { name: 'Добавить место' }));
    expect(
      await within(form).findByText('Место этого вида с таким названием уже есть в списке.'),
    ).toBeTruthy();
    const nameField = within(form).getByLabelText('Название по-русски');
    expect(nameField.getAttribute('aria-invalid')).toBe('true');

    await user.clear(nameField);
    await user.type(nameField, 'ОМВД по району Текстильщики');
    await user.click(within(form).getByRole('button', { name: 'Добавить место' }));
    expect(
      await within(form).findByText(
        'Место «ОМВД по району Текстильщики» добавлено. Его нужно подтвердить.',
      ),
    ).toBeTruthy();
    const posts = server.requests.filter((request) => request.method === 'POST');
    expect(posts[1]?.body).toEqual({
      kind: 'police-station',
      nameRu: 'ОМВД по району Текстильщики',
      addressRu: null,
      location: null,
      metroLines: [],
    });
    expect(await screen.findByText('Найдено 4 места.')).toBeTruthy();
    expect(within(form).getByLabelText('Название по-русски')).toHaveProperty('value', '');
  });

  it('shows volunteers the list without the means to change it', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => me(['volunteer']),
      'GET /api/v1/places': () => listed(everything),
    });
    startApp('/staff/places', server);
    await screen.findByText('Найдено 3 места.');
    expect(screen.queryByRole('button', { name: /Изменить|Подтвердить/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Добавить место' })).toBeNull();
  });

  it('shows the places in English and says why the list could not be loaded', async () => {
    let fail = true;
    const server = fakeServer({
      'GET /api/v1/me': () => me(['coordinator']),
      'GET /api/v1/places': () =>
        fail ? errorReply(403, 'FORBIDDEN', 'You are not allowed to do this.') : listed(everything),
    });
    const user = startApp('/staff/places', server);
    await user.click(await screen.findByRole('button', { name: 'EN' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do this.');

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('3 places found.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Places');
    const centre = placeItem('Assembly point on Ugreshskaya Street');
    expect(within(centre).getByText('Not confirmed')).toBeTruthy();
    expect(within(centre).getByText('Сборный пункт на улице Угрешской').getAttribute('lang')).toBe(
      'ru',
    );
    expect(screen.getByText(/Metro stations: © OpenStreetMap contributors/)).toBeTruthy();
  });
});
