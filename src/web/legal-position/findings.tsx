import { type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../contracts/rules.ts';
import type { Confidence, FindingKind, Source } from '../../domain/rules/rule-pack.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';
import { formatDate } from '../ui/format-date.ts';

type Finding = EvaluationResponse['findings'][number];
type Alternative = Finding['alternatives'][number];

/** Rights first: what the person can insist on now, then what to complain of, then the rest. */
const kindOrder: Record<FindingKind, number> = {
  right: 0,
  ground: 1,
  deadline: 2,
  consequence: 3,
  advice: 4,
};

function byKind(findings: Finding[]): [FindingKind, Finding[]][] {
  const groups = new Map<FindingKind, Finding[]>();
  for (const finding of findings) {
    groups.set(finding.kind, [...(groups.get(finding.kind) ?? []), finding]);
  }
  return [...groups].sort(([a], [b]) => kindOrder[a] - kindOrder[b]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function DateText({ date, language }: { date: string; language: Language }) {
  return <time dateTime={date}>{formatDate(date, language)}</time>;
}

/** High confidence needs no warning; medium and low say so in words, not colour alone. */
function ConfidenceMark({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  const label = t(`legal.results.confidence.${confidence}`);
  if (confidence === 'high') return <span className="confidence">{label}</span>;
  return <span className={`badge badge-${confidence}`}>{label}</span>;
}

function Sources({ sources }: { sources: Source[] }) {
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

function Period({ alternative }: { alternative: Alternative }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { effectiveFrom, effectiveTo } = alternative;
  return (
    <>
      {t(`legal.results.status.${alternative.status}`)}
      {effectiveFrom ? (
        <>
          {' · '}
          {t('legal.results.from')} <DateText date={effectiveFrom} language={language} />
        </>
      ) : null}
      {effectiveTo ? (
        <>
          {' · '}
          {t('legal.results.until')} <DateText date={effectiveTo} language={language} />
        </>
      ) : null}
    </>
  );
}

function Alternatives({ alternatives }: { alternatives: Alternative[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <details className="alternatives">
      <summary>{t('legal.results.alternatives', { count: alternatives.length })}</summary>
      <ul>
        {alternatives.map((alternative) => (
          <li key={alternative.versionId}>
            <p className="finding-meta">
              <Period alternative={alternative} /> · <code>{alternative.versionId}</code>{' '}
              <ConfidenceMark confidence={alternative.confidence} />
            </p>
            <p>{alternative.statement[language]}</p>
            <Sources sources={alternative.sources} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="finding">
      <h4>{finding.title[language]}</h4>
      <p className="finding-marks">
        <ConfidenceMark confidence={finding.confidence} />
        {finding.disputed ? (
          <span className="badge badge-disputed">{t('legal.results.disputed')}</span>
        ) : null}
      </p>
      <p>{finding.statement[language]}</p>
      {finding.dates.length > 0 ? (
        <dl className="finding-dates">
          {finding.dates.map((date) => (
            <div key={`${date.label.en}|${date.date}`}>
              <dt>{date.label[language]}</dt>
              <dd>
                <DateText date={date.date} language={language} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {finding.disputed ? (
        <p className="finding-meta">{t(`legal.results.selection.${finding.selection}`)}</p>
      ) : null}
      <p className="rule-statement">
        <span className="rule-id">
          {t('legal.results.rule', { ruleId: finding.ruleId, versionId: finding.versionId })}
        </span>{' '}
        {finding.ruleStatement[language]}
      </p>
      <Sources sources={finding.sources} />
      {finding.alternatives.length > 0 ? (
        <Alternatives alternatives={finding.alternatives} />
      ) : null}
    </li>
  );
}

/** The findings, grouped by kind, with the record that lets anyone replay the calculation. */
export function Findings({
  evaluation,
  headingRef,
}: {
  evaluation: EvaluationResponse;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = currentLanguage();
  const { record, findings } = evaluation;
  return (
    <section className="results" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('legal.results.heading', { date: formatDate(record.asOf, language) })}
      </h2>
      {findings.length === 0 ? <p>{t('legal.results.none')}</p> : null}
      {byKind(findings).map(([kind, group]) => (
        <div key={kind} className="finding-group">
          <h3>{t(`legal.results.kinds.${kind}`)}</h3>
          <ul className="findings">
            {group.map((finding) => (
              <FindingItem
                key={`${finding.ruleId}|${finding.versionId}|${finding.outcomeId}`}
                finding={finding}
              />
            ))}
          </ul>
        </div>
      ))}
      <p className="replay">
        {t('legal.results.replay', {
          packId: record.packId,
          packVersion: record.packVersion,
          asOf: formatDate(record.asOf, language),
        })}{' '}
        · SHA-256 <code>{record.packHash}</code>
      </p>
    </section>
  );
}
