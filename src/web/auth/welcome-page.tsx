import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStageBody } from '../../contracts/auth.ts';
import { passwordMinLength } from '../../domain/accounts/password-policy.ts';
import type { ApiClient } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type WelcomePageProps = {
  api: ApiClient;
  onStage: (stage: SessionStageBody) => void;
};

/** The link carries its token in the fragment, which browsers never send to any server. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

type Problems = { tooShort: boolean; mismatch: boolean };

function checkPasswords(password: string, confirmation: string): Problems {
  return {
    // Counted in characters, not UTF-16 units, as the server's policy counts them.
    tooShort: [...password].length < passwordMinLength,
    mismatch: password !== confirmation,
  };
}

export function WelcomePage({ api, onStage }: WelcomePageProps) {
  const { t } = useTranslation();
  const [token] = useState(tokenFromFragment);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<Problems>({ tooShort: false, mismatch: false });
  const { submitting, error, submit } = useSubmission();

  useEffect(() => {
    // Keep the one-time token out of the address bar, history and anyone looking at the screen.
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkPasswords(password, confirmation);
    setProblems(found);
    if (found.tooShort || found.mismatch) return;
    submit(async () => {
      const { stage } = await api.setPassword({ token, password });
      onStage(stage);
    });
  };

  return (
    <PageLayout title={t('welcome.title')}>
      {token === '' ? (
        <p className="alert" role="alert">
          {t('welcome.missingToken')}
        </p>
      ) : (
        <>
          <p>{t('welcome.intro')}</p>
          <ErrorAlert error={error} />
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label={t('welcome.password')}
              type="password"
              name="password"
              autoComplete="new-password"
              hint={t('welcome.hint', { count: passwordMinLength })}
              value={password}
              onChange={setPassword}
              error={
                problems.tooShort
                  ? t('welcome.tooShort', { count: passwordMinLength })
                  : fieldMessage(error, 'password')
              }
            />
            <TextField
              label={t('welcome.confirmation')}
              type="password"
              name="confirmation"
              autoComplete="new-password"
              value={confirmation}
              onChange={setConfirmation}
              error={problems.mismatch ? t('welcome.mismatch') : undefined}
            />
            <button type="submit" className="primary" disabled={submitting}>
              {t('welcome.submit')}
            </button>
          </form>
        </>
      )}
    </PageLayout>
  );
}
