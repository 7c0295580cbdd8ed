import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceResponse } from '../../contracts/places.ts';
import type { CurrentStaffResponse } from '../../contracts/staff.ts';
import { type Actor, can } from '../../domain/access/can.ts';
import { type PlaceKind, placeKinds } from '../../domain/places/place.ts';
import type { ApiClient } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstantDate } from '../ui/format-date.ts';
import { type Option, SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import { emptyPlaceFields, fieldsOf } from './place-fields.ts';
import { PlaceForm } from './place-form.tsx';

type Search = { kind: PlaceKind | ''; query: string };

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; places: PlaceResponse[] };

const osmCopyright = 'https://www.openstreetmap.org/copyright';

function VerifiedMark({ place }: { place: PlaceResponse }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!place.verified) {
    return (
      <span className="badge badge-unverified" title={t('places.unverifiedHint')}>
        {t('places.unverified')}
      </span>
    );
  }
  if (place.confirmedAt !== null) {
    return (
      <span className="badge badge-verified">
        {t('places.confirmedOn', { date: formatInstantDate(place.confirmedAt, language) })}
      </span>
    );
  }
  return place.sourceKey?.startsWith('osm:') ? (
    <span className="badge badge-verified">{t('places.fromOsm')}</span>
  ) : null;
}

type PlaceItemProps = {
  api: ApiClient;
  place: PlaceResponse;
  mayEdit: boolean;
  mayConfirm: boolean;
  onChanged: (place: PlaceResponse) => void;
};

