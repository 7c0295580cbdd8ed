import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolmentResponse } from '../../contracts/auth.ts';
import type { ApiClient } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import { OneTimeCodeField } from './one-time-code-field.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

type EnrolTotpPageProps = {
  api: ApiClient;
  onDone: () => void;
};

/** Base32 in groups of four is far easier to copy into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export function EnrolTotpPage({ api, onDone }: EnrolTotpPageProps) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentResponse | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const { submitting, error, submit } = useSubmission();
  const started = useRef(false);

  useEffect(() => {
    // Each start issues a new secret, so it must run once even when React replays effects.
    if (started.current) return;
    started.current = true;
    api.startTotpEnrolment().then(setEnrolment, setStartError);
  }, [api]);

  if (recoveryCodes !== null) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(async () => {
      const confirmed = await api.confirmTotpEnrolment({ code: code.trim() });
      setRecoveryCodes(confirmed.recoveryCodes);
    });
  };

  return (
    <PageLayout title={t('enrol.title')}>
      <p>{t('enrol.intro')}</p>
      <ErrorAlert error={startError ?? error} />
      {enrolment === null ? (
        startError === null ? (
          <p role="status">{t('enrol.preparing')}</p>
        ) : null
      ) : (
        <>
          <img className="qr-code" src={enrolment.qrCodeDataUrl} alt={t('enrol.qrAlt')} />
          <p>{t('enrol.secret')}</p>
          <p className="secret">
            <code>{grouped(enrolment.secret)}</code>
          </p>
          <form onSubmit={onSubmit}>
            <OneTimeCodeField
              label={t('enrol.code')}
              value={code}
              onChange={setCode}
              error={fieldMessage(error, 'code')}
            />
            <button type="submit" className="primary" disabled={submitting}>
              {t('enrol.submit')}
            </button>
          </form>
        </>
      )}
    </PageLayout>
  );
}
