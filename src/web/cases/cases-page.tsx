import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../domain/intake/questionnaire.ts';
import type {
  ApiClient,
  CampaignListResponse,
  CaseListResponse,
  CaseStatusFilter,
} from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { PlacePicker } from '../places/place-picker.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ChoiceGroup } from '../ui/choice-group.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { type Option, SelectField } from '../ui/select-field.tsx';
import { caseName, situationLabel } from './case-labels.ts';

type CaseSummary = CaseListResponse['cases'][number];

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | {
      state: 'ready';
      cases: CaseSummary[];
      questionnaire: Questionnaire;
      campaigns: CampaignListResponse['campaigns'];
    };

type CasesPageProps = {
  api: ApiClient;
  onHome: () => void;
  onOpenCase: (caseId: string) => void;
};

const statuses: readonly CaseStatusFilter[] = ['open', 'closed'];

function CaseRow({
  summary,
  questionnaire,
  onOpen,
}: {
  summary: CaseSummary;
  questionnaire: Questionnaire;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { report } = summary;
  const none = t('cases.none');
  return (
    <tr>
      <th scope="row">
        <ScreenLink to={{ caseId: summary.id }} onShow={onOpen}>
          {caseName(summary.id, report)}
        </ScreenLink>
      </th>
      <td>{report ? t(`cases.channels.${report.channel}`) : none}</td>
      <td>
        {report?.situation ? situationLabel(questionnaire, report.situation, language) : none}
      </td>
      <td>
        {report ? (
          <time dateTime={report.receivedAt}>{formatInstant(report.receivedAt, language)}</time>
        ) : (
          none
        )}
      </td>
      <td>
        {t(`cases.status.${summary.status}`)}
        {summary.likelyDuplicates.length > 0 ? (
          <span className="badge">
            {' '}
            {t('cases.likelyDuplicate', { count: summary.likelyDuplicates.length })}
          </span>
        ) : null}
      </td>
      <td>
        {summary.custody ? (
          <>
            {t(`timeline.custody.${summary.custody.status}`)}{' '}
            <time dateTime={summary.custody.lastUpdateAt}>
              {formatInstant(summary.custody.lastUpdateAt, language)}
            </time>
          </>
        ) : (
          none
        )}
      </td>
      <td>
        {summary.assigneeIds.length === 0
          ? t('cases.unassigned')
          : t('cases.assigned', { count: summary.assigneeIds.length })}
      </td>
    </tr>
  );
}

/** The organisation's cases a reader may see, newest first, without any personal data. */
export function CasesPage({ api, onHome, onOpenCase }: CasesPageProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CaseStatusFilter>('open');
  const [mine, setMine] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [campaign, setCampaign] = useState('');
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    Promise.all([
      api.cases({ status, mine, dueSoon, campaign, ...(placeId === null ? {} : { placeId }) }),
      api.hotlineQuestionnaire(),
      api.campaigns(),
    ]).then(
      ([list, questionnaire, { campaigns }]) =>
        current && setLoad({ state: 'ready', cases: list.cases, questionnaire, campaigns }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, status, mine, dueSoon, placeId, campaign, load.state]);

  const options = statuses.map(
    (value): Option<CaseStatusFilter> => ({ value, label: t(`cases.filter.${value}`) }),
  );

  return (
    <PageLayout title={t('cases.title')}>
      <p>{t('cases.intro')}</p>
      <ChoiceGroup
        legend={t('cases.show')}
        options={options}
        value={status}
        onChange={(next) => {
          setStatus(next);
          setLoad({ state: 'loading' });
        }}
      />
      <div className="case-filters">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={mine}
            onChange={(event) => {
              setMine(event.target.checked);
              setLoad({ state: 'loading' });
            }}
          />{' '}
          {t('cases.mine')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={dueSoon}
            onChange={(event) => {
              setDueSoon(event.target.checked);
              setLoad({ state: 'loading' });
            }}
          />{' '}
          {t('cases.dueSoon')}
        </label>
        <PlacePicker
          api={api}
          label={t('cases.place')}
          value={placeId}
          onChange={(next) => {
            setPlaceId(next);
            setLoad({ state: 'loading' });
          }}
        />
        {load.state === 'ready' ? (
          <SelectField
            label={t('cases.campaign')}
            value={campaign}
            placeholder={t('cases.anyCampaign')}
            options={load.campaigns.map((entry) => ({
              value: entry.id,
              label: entry.name[currentLanguage()],
            }))}
            onChange={(next) => {
              setCampaign(next);
              setLoad({ state: 'loading' });
            }}
          />
        ) : null}
      </div>
      {load.state === 'loading' ? <p role="status">{t('cases.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('cases.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' && load.cases.length === 0 ? (
        <p className="notice">{t(`cases.empty.${status}`)}</p>
      ) : null}
      {load.state === 'ready' && load.cases.length > 0 ? (
        <div className="case-table">
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t('cases.columns.case')}</th>
                <th scope="col">{t('cases.columns.channel')}</th>
                <th scope="col">{t('cases.columns.situation')}</th>
                <th scope="col">{t('cases.columns.receivedAt')}</th>
                <th scope="col">{t('cases.columns.status')}</th>
                <th scope="col">{t('cases.columns.custody')}</th>
                <th scope="col">{t('cases.columns.assignees')}</th>
              </tr>
            </thead>
            <tbody>
              {load.cases.map((summary) => (
                <CaseRow
                  key={summary.id}
                  summary={summary}
                  questionnaire={load.questionnaire}
                  onOpen={() => onOpenCase(summary.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('cases.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
