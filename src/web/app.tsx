import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStageBody } from '../contracts/auth.ts';
import type { CurrentStaffResponse } from '../contracts/staff.ts';
import { can } from '../domain/access/can.ts';
import type { CaseFacts } from '../domain/rules/case-facts.ts';
import { type ApiClient, ApiError, type RevokedSessionsResponse } from './api/api-client.ts';
import { EnrolTotpPage } from './auth/enrol-totp-page.tsx';
import { LoginPage } from './auth/login-page.tsx';
import { ResetPage } from './auth/reset-page.tsx';
import { VerifyPage } from './auth/verify-page.tsx';
import { WelcomePage } from './auth/welcome-page.tsx';
import { BoardPage } from './board/board-page.tsx';
import { CasePage } from './cases/case-page.tsx';
import { CasesPage } from './cases/cases-page.tsx';
import { HomePage } from './home/home-page.tsx';
import { rememberLanguage } from './i18n/i18n.ts';
import { ImportPage } from './imports/import-page.tsx';
import { LegalPositionPage } from './legal-position/legal-position-page.tsx';
import { MyDayPage } from './my-day/my-day-page.tsx';
import { PlacesPage } from './places/places-page.tsx';
import { RosterPage } from './roster/roster-page.tsx';
import { type Address, caseIdAt, isAt, type Screen, showAddress } from './routing/screens.ts';
import { RulesPage } from './rules/rules-page.tsx';

type LoginNotice = { kind: 'signed-out' } | { kind: 'sessions-revoked'; count: number };

/** Pages for signed-in staff, which keep who is signed in. */
type StaffScreen =
  | 'home'
  | 'legal-position'
  | 'rules'
  | 'cases'
  | 'my-day'
  | 'places'
  | 'roster'
  | 'board'
  | 'imports';

/** Where the app is; `resolving` asks the server where the session stands. */
type View =
  | { screen: 'resolving' }
  | { screen: 'login'; notice?: LoginNotice; error?: unknown }
  | { screen: Exclude<Screen, 'login' | StaffScreen> }
  | { screen: StaffScreen; staff: CurrentStaffResponse; facts?: CaseFacts }
  | { screen: 'case'; caseId: string; staff: CurrentStaffResponse };

type ShownView = Exclude<View, { screen: 'resolving' }>;

function addressOf(view: ShownView): Address {
  return view.screen === 'case' ? { caseId: view.caseId } : view.screen;
}

const screenForStage: Record<SessionStageBody, View> = {
  'second-factor': { screen: 'verify' },
  'totp-enrolment': { screen: 'enrol-totp' },
  full: { screen: 'resolving' },
};

function viewAfterFailedMe(error: unknown): View {
  if (error instanceof ApiError && error.code === 'SECOND_FACTOR_REQUIRED')
    return { screen: 'verify' };
  if (error instanceof ApiError && error.code === 'TOTP_ENROLMENT_REQUIRED')
    return { screen: 'enrol-totp' };
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return { screen: 'login' };
  return { screen: 'login', error };
}

function noticeText(notice: LoginNotice, t: TFunction): string {
  return notice.kind === 'signed-out'
    ? t('login.signedOut')
    : t('login.sessionsRevoked', { count: notice.count });
}

function initialView(): View {
  // An invitation link must not be swallowed by an older session in the same browser.
  if (isAt('welcome')) return { screen: 'welcome' };
  // Asking for a reset needs no session, so its address opens the page straight away.
  if (isAt('reset')) return { screen: 'reset' };
  return { screen: 'resolving' };
}

/** A signed-in user lands where the address points, if it names a page for staff. */
function signedInView(staff: CurrentStaffResponse): View {
  if (isAt('legal-position')) return { screen: 'legal-position', staff };
  if (isAt('rules')) return { screen: 'rules', staff };
  if (isAt('cases')) return { screen: 'cases', staff };
  if (isAt('my-day')) return { screen: 'my-day', staff };
  if (isAt('places')) return { screen: 'places', staff };
  if (isAt('roster')) return { screen: 'roster', staff };
  if (isAt('board')) return { screen: 'board', staff };
  if (isAt('imports')) return { screen: 'imports', staff };
  const caseId = caseIdAt();
  if (caseId !== undefined) return { screen: 'case', caseId, staff };
  return { screen: 'home', staff };
}

