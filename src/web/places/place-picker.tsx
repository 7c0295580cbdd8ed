import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceResponse } from '../../contracts/places.ts';
import { type PlaceKind, placeKinds } from '../../domain/places/place.ts';
import {
  matchesPlaceSearch,
  placeSearchTerms,
  placeSearchText,
} from '../../domain/places/place-search.ts';
import type { ApiClient } from '../api/api-client.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { FieldFrame } from '../ui/field-frame.tsx';

export type PlacePickerProps = {
  api: ApiClient;
  /** Names the field, e.g. "Where was he detained?". */
  label: string;
  /** The chosen place's id; null when none is chosen. */
  value: string | null;
  /** Called with the chosen place's id, or null when the choice is cleared. */
  onChange: (placeId: string | null) => void;
  /** Offer only places of these kinds; every kind when left out. */
  kinds?: readonly PlaceKind[];
  hint?: string;
  error?: string | undefined;
};

/** More than this and the list stops helping: the user is asked to type more of the name. */
const shownMax = 50;

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown; kindsKey: string }
  | { state: 'ready'; places: PlaceResponse[]; kindsKey: string };

export function placeName(place: PlaceResponse, language: Language): string {
  return language === 'en' ? place.nameEn : place.nameRu;
}

function isFromOsm(place: PlaceResponse): boolean {
  return place.sourceKey?.startsWith('osm:') ?? false;
}

/**
 * Choose one place of the organisation's list: type part of its name in either script, move
 * with the arrow keys, take it with Enter or a click (the ARIA combobox pattern with a list
 * popup, the first match highlighted). Loads the places of the given kinds once and filters
 * them here, with the same matching the server's search uses.
 *
 *   <PlacePicker api={api} label={t('…')} kinds={['conscription-centre', 'police-station']}
 *     value={placeId} onChange={setPlaceId} />
 */
