import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <p className="alert" role="alert">
      {describeError(error, t)}
    </p>
  );
}
