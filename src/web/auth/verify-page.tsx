import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStageBody } from '../../contracts/auth.ts';
import type { ApiClient } from '../api/api-client.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import { OneTimeCodeField } from './one-time-code-field.tsx';

type VerifyPageProps = {
  api: ApiClient;
  onStage: (stage: SessionStageBody) => void;
};

export function VerifyPage({ api, onStage }: VerifyPageProps) {
  const { t } = useTranslation();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const { submitting, error, submit } = useSubmission();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(async () => {
      const { stage } = await api.verifySecondFactor(
        useRecoveryCode ? { recoveryCode: recoveryCode.trim() } : { code: code.trim() },
      );
      onStage(stage);
    });
  };

  return (
    <PageLayout title={t('verify.title')}>
      <p>{useRecoveryCode ? t('verify.recoveryIntro') : t('verify.codeIntro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={onSubmit}>
        {useRecoveryCode ? (
          <TextField
            label={t('verify.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={recoveryCode}
            onChange={setRecoveryCode}
            error={fieldMessage(error, 'recoveryCode')}
          />
        ) : (
          <OneTimeCodeField
            label={t('verify.code')}
            value={code}
            onChange={setCode}
            error={fieldMessage(error, 'code')}
          />
        )}
        <button type="submit" className="primary" disabled={submitting}>
          {t('verify.submit')}
        </button>
      </form>
      <button type="button" className="link" onClick={() => setUseRecoveryCode(!useRecoveryCode)}>
        {useRecoveryCode ? t('verify.useAppCode') : t('verify.useRecoveryCode')}
      </button>
    </PageLayout>
  );
}
