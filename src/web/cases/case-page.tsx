import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import { CaseAlertsPanel } from '../alerts/case-alerts-panel.tsx';
import type { ApiClient, CaseFile } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { DateText } from '../legal-position/rule-parts.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';
import { answerRows, caseName } from './case-labels.ts';
import { DraftMatterPanel } from './draft-matter-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; file: CaseFile; questionnaire: Questionnaire };

type CasePageProps = {
  api: ApiClient;
  caseId: string;
  onCases: () => void;
  onLegalPosition: () => void;
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

function Report({ file, questionnaire }: { file: CaseFile; questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (file.report === null) return <p>{t('case.noReport')}</p>;
  const rows = answerRows(questionnaire, file.report.answers, language, t);
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

/**
 * One case as its reader's key opens it: the people in it and the hotline report, answer by
 * answer. Each opening is recorded on the server, and the page says so.
 */
export function CasePage({ api, caseId, onCases, onLegalPosition }: CasePageProps) {
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
          <CaseAlertsPanel api={api} caseId={load.file.id} open={load.file.status === 'open'} />
          <h2>{t('case.persons')}</h2>
          <Persons persons={load.file.persons} />
          <DraftMatterPanel
            api={api}
            file={load.file}
            onChanged={() => refresh(load.questionnaire)}
          />
          <h2>{t('case.report')}</h2>
          <Report file={load.file} questionnaire={load.questionnaire} />
        </>
      ) : null}
      <nav className="case-links">
        <ul className="tools">
          <li>
            <ScreenLink to="legal-position" onShow={onLegalPosition}>
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
