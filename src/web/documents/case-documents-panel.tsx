import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiClient,
  CaseDocument,
  DocumentTemplate,
  DocumentTracking,
  PreparedDocument,
} from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { DateText } from '../legal-position/rule-parts.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { localDateOf } from '../ui/format-date.ts';
import { saveFile } from '../ui/save-file.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextAreaField } from '../ui/text-area-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; templates: DocumentTemplate[]; documents: CaseDocument[] };

const sendingMethods = ['post', 'email', 'in-person', 'online-reception'] as const;
type SendingMethod = (typeof sendingMethods)[number];

/** Where a document stands, in a sentence with its dates. */
function Stage({ document }: { document: CaseDocument }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  switch (document.stage) {
    case 'drafted':
      return <p>{t('documents.stage.drafted')}</p>;
    case 'answer-due':
      return (
        <p>
          {t('documents.stage.sent')} <DateText date={document.sentOn ?? ''} language={language} />{' '}
          ({t(`documents.via.${document.sentVia ?? 'post'}`)}).{' '}
          {document.answerDue === null ? (
            t('documents.noAnswerDue')
          ) : (
            <>
              {t('documents.answerDue')}{' '}
              <strong>
                <DateText date={document.answerDue} language={language} />
              </strong>
            </>
          )}
        </p>
      );
    case 'overdue':
      return (
        <>
          <p className="overdue">
            <strong>{t('documents.stage.overdue')}</strong> {t('documents.answerDue')}{' '}
            <DateText date={document.answerDue ?? ''} language={language} />
          </p>
          {document.followUp === null ? null : <p>{document.followUp[language]}</p>}
        </>
      );
    case 'answered':
      return (
        <p>
          {t('documents.stage.answered')}{' '}
          <DateText date={document.answeredOn ?? ''} language={language} />.{' '}
          {t('documents.scanLater')}
        </p>
      );
  }
}

/** A date and a button: one step of a document's tracking. */
function DatedStep({
  name,
  label,
  action,
  onSubmit,
  error,
  busy,
}: {
  name: string;
  label: string;
  action: string;
  onSubmit: (date: string) => void;
  error: unknown;
  busy: boolean;
}) {
  const [on, setOn] = useState(() => localDateOf(new Date()));
  return (
    <form
      className="document-tracking"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit(on);
      }}
      noValidate
    >
      <TextField
        name={name}
        type="date"
        label={label}
        value={on}
        onChange={setOn}
        required
        error={fieldMessage(error, name)}
      />
      <button type="submit" disabled={busy}>
        {action}
      </button>
    </form>
  );
}

/**
 * The next steps of a document's tracking: marking a draft sent (date and how), and for a sent
 * one its registration date, the addressee's notice of extension, and the answer.
 */
