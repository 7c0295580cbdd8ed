import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type ResetPageProps = {
  api: ApiClient;
  onBackToLogin: () => void;
};

/**
 * Asks for a reset link. The server answers alike whether or not the address has an account,
 * so the confirmation is worded to claim nothing either way.
 */
export function ResetPage({ api, onBackToLogin }: ResetPageProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { submitting, error, submit } = useSubmission();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(false);
    submit(async () => {
      await api.requestPasswordReset({ email: email.trim() });
      setSent(true);
    });
  };

  return (
    <PageLayout title={t('reset.title')}>
      <p>{t('reset.intro')}</p>
      {/* Always present: screen readers announce changes inside a live region, not its arrival. */}
      <div role="status">{sent ? <p className="notice">{t('reset.sent')}</p> : null}</div>
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit}>
        <TextField
          label={t('reset.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
          error={fieldMessage(error, 'email')}
        />
        <button type="submit" className="primary" disabled={submitting}>
          {t('reset.submit')}
        </button>
      </form>
      <p>
        <ScreenLink to="login" onShow={onBackToLogin}>
          {t('reset.backToLogin')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
