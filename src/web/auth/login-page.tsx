import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStageBody } from '../../contracts/auth.ts';
import type { ApiClient } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type LoginPageProps = {
  api: ApiClient;
  onStage: (stage: SessionStageBody) => void;
  /** Why the user is here again, e.g. after logging out; shown until they act. */
  notice?: string | undefined;
  /** A failure from before this page, such as the server being unreachable at start. */
  initialError?: unknown;
  onForgotPassword: () => void;
};

export function LoginPage({
  api,
  onStage,
  notice,
  initialError,
  onForgotPassword,
}: LoginPageProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submitting, error, submit } = useSubmission();
  const [submitted, setSubmitted] = useState(false);
  const shownError = submitted ? error : initialError;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    submit(async () => {
      const { stage } = await api.logIn({ email: email.trim(), password });
      onStage(stage);
    });
  };

  return (
    <PageLayout title={t('login.title')}>
      {notice && !submitted ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorAlert error={shownError} />
      <form onSubmit={onSubmit}>
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
          error={fieldMessage(error, 'email')}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={fieldMessage(error, 'password')}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <ScreenLink to="reset" onShow={onForgotPassword}>
          {t('login.forgotPassword')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
