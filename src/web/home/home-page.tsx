import { useTranslation } from 'react-i18next';
import type { CurrentStaffResponse } from '../../contracts/staff.ts';
import type { ApiClient, RevokedSessionsResponse } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type HomePageProps = {
  api: ApiClient;
  staff: CurrentStaffResponse;
  onLoggedOut: (revoked: RevokedSessionsResponse | null) => void;
  onLegalPosition: () => void;
  onRules: () => void;
  onCases: () => void;
  onMyDay: () => void;
  onPlaces: () => void;
  onRoster: () => void;
  onBoard: () => void;
  onImports: () => void;
};

export function HomePage({
  api,
  staff,
  onLoggedOut,
  onLegalPosition,
  onRules,
  onCases,
  onMyDay,
  onPlaces,
  onRoster,
  onBoard,
  onImports,
}: HomePageProps) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  const { user, organisation } = staff;

  const logOut = () =>
    submit(async () => {
      await api.logOut();
      onLoggedOut(null);
    });
  const logOutEverywhere = () =>
    submit(async () => {
      onLoggedOut(await api.logOutEverywhere());
    });

  return (
    <PageLayout title={t('home.title')}>
      <p>{t('home.signedInAs', { displayName: user.displayName, email: user.email })}</p>
      <dl className="facts">
        <dt>{t('home.roles')}</dt>
        <dd>
          <ul className="roles">
            {user.roles.map((role) => (
              <li key={role}>{t(`roles.${role}`)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('home.organisation')}</dt>
        <dd>{organisation.name}</dd>
      </dl>
      <nav aria-label={t('home.tools')}>
        <ul className="tools">
          <li>
            <ScreenLink to="cases" onShow={onCases}>
              {t('home.cases')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="my-day" onShow={onMyDay}>
              {t('home.myDay')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="places" onShow={onPlaces}>
              {t('home.places')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="board" onShow={onBoard}>
              {t('home.board')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="roster" onShow={onRoster}>
              {t('home.roster')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="imports" onShow={onImports}>
              {t('home.imports')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="legal-position" onShow={onLegalPosition}>
              {t('home.legalPosition')}
            </ScreenLink>
          </li>
          <li>
            <ScreenLink to="rules" onShow={onRules}>
              {t('home.rules')}
            </ScreenLink>
          </li>
        </ul>
      </nav>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={submitting} onClick={logOut}>
          {t('home.logout')}
        </button>
        <button type="button" disabled={submitting} onClick={logOutEverywhere}>
          {t('home.logoutEverywhere')}
        </button>
      </div>
    </PageLayout>
  );
}
