import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import type { CaseFacts } from '../../domain/rules/case-facts.ts';
import { CaseAlertsPanel } from '../alerts/case-alerts-panel.tsx';
import type { ApiClient, CaseFile } from '../api/api-client.ts';
import { CaseDocumentsPanel } from '../documents/case-documents-panel.tsx';
import { EvidencePanel } from '../evidence/evidence-panel.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { DateText } from '../legal-position/rule-parts.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';
import { answerRows, caseName } from './case-labels.ts';
import { DraftMatterPanel } from './draft-matter-panel.tsx';
import { PublicationPanel } from './publication-panel.tsx';
import { CaseTasksPanel } from './tasks-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; file: CaseFile; questionnaire: Questionnaire };

type CasePageProps = {
  api: ApiClient;
  caseId: string;
  /** The signed-in staff member, to say which files he added himself. */
  meId: string;
  onCases: () => void;
  /** With the case's facts once it is open, for the rules to read. */
  onLegalPosition: (facts: CaseFacts | null) => void;
  /** Whether the reader decides if cases count in public statistics. */
  mayPublish?: boolean;
};

function InstantText({ instant }: { instant: string }) {
  return <time dateTime={instant}>{formatInstant(instant, currentLanguage())}</time>;
}

function Persons({ persons }: { persons: CaseFile['persons'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (persons.length === 0) return <p>{t('case.noPersons')}</p>;
  return (
    <ul className="case-persons">
      {persons.map((person) => (
        <li key={person.id}>
          <p className="case-person-name">{person.fullName}</p>
          <dl className="facts">
            {person.birthDate ? (
              <>
                <dt>{t('case.birthDate')}</dt>
                <dd>
                  <DateText date={person.birthDate} language={language} />
                </dd>
              </>
            ) : null}
            {person.phone ? (
              <>
                <dt>{t('case.phone')}</dt>
                <dd>{person.phone}</dd>
              </>
            ) : null}
            {person.notes ? (
              <>
                <dt>{t('case.notes')}</dt>
                <dd className="long-answer">{person.notes}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Report({
  report,
  questionnaire,
}: {
  report: CaseFile['report'];
  questionnaire: Questionnaire;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (report === null) return <p>{t('case.noReport')}</p>;
  const rows = answerRows(questionnaire, report.answers, language, t);
  return (
    <dl className="facts case-answers">
      {rows.map((row) => (
        <div key={row.questionId}>
          <dt>{row.label}</dt>
          <dd className={row.long ? 'long-answer' : undefined}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Cases that look like the same person: open one to check, then fold it into this one. */
function Duplicates({
  api,
  file,
  onMerged,
}: {
  api: ApiClient;
  file: CaseFile;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  if (file.mergedInto !== null) {
    return (
      <p className="notice">
        {t('case.mergedInto')}{' '}
        <ScreenLink to={{ caseId: file.mergedInto }} onShow={() => undefined}>
          {caseName(file.mergedInto, null)}
        </ScreenLink>
      </p>
    );
  }
  if (file.likelyDuplicates.length === 0 || file.status !== 'open') return null;
  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('case.duplicates')}</h2>
      <p>{t('case.duplicatesIntro')}</p>
      <ul>
        {file.likelyDuplicates.map((duplicateId) => (
          <li key={duplicateId}>
            {caseName(duplicateId, null)}{' '}
            <button
              type="button"
              className="secondary"
              disabled={submitting}
              onClick={() =>
                submit(async () => {
                  await api.mergeCase(file.id, duplicateId);
                  onMerged();
                })
              }
            >
              {t('case.mergeHere')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
    </section>
  );
}

/**
 * One case as its reader's key opens it: the people in it and the hotline report, answer by
 * answer. Each opening is recorded on the server, and the page says so.
 */
export function CasePage({
  api,
  caseId,
  meId,
  onCases,
  onLegalPosition,
  mayPublish = false,
}: CasePageProps) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [closedNow, setClosedNow] = useState(false);
  const { submitting, error, submit } = useSubmission();
  const closedNotice = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    // The questionnaire first: if it cannot be had, the case is not opened (and audited) in vain.
    api
      .hotlineQuestionnaire()
      .then(async (questionnaire) => ({ questionnaire, file: await api.caseFile(caseId) }))
      .then(
        ({ questionnaire, file }) => current && setLoad({ state: 'ready', file, questionnaire }),
        (failure: unknown) => current && setLoad({ state: 'failed', error: failure }),
      );
    return () => {
      current = false;
    };
  }, [api, caseId, load.state]);

  useEffect(() => {
    if (closedNow) closedNotice.current?.focus();
  }, [closedNow]);

  const refresh = (questionnaire: Questionnaire) =>
    api.caseFile(caseId).then(
      (file) => setLoad({ state: 'ready', file, questionnaire }),
      (failure: unknown) => setLoad({ state: 'failed', error: failure }),
    );

  const close = (questionnaire: Questionnaire) =>
    submit(async () => {
      await api.closeCase(caseId);
      const file = await api.caseFile(caseId);
      setLoad({ state: 'ready', file, questionnaire });
      setClosedNow(true);
    });

  const title =
    load.state === 'ready'
      ? t('case.title', { code: caseName(load.file.id, load.file.report) })
      : t('case.untitled');

  return (
    <PageLayout title={title}>
      <p className="notice">{t('case.audited')}</p>
      {load.state === 'loading' ? <p role="status">{t('case.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('case.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' ? (
        <>
          <dl className="facts">
            <dt>{t('case.status')}</dt>
            <dd>{t(`cases.status.${load.file.status}`)}</dd>
            {load.file.report ? (
              <>
                <dt>{t('case.channel')}</dt>
                <dd>{t(`cases.channels.${load.file.report.channel}`)}</dd>
                <dt>{t('case.receivedAt')}</dt>
                <dd>
                  <InstantText instant={load.file.report.receivedAt} />
                </dd>
              </>
            ) : (
              <>
                <dt>{t('case.createdAt')}</dt>
                <dd>
                  <InstantText instant={load.file.createdAt} />
                </dd>
              </>
            )}
            <dt>{t('case.assignees')}</dt>
            <dd>
              {load.file.assigneeIds.length === 0
                ? t('cases.unassigned')
                : t('cases.assigned', { count: load.file.assigneeIds.length })}
            </dd>
          </dl>
          {closedNow ? (
            <p ref={closedNotice} role="status" className="notice" tabIndex={-1}>
              {t('case.closedNow')}
            </p>
          ) : null}
          <ErrorAlert error={error} />
          {load.file.status === 'open' ? (
            <div className="actions">
              <button type="button" disabled={submitting} onClick={() => close(load.questionnaire)}>
                {t('case.close')}
              </button>
            </div>
          ) : null}
          <TimelinePanel api={api} file={load.file} onChanged={() => refresh(load.questionnaire)} />
          <EvidencePanel api={api} file={load.file} meId={meId} />
          <CaseAlertsPanel api={api} caseId={load.file.id} open={load.file.status === 'open'} />
          <h2>{t('case.persons')}</h2>
          <Persons persons={load.file.persons} />
          <DraftMatterPanel
            api={api}
            file={load.file}
            onChanged={() => refresh(load.questionnaire)}
          />
          <h2>{t('case.report')}</h2>
          <Report report={load.file.report} questionnaire={load.questionnaire} />
          {load.file.laterReports.map((report) => (
            <section
              key={report.caseCode}
              aria-label={t('case.laterReport', { code: report.caseCode })}
            >
              <h3>{t('case.laterReport', { code: report.caseCode })}</h3>
              <Report report={report} questionnaire={load.questionnaire} />
            </section>
          ))}
          <Duplicates api={api} file={load.file} onMerged={() => refresh(load.questionnaire)} />
          <CaseTasksPanel api={api} caseId={caseId} />
          <CaseDocumentsPanel api={api} caseId={caseId} open={load.file.status === 'open'} />
          <PublicationPanel api={api} caseId={caseId} mayChange={mayPublish} />
        </>
      ) : null}
      <nav className="case-links">
        <ul className="tools">
          <li>
            <ScreenLink
              to="legal-position"
              onShow={() => onLegalPosition(load.state === 'ready' ? load.file.facts : null)}
            >
              {t('case.legalPosition')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="cases" onShow={onCases}>
              {t('case.backToList')}
            </ScreenLink>
          </li>
        </ul>
      </nav>
    </PageLayout>
  );
}