function TrackingForms({
  api,
  caseId,
  document,
  onTracked,
}: {
  api: ApiClient;
  caseId: string;
  document: CaseDocument;
  onTracked: (document: CaseDocument) => void;
}) {
  const { t } = useTranslation();
  const [sentOn, setSentOn] = useState(() => localDateOf(new Date()));
  const [via, setVia] = useState<SendingMethod | ''>('');
  const tracking = useSubmission();
  const track = (body: DocumentTracking) =>
    tracking.submit(async () => onTracked(await api.trackCaseDocument(caseId, document.id, body)));
  if (document.status === 'answered') return null;

  if (document.status === 'drafted') {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      if (via !== '') track({ step: 'sent', sentOn, via });
    };
    return (
      <form className="document-tracking" onSubmit={submit} noValidate>
        <TextField
          name="sentOn"
          type="date"
          label={t('documents.sentOn')}
          value={sentOn}
          onChange={setSentOn}
          required
          error={fieldMessage(tracking.error, 'sentOn')}
        />
        <SelectField
          name="via"
          label={t('documents.how')}
          value={via}
          placeholder={t('documents.chooseHow')}
          options={sendingMethods.map((value) => ({ value, label: t(`documents.via.${value}`) }))}
          onChange={setVia}
          required
        />
        <ErrorAlert error={tracking.error} />
        <button type="submit" disabled={tracking.submitting || via === ''}>
          {t('documents.markSent')}
        </button>
      </form>
    );
  }

  return (
    <>
      {document.answerDue !== null && document.registeredOn === null ? (
        <DatedStep
          name="registeredOn"
          label={t('documents.registeredOn')}
          action={t('documents.recordRegistration')}
          onSubmit={(registeredOn) => track({ step: 'registered', registeredOn })}
          error={tracking.error}
          busy={tracking.submitting}
        />
      ) : null}
      {document.registeredOn !== null && !document.extended ? (
        <button
          type="button"
          disabled={tracking.submitting}
          onClick={() => track({ step: 'extended' })}
        >
          {t('documents.recordExtension')}
        </button>
      ) : null}
      <DatedStep
        name="answeredOn"
        label={t('documents.answeredOn')}
        action={t('documents.recordAnswer')}
        onSubmit={(answeredOn) => track({ step: 'answered', answeredOn })}
        error={tracking.error}
        busy={tracking.submitting}
      />
      <ErrorAlert error={tracking.error} />
    </>
  );
}

/** The fields of a template to review and complete, with every missing one named. */
function DraftForm({
  api,
  caseId,
  template,
  prepared,
  onGenerated,
}: {
  api: ApiClient;
  caseId: string;
  template: DocumentTemplate;
  prepared: PreparedDocument;
  onGenerated: (document: CaseDocument) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(prepared.values).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, value]],
      ),
    ),
  );
  const generating = useSubmission();
  const missing = template.fields.filter(
    (field) => field.required && (values[field.name] ?? '').trim() === '',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    generating.submit(async () => {
      const kept = Object.fromEntries(
        Object.entries(values).filter(([, value]) => value.trim() !== ''),
      );
      onGenerated(await api.generateCaseDocument(caseId, { kind: template.kind, values: kept }));
    });
  };

  return (
    <form className="document-draft" onSubmit={submit} noValidate>
      <p>{template.purpose[language]}</p>
      {missing.length === 0 ? (
        <p role="status">{t('documents.allFilled')}</p>
      ) : (
        <div className="alert" role="status">
          <p>{t('documents.missing', { count: missing.length })}</p>
          <ul>
            {missing.map((field) => (
              <li key={field.name}>{field.label[language]}</li>
            ))}
          </ul>
        </div>
      )}
      {template.fields.map((field) => {
        const common = {
          name: field.name,
          label: `${field.label[language]}${field.required ? ' *' : ''}`,
          value: values[field.name] ?? '',
          onChange: (value: string) =>
            setValues((previous) => ({ ...previous, [field.name]: value })),
          required: field.required,
          error: fieldMessage(generating.error, `values.${field.name}`),
        };
        return field.type === 'long-text' ? (
          <TextAreaField key={field.name} rows={8} {...common} />
        ) : (
          <TextField
            key={field.name}
            type={field.type === 'date' ? 'date' : field.type === 'time' ? 'time' : 'text'}
            autoComplete="off"
            {...common}
          />
        );
      })}
      <ErrorAlert error={generating.error} />
      <button type="submit" disabled={generating.submitting}>
        {t('documents.generate')}
      </button>
    </form>
  );
}

/**
 * A case's documents: each with its template version, SHA-256, files to download and where it
 * stands (drafted, answer due, overdue, answered); and a new one from a template, its fields
 * filled from the case for the lawyer to review, every missing field named.
 */