export function PlacePicker({ api, label, value, onChange, kinds, hint, error }: PlacePickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const listId = `${id}-places`;
  const input = useRef<HTMLInputElement>(null);
  const kindsKey = (kinds ?? []).join(' ');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Asked for other kinds than those now wanted: load again.
  const stale = load.state !== 'loading' && load.kindsKey !== kindsKey;
  const [elsewhere, setElsewhere] = useState<PlaceResponse | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (load.state !== 'loading' && !stale) return;
    let current = true;
    const wanted = placeKinds.filter((kind) => kindsKey.split(' ').includes(kind));
    api.places({ kinds: wanted }).then(
      (list) => current && setLoad({ state: 'ready', places: list.places, kindsKey }),
      (failure: unknown) => current && setLoad({ state: 'failed', error: failure, kindsKey }),
    );
    return () => {
      current = false;
    };
  }, [api, kindsKey, load.state, stale]);

  const places = load.state === 'ready' && !stale ? load.places : [];
  const listed = places.find((place) => place.id === value);

  // A value outside the offered kinds (chosen elsewhere, or since re-kinded) is still named.
  useEffect(() => {
    if (load.state !== 'ready' || value === null || listed !== undefined) return;
    if (elsewhere?.id === value) return;
    let current = true;
    api.place(value).then(
      (place) => current && setElsewhere(place),
      () => current && setElsewhere(null),
    );
    return () => {
      current = false;
    };
  }, [api, load.state, value, listed, elsewhere]);

  const chosen = listed ?? (elsewhere?.id === value ? elsewhere : undefined);
  const searchable = useMemo(
    () => places.map((place) => ({ place, searchText: placeSearchText(place) })),
    [places],
  );
  const terms = placeSearchTerms(typed ?? '');
  const matches = searchable
    .filter((entry) => matchesPlaceSearch(entry.searchText, terms))
    .map((entry) => entry.place);
  const shown = matches.slice(0, shownMax);
  const expanded = open && shown.length > 0;
  const optionId = (index: number) => `${id}-place-${index}`;
  const severalKinds = kinds === undefined || kinds.length !== 1;

  const countText = (count: number) =>
    count === 0 ? t('places.picker.none') : t('places.picker.count', { count });

  const choose = (place: PlaceResponse) => {
    onChange(place.id);
    setTyped(null);
    setOpen(false);
    setActive(-1);
    setAnnouncement(t('places.picker.selected', { name: placeName(place, language) }));
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
    setTyped(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          const at = shown.findIndex((place) => place.id === value);
          setActive(Math.max(at, 0));
          setAnnouncement(countText(matches.length));
        } else {
          setActive((current) => Math.min(current + 1, shown.length - 1));
        }
        break;
      }
      case 'ArrowUp':
        if (open) {
          event.preventDefault();
          setActive((current) => Math.max(current - 1, 0));
        }
        break;
      case 'Enter': {
        const place = expanded ? shown[active] : undefined;
        if (place !== undefined) {
          // Taken here, not by the form around the picker.
          event.preventDefault();
          choose(place);
        }
        break;
      }
      case 'Escape':
        if (open || typed !== null) {
          event.preventDefault();
          close();
        }
        break;
    }
  };

  const clear = () => {
    onChange(null);
    close();
    setAnnouncement(t('places.picker.cleared'));
    input.current?.focus();
  };

  const shownText = typed ?? (chosen ? placeName(chosen, language) : '');

  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <div className="place-picker">
          <div className="place-picker-field">
            <input
              {...control}
              ref={input}
              className="place-picker-input"
              type="text"
              role="combobox"
              autoComplete="off"
              spellCheck={false}
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              aria-busy={load.state === 'loading'}
              value={shownText}
              onChange={(event) => {
                const text = event.target.value;
                setTyped(text);
                setOpen(true);
                const count = searchable.filter((entry) =>
                  matchesPlaceSearch(entry.searchText, placeSearchTerms(text)),
                ).length;
                setActive(count > 0 ? 0 : -1);
                setAnnouncement(countText(count));
              }}
              onKeyDown={onKeyDown}
              onBlur={close}
            />
            {value !== null ? (
              <button
                type="button"
                className="place-picker-clear"
                aria-label={`${t('places.picker.clear')}: ${label}`}
                onClick={clear}
              >
                {t('places.picker.clear')}
              </button>
            ) : null}
          </div>
          <div
            id={listId}
            role="listbox"
            aria-label={label}
            className="place-options"
            hidden={!expanded}
          >
            {expanded
              ? shown.map((place, index) => (
                  <div
                    key={place.id}
                    id={optionId(index)}
                    role="option"
                    tabIndex={-1}
                    aria-selected={index === active}
                    className={index === active ? 'place-option active' : 'place-option'}
                    // Taken on mouse down, before the input loses the focus and closes the list;
                    // the keyboard reaches options through the input (aria-activedescendant).
                    onMouseDown={(event) => {
                      event.preventDefault();
                      choose(place);
                    }}
                  >
                    <span className="place-option-name">{placeName(place, language)}</span>
                    <span className="place-option-meta">
                      {[
                        severalKinds ? t(`places.kindOne.${place.kind}`) : null,
                        place.addressRu,
                        place.verified ? null : t('places.picker.unverified'),
                      ]
                        .filter((part) => part !== null)
                        .join(' · ')}
                    </span>
                  </div>
                ))
              : null}
          </div>
          {expanded && matches.length > shown.length ? (
            <p className="hint">{t('places.picker.more', { shown: shown.length })}</p>
          ) : null}
          {expanded && shown.some(isFromOsm) ? (
            <p className="attribution">{t('places.osmAttribution')}</p>
          ) : null}
          {load.state === 'loading' ? <p className="hint">{t('places.picker.loading')}</p> : null}
          {load.state === 'failed' ? (
            <>
              <ErrorAlert error={load.error} />
              <button type="button" onClick={() => setLoad({ state: 'loading' })}>
                {t('places.retry')}
              </button>
            </>
          ) : null}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </div>
      )}
    </FieldFrame>
  );
}
