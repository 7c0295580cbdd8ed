import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../contracts/rules.ts';
import type { FindingKind } from '../../domain/rules/rule-pack.ts';
import type { ApiClient } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format-date.ts';
import { TextAreaField } from '../ui/text-area-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import {
  ConfidenceMark,
  DateText,
  DisputeList,
  disputesOf,
  type ShownDispute,
  Sources,
} from './rule-parts.tsx';

type Finding = EvaluationResponse['findings'][number];
type Alternative = Finding['alternatives'][number];

/** Rights first: what the person can insist on now, then what to complain of, then the rest. */
const kindOrder: Record<FindingKind, number> = {
  right: 0,
  ground: 1,
  deadline: 2,
  consequence: 3,
  advice: 4,
};

function byKind(findings: Finding[]): [FindingKind, Finding[]][] {
  const groups = new Map<FindingKind, Finding[]>();
  for (const finding of findings) {
    groups.set(finding.kind, [...(groups.get(finding.kind) ?? []), finding]);
  }
  return [...groups].sort(([a], [b]) => kindOrder[a] - kindOrder[b]);
}

function Period({ alternative }: { alternative: Alternative }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { effectiveFrom, effectiveTo } = alternative;
  return (
    <>
      {t(`legal.results.status.${alternative.status}`)}
      {effectiveFrom ? (
        <>
          {' · '}
          {t('legal.results.from')} <DateText date={effectiveFrom} language={language} />
        </>
      ) : null}
      {effectiveTo ? (
        <>
          {' · '}
          {t('legal.results.until')} <DateText date={effectiveTo} language={language} />
        </>
      ) : null}
    </>
  );
}

function Alternatives({ alternatives }: { alternatives: Alternative[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <details className="alternatives">
      <summary>{t('legal.results.alternatives', { count: alternatives.length })}</summary>
      <ul>
        {alternatives.map((alternative) => (
          <li key={alternative.versionId}>
            <p className="finding-meta">
              <Period alternative={alternative} /> · <code>{alternative.versionId}</code>{' '}
              <ConfidenceMark confidence={alternative.confidence} />
            </p>
            <p>{alternative.statement[language]}</p>
            <Sources sources={alternative.sources} />
          </li>
        ))}
      </ul>
    </details>
  );
}

type DisputeProps = {
  api: ApiClient;
  finding: Finding;
  onRaised: (dispute: ShownDispute) => void;
};

/** "Dispute" opens a short form under the finding; what is sent is about the law, not a client. */
function DisputeControl({ api, finding, onRaised }: DisputeProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [raised, setRaised] = useState(false);
  const { submitting, error, submit, clearError } = useSubmission();
  const toggle = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    // Into the form when it opens, back to the button when it closes: never lost on the page.
    if (open) field.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setOpen(false);
    setNote('');
    setMissing(false);
    clearError();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = note.trim();
    setMissing(text === '');
    if (text === '') {
      clearError();
      field.current?.focus();
      return;
    }
    const { ruleId, versionId } = finding;
    submit(async () => {
      const { disputeId } = await api.raiseRuleDispute({ ruleId, versionId, note: text });
      onRaised({
        id: disputeId,
        ruleId,
        versionId,
        note: text,
        raisedAt: new Date().toISOString(),
      });
      setRaised(true);
      close();
    });
  };

  const noteError = missing ? t('disputes.required') : fieldMessage(error, 'note');
  return (
    <div className="dispute">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => {
          setRaised(false);
          if (open) close();
          else setOpen(true);
        }}
      >
        {t('disputes.open')}
      </button>
      {raised ? (
        <p role="status" className="finding-meta">
          {t('disputes.added')}
        </p>
      ) : null}
      {open ? (
        <form id={`${id}-form`} className="dispute-form" onSubmit={onSubmit} noValidate>
          <TextAreaField
            ref={field}
            label={t('disputes.note')}
            name="note"
            rows={3}
            maxLength={4000}
            required
            value={note}
            onChange={setNote}
            error={noteError}
          />
          <ErrorAlert error={error} />
          <div className="inline-actions">
            <button type="submit" className="primary" disabled={submitting}>
              {t('disputes.submit')}
            </button>
            <button type="button" disabled={submitting} onClick={close}>
              {t('disputes.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

type FindingItemProps = DisputeProps & { disputes: readonly ShownDispute[] };

function FindingItem({ api, finding, disputes, onRaised }: FindingItemProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="finding">
      <h4>{finding.title[language]}</h4>
      <p className="finding-marks">
        <ConfidenceMark confidence={finding.confidence} />
        {finding.disputed ? (
          <span className="badge badge-disputed">{t('legal.results.disputed')}</span>
        ) : null}
      </p>
      <p>{finding.statement[language]}</p>
      {finding.dates.length > 0 ? (
        <dl className="finding-dates">
          {finding.dates.map((date) => (
            <div key={`${date.label.en}|${date.date}`}>
              <dt>{date.label[language]}</dt>
              <dd>
                <DateText date={date.date} language={language} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {finding.disputed ? (
        <p className="finding-meta">{t(`legal.results.selection.${finding.selection}`)}</p>
      ) : null}
      <p className="rule-statement">
        <span className="rule-id">
          {t('legal.results.rule', { ruleId: finding.ruleId, versionId: finding.versionId })}
        </span>{' '}
        {finding.ruleStatement[language]}
      </p>
      <Sources sources={finding.sources} />
      {finding.alternatives.length > 0 ? (
        <Alternatives alternatives={finding.alternatives} />
      ) : null}
      <DisputeList disputes={disputes} />
      <DisputeControl api={api} finding={finding} onRaised={onRaised} />
    </li>
  );
}

/** The findings, grouped by kind, with the record that lets anyone replay the calculation. */
export function Findings({
  api,
  evaluation,
  headingRef,
}: {
  api: ApiClient;
  evaluation: EvaluationResponse;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = currentLanguage();
  const { record, findings } = evaluation;
  // Disputes raised here join the evaluation's own; the findings need no new evaluation for it.
  const [disputes, setDisputes] = useState<readonly ShownDispute[]>(evaluation.disputes);
  const addDispute = (dispute: ShownDispute) => setDisputes((current) => [...current, dispute]);
  return (
    <section className="results" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('legal.results.heading', { date: formatDate(record.asOf, language) })}
      </h2>
      {findings.length === 0 ? <p>{t('legal.results.none')}</p> : null}
      {byKind(findings).map(([kind, group]) => (
        <div key={kind} className="finding-group">
          <h3>{t(`legal.results.kinds.${kind}`)}</h3>
          <ul className="findings">
            {group.map((finding) => (
              <FindingItem
                key={`${finding.ruleId}|${finding.versionId}|${finding.outcomeId}`}
                api={api}
                finding={finding}
                disputes={disputesOf(disputes, finding.ruleId, finding.versionId)}
                onRaised={addDispute}
              />
            ))}
          </ul>
        </div>
      ))}
      <p className="replay">
        {t('legal.results.replay', {
          packId: record.packId,
          packVersion: record.packVersion,
          asOf: formatDate(record.asOf, language),
        })}{' '}
        · SHA-256 <code>{record.packHash}</code>
      </p>
    </section>
  );
}
