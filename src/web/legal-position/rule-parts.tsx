import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../contracts/rules.ts';
import type { Confidence, Source } from '../../domain/rules/rule-pack.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';
import { formatDate, formatInstantDate } from '../ui/format-date.ts';

/** A dispute as the pages show it; one raised just now has no author the page needs to know. */
export type ShownDispute = Pick<
  EvaluationResponse['disputes'][number],
  'id' | 'ruleId' | 'versionId' | 'note' | 'raisedAt'
>;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function DateText({ date, language }: { date: string; language: Language }) {
  return <time dateTime={date}>{formatDate(date, language)}</time>;
}

/** High confidence needs no warning; medium and low say so in words, not colour alone. */
export function ConfidenceMark({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  const label = t(`legal.results.confidence.${confidence}`);
  if (confidence === 'high') return <span className="confidence">{label}</span>;
  return <span className={`badge badge-${confidence}`}>{label}</span>;
}

export function Sources({ sources }: { sources: Source[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ul className="sources">
      {sources.map((source) => (
        <li key={`${source.law}|${source.article}`}>
          <cite>
            {source.law}, {source.article}
          </cite>
          {source.date ? (
            <>
              {' '}
              (<DateText date={source.date} language={language} />)
            </>
          ) : null}
          <ul className="source-links">
            {source.urls.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {hostOf(url)}
                  <span className="visually-hidden"> {t('legal.results.opensInNewTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The organisation's lawyers' objections to one rule version, oldest first. */
export function DisputeList({ disputes }: { disputes: readonly ShownDispute[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (disputes.length === 0) return null;
  return (
    <ul className="disputes">
      {disputes.map((dispute) => (
        <li key={dispute.id}>
          {t('disputes.raised', { note: dispute.note })} ·{' '}
          <time dateTime={dispute.raisedAt}>{formatInstantDate(dispute.raisedAt, language)}</time>
        </li>
      ))}
    </ul>
  );
}

export function disputesOf(
  disputes: readonly ShownDispute[],
  ruleId: string,
  versionId: string,
): ShownDispute[] {
  return disputes.filter((dispute) => dispute.ruleId === ruleId && dispute.versionId === versionId);
}
