import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentStaffResponse } from '../../contracts/staff.ts';
import type { ApiClient, BoardResponse } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';
import { elapsedSince } from './elapsed.ts';
import { useLiveBoard } from './use-live-board.ts';

type BoardPageProps = {
  api: ApiClient;
  staff: CurrentStaffResponse;
  onHome: () => void;
  onOpenCase: (caseId: string) => void;
};

type BoardAlert = BoardResponse['openAlerts'][number];

function AlertItem({
  alert,
  mayTake,
  onTake,
  submitting,
}: {
  alert: BoardAlert;
  mayTake: boolean;
  onTake: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className={alert.pagedToReader ? 'alert paged-to-me' : 'alert'}>
      <p>
        <strong>{t('board.alertFor', { code: alert.caseCode })}</strong>
        {' · '}
        {t(`alerts.reason.${alert.reason}`)}
        {' · '}
        {alert.placeId ?? t('board.unknownPlace')}
        {' · '}
        <time dateTime={alert.raisedAt}>{formatInstant(alert.raisedAt, language)}</time>
        {alert.pagedToReader ? <span className="badge"> {t('board.pagedToYou')}</span> : null}
      </p>
      <p className="muted">
        {alert.paged.length === 0
          ? t('board.nobodyPaged')
          : t('board.paged', { names: alert.paged.map((page) => page.displayName).join(', ') })}
        {alert.failedDeliveries > 0
          ? ` · ${t('board.failedDeliveries', { count: alert.failedDeliveries })}`
          : null}
      </p>
      {mayTake ? (
        <button type="button" className="primary" disabled={submitting} onClick={onTake}>
          {t('board.take')}
        </button>
      ) : null}
    </li>
  );
}

/**
 * Who is held where now, live: a new detention reported anywhere appears here within a second,
 * in every open app. Case codes only; a case the reader may open is a link to it.
 */
export function BoardPage({ api, staff, onHome, onOpenCase }: BoardPageProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { view, reload } = useLiveBoard(api);
  const { submitting, error, submit } = useSubmission();
  const coordinates = staff.user.roles.includes('coordinator');
  const [notice, setNotice] = useState<string | null>(null);

  const take = (alertId: string) =>
    submit(async () => {
      const result = await api.acknowledgeAlert(alertId);
      setNotice(result.outcome === 'acknowledged' ? t('board.taken') : t('board.takenBySomeone'));
      reload();
    });

  return (
    <PageLayout title={t('board.title')}>
      <p>{t('board.intro')}</p>
      {view.state === 'loading' ? <p role="status">{t('board.loading')}</p> : null}
      {view.state === 'failed' ? (
        <>
          <ErrorAlert error={view.error} />
          <button type="button" onClick={reload}>
            {t('board.retry')}
          </button>
        </>
      ) : null}
      {view.state === 'ready' ? (
        <>
          <p className="muted" role="status">
            {view.live ? t('board.live') : t('board.offline')}
          </p>
          <section aria-labelledby="alerts-title">
            <h2 id="alerts-title">{t('board.alerts')}</h2>
            <ErrorAlert error={error} />
            {notice === null ? null : (
              <p className="notice" role="status">
                {notice}
              </p>
            )}
            {view.board.openAlerts.length === 0 ? (
              <p>{t('board.noAlerts')}</p>
            ) : (
              <ul className="alerts">
                {view.board.openAlerts.map((alert) => (
                  <AlertItem
                    key={alert.id}
                    alert={alert}
                    mayTake={alert.pagedToReader || coordinates}
                    onTake={() => take(alert.id)}
                    submitting={submitting}
                  />
                ))}
              </ul>
            )}
          </section>
          {view.board.places.length === 0 ? <p className="notice">{t('board.empty')}</p> : null}
          {view.board.places.map((place) => (
            <section
              key={place.placeId ?? ''}
              aria-label={place.placeId ?? t('board.unknownPlace')}
            >
              <h2>
                {place.placeId ?? t('board.unknownPlace')} ({place.cases.length})
              </h2>
              <div className="case-table">
                <table className="cases board">
                  <thead>
                    <tr>
                      <th scope="col">{t('board.columns.case')}</th>
                      <th scope="col">{t('board.columns.status')}</th>
                      <th scope="col">{t('board.columns.held')}</th>
                      <th scope="col">{t('board.columns.assignees')}</th>
                      <th scope="col">{t('board.columns.lastUpdate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {place.cases.map((entry) => (
                      <tr key={entry.caseId}>
                        <th scope="row">
                          {entry.readerMayOpen ? (
                            <ScreenLink
                              to={{ caseId: entry.caseId }}
                              onShow={() => onOpenCase(entry.caseId)}
                            >
                              {entry.caseCode}
                            </ScreenLink>
                          ) : (
                            entry.caseCode
                          )}
                        </th>
                        <td>{t(`timeline.custody.${entry.status}`)}</td>
                        <td>
                          <time
                            dateTime={entry.detainedSince}
                            title={formatInstant(entry.detainedSince, language)}
                          >
                            {elapsedSince(entry.detainedSince, view.now, t)}
                          </time>
                        </td>
                        <td>
                          {entry.assignees.length === 0
                            ? t('board.nobodyAssigned')
                            : entry.assignees.map((assignee) => assignee.displayName).join(', ')}
                        </td>
                        <td>
                          <time
                            dateTime={entry.lastUpdateAt}
                            title={formatInstant(entry.lastUpdateAt, language)}
                          >
                            {t('board.ago', {
                              elapsed: elapsedSince(entry.lastUpdateAt, view.now, t),
                            })}
                          </time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('board.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