export function CaseDocumentsPanel({
  api,
  caseId,
  open,
}: {
  api: ApiClient;
  caseId: string;
  open: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [kind, setKind] = useState('');
  const [prepared, setPrepared] = useState<PreparedDocument | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const preparing = useSubmission();
  const downloading = useSubmission();

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    Promise.all([api.documentTemplates(), api.caseDocuments(caseId)]).then(
      ([{ templates }, { documents }]) =>
        current && setLoad({ state: 'ready', templates, documents }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, load.state]);

  if (load.state !== 'ready') {
    return (
      <section className="case-documents" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('documents.title')}</h2>
        {load.state === 'loading' ? <p role="status">{t('documents.loading')}</p> : null}
        {load.state === 'failed' ? (
          <>
            <ErrorAlert error={load.error} />
            <button type="button" onClick={() => setLoad({ state: 'loading' })}>
              {t('documents.retry')}
            </button>
          </>
        ) : null}
      </section>
    );
  }

  const titleOf = (documentKind: string) =>
    load.templates.find((template) => template.kind === documentKind)?.title[language] ??
    documentKind;
  const chosen = load.templates.find((template) => template.kind === prepared?.kind);
  const replace = (document: CaseDocument) =>
    setLoad({
      ...load,
      documents: load.documents.map((entry) => (entry.id === document.id ? document : entry)),
    });

  const prepare = (event: FormEvent) => {
    event.preventDefault();
    if (kind === '') return;
    preparing.submit(async () => {
      setPrepared(null);
      setPrepared(await api.prepareCaseDocument(caseId, kind));
    });
  };

  const download = (document: CaseDocument, format: 'docx' | 'pdf') =>
    downloading.submit(async () => {
      const { file, fileName } = await api.caseDocumentFile(caseId, document.id, format);
      saveFile(file, fileName);
    });

  return (
    <section className="case-documents" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('documents.title')}</h2>
      {load.documents.length === 0 ? <p>{t('documents.empty')}</p> : null}
      {load.documents.length > 0 ? (
        <ul className="document-list">
          {load.documents.map((document) => (
            <li key={document.id}>
              <h3>{titleOf(document.kind)}</h3>
              <p className="document-meta">
                {t('documents.version', { version: document.templateVersion })} ·{' '}
                {t('documents.created')}{' '}
                <DateText date={localDateOf(new Date(document.createdAt))} language={language} /> ·
                SHA-256 (PDF) <code>{document.pdfSha256.slice(0, 16)}…</code>
              </p>
              <Stage document={document} />
              <div className="actions">
                <button
                  type="button"
                  disabled={downloading.submitting}
                  onClick={() => download(document, 'docx')}
                >
                  {t('documents.downloadDocx')}
                </button>
                <button
                  type="button"
                  disabled={downloading.submitting}
                  onClick={() => download(document, 'pdf')}
                >
                  {t('documents.downloadPdf')}
                </button>
              </div>
              {open ? (
                <TrackingForms
                  api={api}
                  caseId={caseId}
                  document={document}
                  onTracked={(tracked) => {
                    replace(tracked);
                    setAnnouncement(t('documents.tracked'));
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={downloading.error} />
      {announcement === '' ? null : (
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      )}
      {open ? (
        <>
          <form className="document-choice" onSubmit={prepare} noValidate>
            <h3>{t('documents.new')}</h3>
            <SelectField
              name="kind"
              label={t('documents.kind')}
              value={kind}
              placeholder={t('documents.chooseKind')}
              options={load.templates.map((template) => ({
                value: template.kind,
                label: template.title[language],
              }))}
              onChange={setKind}
            />
            <button type="submit" disabled={kind === '' || preparing.submitting}>
              {t('documents.fill')}
            </button>
            <ErrorAlert error={preparing.error} />
          </form>
          {prepared !== null && chosen !== undefined ? (
            <DraftForm
              key={`${prepared.kind}-${load.documents.length}`}
              api={api}
              caseId={caseId}
              template={chosen}
              prepared={prepared}
              onGenerated={(document) => {
                setLoad({ ...load, documents: [document, ...load.documents] });
                setPrepared(null);
                setAnnouncement(t('documents.generated', { title: titleOf(document.kind) }));
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
