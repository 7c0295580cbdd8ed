import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApiClient,
  type CaseFile,
  type EvidenceItem,
  evidenceFileUrl,
} from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';
import { PublicationReview } from './publication-review.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; items: EvidenceItem[] };

/** What a phone's file picker offers: photos, the two video formats kept, and PDF scans. */
const accepted =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,video/mp4,video/webm,application/pdf';

function sizeText(bytes: number, language: string): string {
  const megabytes = bytes / 1024 / 1024;
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return megabytes >= 0.1 ? `${format.format(megabytes)} MB` : `${format.format(bytes / 1024)} KB`;
}

function ItemRow({
  item,
  caseId,
  meId,
  eventLabel,
  onReview,
}: {
  item: EvidenceItem;
  caseId: string;
  meId: string;
  eventLabel: string | null;
  onReview: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="evidence-item">
      <p className="evidence-name">
        <strong>{item.fileName}</strong> — {t(`evidence.kinds.${item.kind}`)}, {item.mediaType},{' '}
        {sizeText(item.byteSize, language)}
      </p>
      <dl className="facts">
        <dt>SHA-256</dt>
        <dd>
          <code className="hash">{item.sha256}</code>
        </dd>
        <dt>{t('evidence.added')}</dt>
        <dd>
          <time dateTime={item.addedAt}>{formatInstant(item.addedAt, language)}</time>,{' '}
          {item.addedBy === meId ? t('evidence.byYou') : t('evidence.byColleague')}
        </dd>
        {eventLabel === null ? null : (
          <>
            <dt>{t('evidence.event')}</dt>
            <dd>{eventLabel}</dd>
          </>
        )}
        <dt>{t('evidence.publication')}</dt>
        <dd>
          {item.review === null
            ? t(
                item.mediaType === 'video/mp4'
                  ? 'evidence.videoNotBlurred'
                  : item.kind === 'video'
                    ? 'evidence.webmKept'
                    : 'evidence.scanNotPublished',
              )
            : item.review.status === 'publishable'
              ? t('evidence.publishable')
              : t('evidence.notReviewed')}
        </dd>
      </dl>
      <ul className="tools">
        <li>
          <a href={evidenceFileUrl(caseId, item.id, 'original')} download>
            {t('evidence.downloadOriginal')}
          </a>
        </li>
        <li>
          <a href={evidenceFileUrl(caseId, item.id, 'custody-sheet')} download>
            {t('evidence.downloadSheet')}
          </a>
        </li>
        {item.review === null ? null : (
          <li>
            <button type="button" className="secondary" onClick={onReview}>
              {t('evidence.review')}
            </button>
          </li>
        )}
        {item.mediaType === 'video/mp4' ? (
          <li>
            <a href={evidenceFileUrl(caseId, item.id, 'publication-copy')} download>
              {t('evidence.downloadVideoCopy')}
            </a>
          </li>
        ) : null}
        {item.review?.status === 'publishable' ? (
          <li>
            <a href={evidenceFileUrl(caseId, item.id, 'publication-copy')} download>
              {t('evidence.downloadPublication')}
            </a>
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/**
 * Two taps from a phone at the door: the camera opens for the door, then for the power of
 * attorney, and each photo goes to the event as soon as it is taken.
 */
function RefusedEntryQuickAction({
  event,
  upload,
  busy,
}: {
  event: CaseFile['timeline'][number];
  upload: (file: File, timelineEventId: string, label: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const pick = (label: string) => (change: React.ChangeEvent<HTMLInputElement>) => {
    const file = change.target.files?.[0];
    change.target.value = '';
    if (file) upload(file, event.id, label);
  };
  return (
    <fieldset className="evidence-quick" aria-labelledby={labelId}>
      <legend id={labelId}>
        {t('evidence.quickTitle', {
          time: formatInstant(event.occurredAt, currentLanguage()),
        })}
      </legend>
      <label className="file-button">
        {t('evidence.quickDoor')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          disabled={busy}
          onChange={pick(t('evidence.quickDoorName'))}
        />
      </label>
      <label className="file-button">
        {t('evidence.quickPowerOfAttorney')}
        <input
          type="file"
          accept="image/*,application/pdf"
          capture="environment"
          disabled={busy}
          onChange={pick(t('evidence.quickPowerOfAttorneyName'))}
        />
      </label>
    </fieldset>
  );
}

/**
 * A case's photos, videos and scans: each with its SHA-256, size, type, who added it and when;
 * the original and its custody sheet to download, the picture's copy for publication to review.
 * Opening the list, and every file, is recorded on the server.
 */
export function EvidencePanel({
  api,
  file,
  meId,
}: {
  api: ApiClient;
  file: CaseFile;
  meId: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [chosen, setChosen] = useState<File | null>(null);
  const [eventId, setEventId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [reviewing, setReviewing] = useState<string | null>(null);
  const adding = useSubmission();
  const open = file.status === 'open';

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    api.evidence(file.id).then(
      ({ items }) => current && setLoad({ state: 'ready', items }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, file.id, load.state]);

  const kindOf = (id: string | null) => file.timeline.find((event) => event.id === id);
  const eventLabel = (id: string | null) => {
    const event = kindOf(id);
    return event === undefined
      ? null
      : `${t(`timeline.kinds.${event.kind}`)}, ${formatInstant(event.occurredAt, currentLanguage())}`;
  };

  const upload = (picked: File, timelineEventId: string | null, fileName: string) =>
    adding.submit(async () => {
      setAnnouncement('');
      const item = await api.addEvidence(file.id, {
        file: picked,
        fileName,
        timelineEventId,
      });
      setLoad((previous) =>
        previous.state === 'ready' ? { ...previous, items: [...previous.items, item] } : previous,
      );
      setAnnouncement(t('evidence.addedNow', { name: item.fileName }));
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === null) return;
    upload(chosen, eventId === '' ? null : eventId, chosen.name);
    setChosen(null);
    formRef.current?.reset();
  };

  const refusedEntries = file.timeline.filter((event) => event.kind === 'lawyer-refused-entry');
  const reviewed = load.state === 'ready' ? load.items.find((item) => item.id === reviewing) : null;

  return (
    <section className="evidence" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('evidence.title')}</h2>
      <p>{t('evidence.intro')}</p>
      {open
        ? refusedEntries.map((event) => (
            <RefusedEntryQuickAction
              key={event.id}
              event={event}
              busy={adding.submitting}
              upload={(picked, timelineEventId, label) =>
                upload(picked, timelineEventId, `${label}${extensionOf(picked.name)}`)
              }
            />
          ))
        : null}
      {adding.submitting ? <p role="status">{t('evidence.uploading')}</p> : null}
      {announcement === '' ? null : (
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      )}
      <ErrorAlert error={adding.error} />
      {load.state === 'loading' ? <p role="status">{t('evidence.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('evidence.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' && load.items.length === 0 ? <p>{t('evidence.empty')}</p> : null}
      {load.state === 'ready' && load.items.length > 0 ? (
        <ul className="evidence-list">
          {load.items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              caseId={file.id}
              meId={meId}
              eventLabel={eventLabel(item.timelineEventId)}
              onReview={() => setReviewing(item.id)}
            />
          ))}
        </ul>
      ) : null}
      {reviewed ? (
        <PublicationReview
          api={api}
          caseId={file.id}
          item={reviewed}
          onClose={() => setReviewing(null)}
          onSaved={(item) =>
            setLoad((previous) =>
              previous.state === 'ready'
                ? {
                    ...previous,
                    items: previous.items.map((entry) => (entry.id === item.id ? item : entry)),
                  }
                : previous,
            )
          }
        />
      ) : null}
      {open ? (
        <form ref={formRef} className="evidence-form" onSubmit={submit}>
          <h3>{t('evidence.add')}</h3>
          <p className="hint">{t('evidence.addHint')}</p>
          <label>
            {t('evidence.file')}
            <input
              type="file"
              name="file"
              accept={accepted}
              onChange={(change) => setChosen(change.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            {t('evidence.toEvent')}
            <select value={eventId} onChange={(change) => setEventId(change.target.value)}>
              <option value="">{t('evidence.noEvent')}</option>
              {file.timeline.map((event) => (
                <option key={event.id} value={event.id}>
                  {eventLabel(event.id)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button type="submit" disabled={chosen === null || adding.submitting}>
              {t('evidence.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function extensionOf(name: string): string {
  const match = /\.[a-z0-9]{1,5}$/i.exec(name);
  return match ? match[0].toLowerCase() : '';
}
