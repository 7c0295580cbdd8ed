import { useTranslation } from 'react-i18next';
import { PageLayout } from '../layout/page-layout.tsx';

type RecoveryCodesProps = {
  codes: readonly string[];
  onDone: () => void;
};

/** Shown once, right after enrolment: the server keeps only hashes of these codes. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('recovery.title')}>
      <p>{t('recovery.issued', { count: codes.length })}</p>
      <p className="warning">{t('recovery.warning')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="primary" onClick={onDone}>
        {t('recovery.done')}
      </button>
    </PageLayout>
  );
}