export function App({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(initialView);

  const show = useCallback((next: View) => {
    if (next.screen !== 'resolving') showAddress(addressOf(next));
    setView(next);
  }, []);

  useEffect(() => {
    if (view.screen !== 'resolving') return;
    let current = true;
    api.me().then(
      (staff) => current && show(signedInView(staff)),
      (error: unknown) => current && show(viewAfterFailedMe(error)),
    );
    return () => {
      current = false;
    };
  }, [api, view, show]);

  const onStage = (stage: SessionStageBody) => show(screenForStage[stage]);
  const onLoggedOut = (revoked: RevokedSessionsResponse | null) => {
    rememberLanguage();
    show({
      screen: 'login',
      notice: revoked
        ? { kind: 'sessions-revoked', count: revoked.revokedSessions }
        : { kind: 'signed-out' },
    });
  };

  switch (view.screen) {
    case 'resolving':
      return (
        <main className="resolving">
          <p role="status">{t('app.loading')}</p>
        </main>
      );
    case 'login':
      return (
        <LoginPage
          api={api}
          onStage={onStage}
          initialError={view.error}
          notice={view.notice && noticeText(view.notice, t)}
          onForgotPassword={() => show({ screen: 'reset' })}
        />
      );
    case 'verify':
      return <VerifyPage api={api} onStage={onStage} />;
    case 'enrol-totp':
      return <EnrolTotpPage api={api} onDone={() => show({ screen: 'resolving' })} />;
    case 'welcome':
      return <WelcomePage api={api} onStage={onStage} />;
    case 'reset':
      return <ResetPage api={api} onBackToLogin={() => show({ screen: 'login' })} />;
    case 'home':
      return (
        <HomePage
          api={api}
          staff={view.staff}
          onLoggedOut={onLoggedOut}
          onLegalPosition={() => show({ screen: 'legal-position', staff: view.staff })}
          onRules={() => show({ screen: 'rules', staff: view.staff })}
          onCases={() => show({ screen: 'cases', staff: view.staff })}
          onMyDay={() => show({ screen: 'my-day', staff: view.staff })}
          onPlaces={() => show({ screen: 'places', staff: view.staff })}
          onRoster={() => show({ screen: 'roster', staff: view.staff })}
          onBoard={() => show({ screen: 'board', staff: view.staff })}
          onImports={() => show({ screen: 'imports', staff: view.staff })}
        />
      );
    case 'my-day':
      return (
        <MyDayPage
          api={api}
          onHome={() => show({ screen: 'home', staff: view.staff })}
          onOpenCase={(caseId) => show({ screen: 'case', caseId, staff: view.staff })}
        />
      );
    case 'places':
      return (
        <PlacesPage
          api={api}
          staff={view.staff}
          onHome={() => show({ screen: 'home', staff: view.staff })}
        />
      );
    case 'roster':
      return (
        <RosterPage
          api={api}
          staff={view.staff}
          onHome={() => show({ screen: 'home', staff: view.staff })}
        />
      );
    case 'board':
      return (
        <BoardPage
          api={api}
          staff={view.staff}
          onHome={() => show({ screen: 'home', staff: view.staff })}
          onOpenCase={(caseId) => show({ screen: 'case', caseId, staff: view.staff })}
        />
      );
    case 'imports':
      return (
        <ImportPage
          api={api}
          staff={view.staff}
          onHome={() => show({ screen: 'home', staff: view.staff })}
          onCases={() => show({ screen: 'cases', staff: view.staff })}
        />
      );
    case 'legal-position':
      return (
        <LegalPositionPage
          api={api}
          {...(view.facts === undefined ? {} : { initialFacts: view.facts })}
          onHome={() => show({ screen: 'home', staff: view.staff })}
        />
      );
    case 'rules':
      return <RulesPage api={api} onHome={() => show({ screen: 'home', staff: view.staff })} />;
    case 'cases':
      return (
        <CasesPage
          api={api}
          onHome={() => show({ screen: 'home', staff: view.staff })}
          onOpenCase={(caseId) => show({ screen: 'case', caseId, staff: view.staff })}
        />
      );
    case 'case':
      return (
        <CasePage
          key={view.caseId}
          api={api}
          caseId={view.caseId}
          meId={view.staff.user.id}
          mayPublish={can(
            {
              userId: view.staff.user.id,
              orgId: view.staff.organisation.id,
              roles: view.staff.user.roles,
            },
            'case.publish',
            { type: 'organisation', orgId: view.staff.organisation.id },
          )}
          onCases={() => show({ screen: 'cases', staff: view.staff })}
          onLegalPosition={(facts) =>
            show({
              screen: 'legal-position',
              staff: view.staff,
              ...(facts === null ? {} : { facts }),
            })
          }
        />
      );
  }
}