function PlaceItem({ api, place, mayEdit, mayConfirm, onChanged }: PlaceItemProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { submitting, error, submit } = useSubmission();
  const [primary, secondary] =
    language === 'en' ? [place.nameEn, place.nameRu] : [place.nameRu, place.nameEn];

  const confirm = () =>
    submit(async () => {
      onChanged(await api.confirmPlace(place.id));
      setDone(t('places.confirmed'));
    });

  return (
    <li className={place.verified ? 'place' : 'place place-unverified'}>
      <p className="place-name">
        {primary} <VerifiedMark place={place} />
      </p>
      <p className="place-meta">
        <span lang={language === 'en' ? 'ru' : 'en'}>{secondary}</span>
        {' · '}
        {place.addressRu ?? t('places.noAddress')}
        {place.metroLines.length > 0 ? (
          <>
            {' · '}
            {t('places.lines', { lines: place.metroLines.join(', ') })}
          </>
        ) : null}
      </p>
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      {editing ? (
        <section aria-label={t('places.editing', { name: primary })}>
          <PlaceForm
            kind={place.kind}
            initial={fieldsOf(place)}
            nameEnOptional={false}
            submitLabel={t('places.save')}
            submitting={submitting}
            error={error}
            note={place.verified ? t('places.reconfirm') : undefined}
            onCancel={() => setEditing(false)}
            onSubmit={(details) =>
              submit(async () => {
                const saved = await api.editPlace(place.id, details);
                onChanged(saved);
                setEditing(false);
                setDone(saved.verified ? null : t('places.saved'));
              })
            }
          />
        </section>
      ) : (
        <>
          <ErrorAlert error={error} />
          {mayEdit || (mayConfirm && !place.verified) ? (
            <div className="inline-actions">
              {mayEdit ? (
                <button
                  type="button"
                  aria-label={t('places.editing', { name: primary })}
                  onClick={() => {
                    setDone(null);
                    setEditing(true);
                  }}
                >
                  {t('places.edit')}
                </button>
              ) : null}
              {mayConfirm && !place.verified ? (
                <button
                  type="button"
                  className="primary"
                  aria-label={`${t('places.confirm')}: ${primary}`}
                  disabled={submitting}
                  onClick={confirm}
                >
                  {t('places.confirm')}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </li>
  );
}

function AddPlaceForm({ api, onAdded }: { api: ApiClient; onAdded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PlaceKind | ''>('');
  const [kindMissing, setKindMissing] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  // A new form after each place added: its fields start empty again.
  const [round, setRound] = useState(0);
  const { submitting, error, submit } = useSubmission();
  const kindOptions = placeKinds.map(
    (value): Option<PlaceKind> => ({ value, label: t(`places.kindOne.${value}`) }),
  );

  return (
    <section className="add-place" aria-labelledby="add-place-title">
      <h2 id="add-place-title">{t('places.add')}</h2>
      <p>{t('places.addIntro')}</p>
      <SelectField
        label={t('places.kind')}
        placeholder={t('places.chooseKind')}
        options={kindOptions}
        value={kind}
        onChange={(next) => {
          setKind(next);
          setKindMissing(false);
        }}
        error={kindMissing ? t('places.chooseKind') : undefined}
      />
      <PlaceForm
        key={round}
        kind={kind === '' ? null : kind}
        initial={emptyPlaceFields}
        nameEnOptional
        submitLabel={t('places.add')}
        submitting={submitting}
        error={error}
        onSubmit={(details) => {
          setAdded(null);
          if (kind === '') {
            setKindMissing(true);
            return;
          }
          // Left empty, the server fills in a transliteration of the Russian name.
          const { nameEn, ...rest } = details;
          submit(async () => {
            const place = await api.addPlace(
              nameEn.trim() === '' ? { ...rest, kind } : { ...rest, nameEn, kind },
            );
            onAdded();
            setAdded(t('places.added', { name: place.nameRu }));
            setRound((count) => count + 1);
          });
        }}
      />
      {added ? (
        <p role="status" className="notice">
          {added}
        </p>
      ) : null}
    </section>
  );
}

type PlacesPageProps = {
  api: ApiClient;
  staff: CurrentStaffResponse;
  onHome: () => void;
};

/**
 * The organisation's places by kind, with a search by name in either script. Staff who record
 * events fix or add places; admins and coordinators confirm them. Unconfirmed places are marked.
 */
export function PlacesPage({ api, staff, onHome }: PlacesPageProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Search>({ kind: '', query: '' });
  const [search, setSearch] = useState<Search>(draft);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const actor: Actor = {
    userId: staff.user.id,
    orgId: staff.organisation.id,
    roles: staff.user.roles,
  };
  const organisation = { type: 'organisation', orgId: actor.orgId } as const;
  const mayEdit = can(actor, 'place.edit', organisation);
  const mayConfirm = can(actor, 'place.manage', organisation);

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    const kinds = search.kind === '' ? [] : [search.kind];
    api.places({ kinds, query: search.query }).then(
      (list) => current && setLoad({ state: 'ready', places: list.places }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, search, load.state]);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(draft);
    setLoad({ state: 'loading' });
  };

  const replace = (changed: PlaceResponse) =>
    setLoad((current) =>
      current.state === 'ready'
        ? {
            state: 'ready',
            places: current.places.map((place) => (place.id === changed.id ? changed : place)),
          }
        : current,
    );

  const kindOptions = placeKinds.map(
    (value): Option<PlaceKind> => ({ value, label: t(`places.kinds.${value}`) }),
  );
  const places = load.state === 'ready' ? load.places : [];
  const groups = placeKinds
    .map((kind) => ({ kind, places: places.filter((place) => place.kind === kind) }))
    .filter((group) => group.places.length > 0);

  return (
    <PageLayout title={t('places.title')}>
      <p>{t('places.intro')}</p>
      <form aria-label={t('places.search')} onSubmit={onSearch}>
        <SelectField
          label={t('places.kind')}
          placeholder={t('places.allKinds')}
          options={kindOptions}
          value={draft.kind}
          onChange={(kind) => setDraft((current) => ({ ...current, kind }))}
        />
        <TextField
          type="search"
          label={t('places.query')}
          hint={t('places.queryHint')}
          value={draft.query}
          maxLength={100}
          onChange={(query) => setDraft((current) => ({ ...current, query }))}
        />
        <button type="submit" className="primary">
          {t('places.find')}
        </button>
      </form>
      {load.state === 'loading' ? <p role="status">{t('places.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('places.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' ? (
        <p role="status" className="places-found">
          {places.length === 0 ? t('places.none') : t('places.found', { count: places.length })}
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`places-${group.kind}`}>
          <h2 id={`places-${group.kind}`}>{t(`places.kinds.${group.kind}`)}</h2>
          <ul className="places">
            {group.places.map((place) => (
              <PlaceItem
                key={place.id}
                api={api}
                place={place}
                mayEdit={mayEdit}
                mayConfirm={mayConfirm}
                onChanged={replace}
              />
            ))}
          </ul>
        </section>
      ))}
      {places.some((place) => place.sourceKey?.startsWith('osm:')) ? (
        <p className="attribution">
          {t('places.osmAttribution')} (
          <a href={osmCopyright} rel="noreferrer noopener">
            openstreetmap.org/copyright
          </a>
          )
        </p>
      ) : null}
      {mayEdit ? <AddPlaceForm api={api} onAdded={() => setLoad({ state: 'loading' })} /> : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('places.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
