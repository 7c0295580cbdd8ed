import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CaseAlertsResponse } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';

type Step = CaseAlertsResponse[number]['steps'][number];

function StepText({ step }: { step: Step }) {
  const { t } = useTranslation();
  const channel =
    step.channel === 'email' || step.channel === 'board'
      ? t(`alerts.channels.${step.channel}`)
      : null;
  return (
    <>
      {t(`alerts.steps.${step.kind}`)}
      {step.displayName === null ? null : `: ${step.displayName}`}
      {channel === null ? null : ` (${channel}`}
      {channel !== null && step.attempt !== null && step.kind !== 'sent'
        ? `, ${t('alerts.attempt', { attempt: step.attempt })}`
        : null}
      {channel === null ? null : ')'}
    </>
  );
}

/**
 * The case's alerts and their log: who was paged when, what was delivered on which channel,
 * what failed and is retried, who took it. A case can be marked urgent from here.
 */
export function CaseAlertsPanel({
  api,
  caseId,
  open,
}: {
  api: ApiClient;
  caseId: string;
  open: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [alerts, setAlerts] = useState<CaseAlertsResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const { submitting, error, submit } = useSubmission();

  // biome-ignore lint/correctness/useExhaustiveDependencies: each generation is one reread
  useEffect(() => {
    let current = true;
    api.caseAlerts(caseId).then(
      (loaded) => current && setAlerts(loaded),
      (problem: unknown) => current && setFailure(problem),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, generation]);

  const hasOpenAlert = alerts?.some((alert) => alert.status === 'open') ?? false;

  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <ErrorAlert error={failure ?? error} />
      {alerts !== null && alerts.length === 0 ? <p>{t('alerts.none')}</p> : null}
      {alerts?.map((alert) => (
        <div key={alert.id} className="alert-log">
          <p>
            <strong>{t(`alerts.reason.${alert.reason}`)}</strong> ·{' '}
            {t(`alerts.status.${alert.status}`)}
          </p>
          <ol>
            {alert.steps.map((step) => (
              <li
                key={step.id}
                className={step.kind.startsWith('delivery-') ? 'failed' : undefined}
              >
                <time dateTime={step.at}>{formatInstant(step.at, language)}</time>{' '}
                <StepText step={step} />
              </li>
            ))}
          </ol>
        </div>
      ))}
      {open && alerts !== null && !hasOpenAlert ? (
        <div className="actions">
          <button
            type="button"
            disabled={submitting}
            onClick={() =>
              submit(async () => {
                await api.markCaseUrgent(caseId);
                setGeneration((value) => value + 1);
              })
            }
          >
            {t('alerts.markUrgent')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
