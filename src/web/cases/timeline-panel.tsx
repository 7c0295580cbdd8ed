import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEventResponse } from '../../contracts/timeline.ts';
import type { PlaceKind } from '../../domain/places/place.ts';
import {
  powersOfAttorney,
  type TimelineEventKind,
  timelineEventKinds,
} from '../../domain/timeline/timeline-event.ts';
import { type ApiClient, ApiError, type CaseFile } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PlacePicker } from '../places/place-picker.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextAreaField } from '../ui/text-area-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

/** The events a lawyer on duty records most, one click each; the rest are one choice away. */
const quickKinds: readonly TimelineEventKind[] = [
  'detained',
  'transferred',
  'lawyer-refused-entry',
  'lawyer-admitted',
  'released',
  'note',
];

const lawyerKinds: readonly TimelineEventKind[] = [
  'lawyer-arrived',
  'lawyer-refused-entry',
  'lawyer-admitted',
];

/** Where each kind of event happens, for the place picker; kinds not listed have no place. */
const placeKindsFor: Partial<Record<TimelineEventKind, readonly PlaceKind[]>> = {
  detained: ['metro-station', 'other'],
  transferred: ['conscription-centre', 'police-station', 'other'],
  'medical-board-demanded': ['conscription-centre', 'other'],
  'medical-board-refused': ['conscription-centre', 'other'],
  'lawyer-arrived': ['conscription-centre', 'police-station', 'other'],
  'lawyer-refused-entry': ['conscription-centre', 'police-station', 'other'],
  'lawyer-admitted': ['conscription-centre', 'police-station', 'other'],
  hearing: ['court'],
  'complaint-sent': ['military-prosecutor', 'court', 'other'],
};

