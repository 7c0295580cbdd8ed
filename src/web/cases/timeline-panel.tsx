import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEventResponse } from '../../contracts/timeline.ts';
import {
  powersOfAttorney,
  type TimelineEventKind,
  timelineEventKinds,
} from '../../domain/timeline/timeline-event.ts';
import { type ApiClient, ApiError, type CaseFile } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
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

/** `datetime-local` wants the reader's wall clock, to the minute. */
function wallClockNow(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

type Draft = {
  kind: TimelineEventKind;
  occurredAt: string;
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

  const save = (event: FormEvent) => {
    event.preventDefault();
    submit(async () => {
      await api.recordTimelineEvent(caseId, {
        kind: draft.kind,
        occurredAt: new Date(draft.occurredAt).toISOString(),
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

function EventRow({ event }: { event: TimelineEventResponse }) {
  const { t } = useTranslation();
  return (
    <li className={`timeline-event timeline-${event.kind}`}>
      <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt, currentLanguage())}</time>{' '}
      <strong>{t(`timeline.kinds.${event.kind}`)}</strong>
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
  const open = file.status === 'open';

  const start = (kind: TimelineEventKind) => {
    setRecorded(false);
    setDraft({ kind, occurredAt: wallClockNow(new Date()), powerOfAttorney: '', note: '' });
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
        </p>
      ) : null}
      {file.timeline.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-events" aria-labelledby="timeline-heading">
          {file.timeline.map((event) => (
            <EventRow key={event.id} event={event} />
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
