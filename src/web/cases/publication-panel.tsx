import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CasePublicationResponse } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';

/**
 * Whether the case counts in public statistics (/stats and open data). Nothing counts until a
 * coordinator allows it; only the kinds, weeks and places of its events are ever counted.
 */
export function PublicationPanel({
  api,
  caseId,
  mayChange,
}: {
  api: ApiClient;
  caseId: string;
  mayChange: boolean;
}) {
  const { t } = useTranslation();
  const [publication, setPublication] = useState<CasePublicationResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { submitting, error, submit } = useSubmission();

  useEffect(() => {
    let current = true;
    api.casePublication(caseId).then(
      (loaded) => current && setPublication(loaded),
      (problem: unknown) => current && setFailure(problem),
    );
    return () => {
      current = false;
    };
  }, [api, caseId]);

  const change = (publishable: boolean) =>
    submit(async () => setPublication(await api.setCasePublication(caseId, publishable)));

  return (
    <section aria-labelledby="publication-title">
      <h2 id="publication-title">{t('publication.title')}</h2>
      <ErrorAlert error={failure ?? error} />
      {publication === null ? null : (
        <>
          <p>
            {publication.publishable ? t('publication.counted') : t('publication.notCounted')}
            {publication.changedAt === null
              ? null
              : ` (${formatInstant(publication.changedAt, currentLanguage())})`}
          </p>
          {mayChange ? (
            <button
              type="button"
              disabled={submitting}
              onClick={() => change(!publication.publishable)}
            >
              {publication.publishable ? t('publication.withdraw') : t('publication.allow')}
            </button>
          ) : null}
        </>
      )}
      <p className="muted">{t('publication.explain')}</p>
    </section>
  );
}