/** Place names by id, for the timeline's lines; an empty map until they arrive. */
function usePlaceNames(api: ApiClient): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    let current = true;
    api.places({}).then(
      (list) =>
        current &&
        setNames(
          new Map(
            list.places.map((place) => [
              place.id,
              currentLanguage() === 'ru' ? place.nameRu : place.nameEn,
            ]),
          ),
        ),
      // Without names the timeline still reads; the places page says what failed.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}

/** `datetime-local` wants the reader's wall clock, to the minute. */
function wallClockNow(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

type Draft = {
  kind: TimelineEventKind;
  occurredAt: string;
  placeId: string | null;
  powerOfAttorney: (typeof powersOfAttorney)[number] | '';
  note: string;
};

function EventForm({
  api,
  caseId,
  draft,
  onDraft,
  onRecorded,
  onCancel,
}: {
  api: ApiClient;
  caseId: string;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  onRecorded: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  const kindSelect = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    kindSelect.current?.focus();
  }, []);

  const fieldError = (field: string) =>
    error instanceof ApiError ? error.fieldMessage(field) : undefined;
  const placeKinds = placeKindsFor[draft.kind];

  const save = (event: FormEvent) => {
    event.preventDefault();
    submit(async () => {
      await api.recordTimelineEvent(caseId, {
        kind: draft.kind,
        occurredAt: new Date(draft.occurredAt).toISOString(),
        placeId: placeKinds === undefined ? null : draft.placeId,
        powerOfAttorney:
          lawyerKinds.includes(draft.kind) && draft.powerOfAttorney !== ''
            ? draft.powerOfAttorney
            : null,
        note: draft.note.trim() === '' ? null : draft.note,
      });
      onRecorded();
    });
  };

  return (
    <form className="timeline-form" onSubmit={save} aria-label={t('timeline.formLabel')}>
      <SelectField
        ref={kindSelect}
        label={t('timeline.kind')}
        value={draft.kind}
        placeholder={t('timeline.chooseKind')}
        options={timelineEventKinds.map((kind) => ({
          value: kind,
          label: t(`timeline.kinds.${kind}`),
        }))}
        onChange={(kind) => kind !== '' && onDraft({ ...draft, kind })}
        required
      />
      <TextField
        label={t('timeline.occurredAt')}
        type="datetime-local"
        value={draft.occurredAt}
        onChange={(occurredAt) => onDraft({ ...draft, occurredAt })}
        error={fieldError('occurredAt')}
        required
      />
      {placeKinds === undefined ? null : (
        <PlacePicker
          api={api}
          label={t('timeline.place')}
          kinds={placeKinds}
          value={draft.placeId}
          onChange={(placeId) => onDraft({ ...draft, placeId })}
          error={fieldError('placeId')}
        />
      )}
      {lawyerKinds.includes(draft.kind) ? (
        <SelectField
          label={t('timeline.powerOfAttorney')}
          value={draft.powerOfAttorney}
          placeholder={t('timeline.powerOfAttorneyUnknown')}
          options={powersOfAttorney.map((kind) => ({
            value: kind,
            label: t(`timeline.powersOfAttorney.${kind}`),
          }))}
          onChange={(powerOfAttorney) => onDraft({ ...draft, powerOfAttorney })}
          error={fieldError('powerOfAttorney')}
        />
      ) : null}
      <TextAreaField
        label={t('timeline.note')}
        hint={t('timeline.noteHint')}
        value={draft.note}
        onChange={(note) => onDraft({ ...draft, note })}
        error={fieldError('note')}
        rows={3}
      />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" disabled={submitting}>
          {t('timeline.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('timeline.cancel')}
        </button>
      </div>
    </form>
  );
}

function EventRow({ event, placeName }: { event: TimelineEventResponse; placeName?: string }) {
  const { t } = useTranslation();
  return (
    <li className={`timeline-event timeline-${event.kind}`}>
      <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt, currentLanguage())}</time>{' '}
      <strong>{t(`timeline.kinds.${event.kind}`)}</strong>
      {placeName ? <span className="timeline-detail"> · {placeName}</span> : null}
      {event.powerOfAttorney ? (
        <span className="timeline-detail">
          {' · '}
          {t(`timeline.powersOfAttorney.${event.powerOfAttorney}`)}
        </span>
      ) : null}
      {event.note ? <p className="long-answer">{event.note}</p> : null}
    </li>
  );
}

/**
 * The centre of the case page: what happened, oldest first, and where the latest detention
 * stands. Recording takes two clicks: the kind, then save, with the time set to now.
 */
export function TimelinePanel({
  api,
  file,
  onChanged,
}: {
  api: ApiClient;
  file: CaseFile;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [recorded, setRecorded] = useState(false);
  const placeNames = usePlaceNames(api);
  const open = file.status === 'open';

  const start = (kind: TimelineEventKind) => {
    setRecorded(false);
    setDraft({
      kind,
      occurredAt: wallClockNow(new Date()),
      placeId: null,
      powerOfAttorney: '',
      note: '',
    });
  };

  return (
    <section aria-labelledby="timeline-heading" className="timeline">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {file.custody ? (
        <p className="custody" role="status">
          {t(`timeline.custody.${file.custody.status}`)}
          {' · '}
          {t('timeline.custodySince', {
            time: formatInstant(file.custody.since, currentLanguage()),
          })}
          {file.custody.heldAtPlaceId && placeNames.has(file.custody.heldAtPlaceId)
            ? ` · ${placeNames.get(file.custody.heldAtPlaceId)}`
            : null}
        </p>
      ) : null}
      {file.timeline.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-events" aria-labelledby="timeline-heading">
          {file.timeline.map((event) => (
            <EventRow
              key={event.id}
              event={event}
              {...(event.placeId === null
                ? {}
                : { placeName: placeNames.get(event.placeId) ?? '' })}
            />
          ))}
        </ol>
      )}
      {recorded ? (
        <p role="status" className="notice">
          {t('timeline.recorded')}
        </p>
      ) : null}
      {open && draft === null ? (
        <fieldset className="timeline-quick">
          <legend>{t('timeline.add')}</legend>
          {quickKinds.map((kind) => (
            <button key={kind} type="button" onClick={() => start(kind)}>
              {t(`timeline.kinds.${kind}`)}
            </button>
          ))}
        </fieldset>
      ) : null}
      {open && draft !== null ? (
        <EventForm
          api={api}
          caseId={file.id}
          draft={draft}
          onDraft={setDraft}
          onCancel={() => setDraft(null)}
          onRecorded={() => {
            setDraft(null);
            setRecorded(true);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
