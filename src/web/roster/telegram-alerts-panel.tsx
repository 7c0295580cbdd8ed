import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiClient,
  TelegramLinkCodeResponse,
  TelegramLinkResponse,
} from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstant } from '../ui/format-date.ts';
import { useSubmission } from '../ui/use-submission.ts';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; link: TelegramLinkResponse };

/**
 * The reader's own alerts in Telegram: a single-use code to send to the organisation's bot from
 * the chat where pages should arrive, and a way to stop them. E-mail and the board carry alerts
 * either way.
 */
export function TelegramAlertsPanel({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [linkCode, setLinkCode] = useState<TelegramLinkCodeResponse | null>(null);
  const { submitting, error, submit } = useSubmission();

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    api.telegramLink().then(
      (link) => current && setLoad({ state: 'ready', link }),
      (failure: unknown) => current && setLoad({ state: 'failed', error: failure }),
    );
    return () => {
      current = false;
    };
  }, [api, load.state]);

  if (load.state === 'loading') return null;
  if (load.state === 'failed') return <ErrorAlert error={load.error} />;
  const { link } = load;
  if (!link.available) return null;

  return (
    <section aria-labelledby="telegram-alerts-title">
      <h2 id="telegram-alerts-title">{t('roster.telegram.title')}</h2>
      {link.linked && link.linkedAt !== null ? (
        <p>{t('roster.telegram.linked', { at: formatInstant(link.linkedAt, language) })}</p>
      ) : (
        <p>{t('roster.telegram.notLinked')}</p>
      )}
      {linkCode === null ? null : (
        <div className="notice">
          <p>
            {t('roster.telegram.sendThis', {
              until: formatInstant(linkCode.expiresAt, language),
            })}
          </p>
          <p>
            <code>{linkCode.command}</code>
          </p>
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('roster.telegram.check')}
          </button>
        </div>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button
          type="button"
          disabled={submitting}
          onClick={() => submit(async () => setLinkCode(await api.telegramLinkCode()))}
        >
          {link.linked ? t('roster.telegram.relink') : t('roster.telegram.link')}
        </button>
        {link.linked ? (
          <button
            type="button"
            disabled={submitting}
            onClick={() =>
              submit(async () => {
                setLinkCode(null);
                setLoad({ state: 'ready', link: await api.unlinkTelegram() });
              })
            }
          >
            {t('roster.telegram.unlink')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
