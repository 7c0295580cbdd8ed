import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type FormEvent, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PlaceKind } from '../../domain/places/place.ts';
import { type ApiClient, createApiClient } from '../api/api-client.ts';
import { currentLanguage, switchLanguage } from '../i18n/i18n.ts';
import { errorReply, type FakeReply, fakeServer } from '../testing/fake-server.ts';
import {
  assemblyPoint,
  avtozavodskaya,
  garrisonProsecutor,
  pechatnikiPolice,
  placesPath,
  shosseEntuziastov,
} from '../testing/place-fixtures.ts';
import { PlacePicker } from './place-picker.tsx';

const listed = (places: unknown[]): FakeReply => ({ status: 200, body: { places } });

type CaseFormProps = {
  api: ApiClient;
  kinds: PlaceKind[] | undefined;
  initial: string | null;
  onChange: (placeId: string | null) => void;
  onSubmit: () => void;
};

/** A form using the picker as a case screen would: it keeps the chosen id. */
function CaseForm({ api, kinds, initial, onChange, onSubmit }: CaseFormProps) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <PlacePicker
        api={api}
        label="Куда его доставили?"
        value={value}
        kinds={kinds}
        onChange={(placeId) => {
          onChange(placeId);
          setValue(placeId);
        }}
      />
      <p className="kept">{value ?? 'ничего'}</p>
    </form>
  );
}

function renderPicker(
  server: ReturnType<typeof fakeServer>,
  props: { kinds?: PlaceKind[]; initial?: string | null } = {},
) {
  vi.stubGlobal('fetch', server.fetch);
  const changes: (string | null)[] = [];
  const submitted = vi.fn();
  const user = userEvent.setup();
  render(
    <CaseForm
      api={createApiClient({ language: currentLanguage })}
      kinds={props.kinds}
      initial={props.initial ?? null}
      onChange={(placeId) => changes.push(placeId)}
      onSubmit={submitted}
    />,
  );
  return { user, changes, submitted };
}

function combobox(): HTMLInputElement {
  return screen.getByRole('combobox', { name: 'Куда его доставили?' }) as HTMLInputElement;
}

function optionNames(): string[] {
  return screen
    .queryAllByRole('option')
    .map((option) => option.querySelector('.place-option-name')?.textContent ?? '');
}

const offices = [assemblyPoint, pechatnikiPolice];
const officeKinds: PlaceKind[] = ['conscription-centre', 'police-station'];

describe('place picker', () => {
  it('finds a place typed in either script and takes it with the keyboard', async () => {
    const server = fakeServer({ [`GET ${placesPath(officeKinds)}`]: () => listed(offices) });
    const { user, changes, submitted } = renderPicker(server, { kinds: officeKinds });
    const input = combobox();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');

    await user.click(input);
    await user.keyboard('ugresh');
    expect(await screen.findByRole('listbox', { name: 'Куда его доставили?' })).toBeTruthy();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(optionNames()).toEqual(['Сборный пункт на улице Угрешской']);
    const [option] = screen.getAllByRole('option');
    expect(option?.textContent).toContain('Военкомат или сборный пункт');
    expect(option?.textContent).toContain('не подтверждено');
    expect(input.getAttribute('aria-activedescendant')).toBe(option?.id);
    expect(screen.getByRole('status').textContent).toBe(
      '1 место в списке. Стрелки вверх и вниз — выбор, Enter — подтвердить.',
    );

    await user.keyboard('{Enter}');
    expect(changes).toEqual([assemblyPoint.id]);
    expect(submitted).not.toHaveBeenCalled();
    expect(input.value).toBe('Сборный пункт на улице Угрешской');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe(
      'Выбрано: Сборный пункт на улице Угрешской',
    );

    await user.clear(input);
    await user.keyboard('печат{Enter}');
    expect(changes).toEqual([assemblyPoint.id, pechatnikiPolice.id]);
    expect(screen.getByText(pechatnikiPolice.id, { selector: '.kept' })).toBeTruthy();
    expect(server.requests.map((request) => request.path)).toEqual([placesPath(officeKinds)]);
  });

  it('moves with the arrow keys, closes with Escape and clears the choice', async () => {
    const server = fakeServer({ [`GET ${placesPath(officeKinds)}`]: () => listed(offices) });
    const { user, changes } = renderPicker(server, {
      kinds: officeKinds,
      initial: pechatnikiPolice.id,
    });
    const input = combobox();
    await vi.waitFor(() => expect(input.value).toBe('ОМВД по району Печатники'));

    await user.click(input);
    await user.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(optionNames()).toEqual(['Сборный пункт на улице Угрешской', 'ОМВД по району Печатники']);
    // Opens on the place already chosen.
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    await user.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('ОМВД по району Печатники');
    await user.keyboard('xyz');
    expect(screen.getByRole('status').textContent).toBe('Нет мест с таким названием.');
    expect(screen.queryAllByRole('option')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(input.value).toBe('ОМВД по району Печатники');
    expect(changes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Очистить: Куда его доставили?' }));
    expect(changes).toEqual([null]);
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole('button', { name: /Очистить/ })).toBeNull();
  });

  it('takes a place with a click, in English, and credits OpenStreetMap for stations', async () => {
    await switchLanguage('en');
    const server = fakeServer({
      'GET /api/v1/places': () => listed([avtozavodskaya, assemblyPoint, shosseEntuziastov]),
    });
    const { user, changes } = renderPicker(server);
    const input = combobox();

    await user.click(input);
    await user.keyboard('шоссе');
    expect(optionNames()).toEqual(['Shosse Entuziastov']);
    expect(screen.getByText(/Metro stations: © OpenStreetMap contributors/)).toBeTruthy();
    await user.click(screen.getByRole('option', { name: /Shosse Entuziastov/ }));
    expect(changes).toEqual([shosseEntuziastov.id]);
    expect(input.value).toBe('Shosse Entuziastov');
    expect(document.activeElement).toBe(input);
  });

  it('names a chosen place of another kind than those offered', async () => {
    const server = fakeServer({
      [`GET ${placesPath(['police-station'])}`]: () => listed([pechatnikiPolice]),
      [`GET /api/v1/places/${garrisonProsecutor.id}`]: () => ({
        status: 200,
        body: garrisonProsecutor,
      }),
    });
    renderPicker(server, { kinds: ['police-station'], initial: garrisonProsecutor.id });
    await vi.waitFor(() =>
      expect(combobox().value).toBe('Военная прокуратура Московского гарнизона'),
    );
  });

  it('says why the places could not be loaded and tries again', async () => {
    let fail = true;
    const server = fakeServer({
      [`GET ${placesPath(['court'])}`]: () =>
        fail ? errorReply(403, 'FORBIDDEN', 'У вас нет прав на это действие.') : listed([]),
    });
    const { user } = renderPicker(server, { kinds: ['court'] });
    expect((await screen.findByRole('alert')).textContent).toBe('У вас нет прав на это действие.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Попробовать ещё раз' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await user.click(combobox());
    await user.keyboard('мещан');
    expect(screen.getByRole('status').textContent).toBe('Нет мест с таким названием.');
  });
});
