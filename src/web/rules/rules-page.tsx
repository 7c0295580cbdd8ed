import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSettingsResponse } from '../../contracts/rules.ts';
import { underReview } from '../../domain/rules/rule-settings.ts';
import type { ApiClient } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import {
  ConfidenceMark,
  DateText,
  DisputeList,
  disputesOf,
  type ShownDispute,
  Sources,
} from '../legal-position/rule-parts.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatInstantDate, localDateOf } from '../ui/format-date.ts';
import { type Option, SelectField } from '../ui/select-field.tsx';
import { TextAreaField } from '../ui/text-area-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type Rule = RuleSettingsResponse['rules'][number];
type Version = Rule['versions'][number];
type Choice = RuleSettingsResponse['choices'][number];

type VersionStatus = 'inForce' | 'notYet' | 'repealed' | 'pending';

/** Where an enacted version stands today; dates are YYYY-MM-DD, so they compare as text. */
function statusOn(version: Version, today: string): VersionStatus {
  if (version.status === 'pending') return 'pending';
  if (version.effectiveFrom !== null && today < version.effectiveFrom) return 'notYet';
  if (version.effectiveTo !== null && today >= version.effectiveTo) return 'repealed';
  return 'inForce';
}

/** What "default" means for a rule when the organisation has not chosen. */
function defaultVersionText(rule: Rule, today: string, t: TFunction): string {
  if (rule.defaultVersion !== null) return t('rules.byDefault', { version: rule.defaultVersion });
  const [only] = rule.versions;
  if (rule.versions.length === 1 && only) return t('rules.byDefault', { version: only.versionId });
  const inForce = rule.versions.filter((version) => statusOn(version, today) === 'inForce');
  const version =
    inForce.length === 1 && inForce[0]
      ? t('rules.inForceNow', { version: inForce[0].versionId })
      : t('rules.inForceOnDate');
  return t('rules.byDefault', { version });
}

function AppliedVersion({ rule, choice, today }: { rule: Rule; choice?: Choice; today: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  let applies: string;
  if (choice === undefined) applies = defaultVersionText(rule, today, t);
  else if (choice.choice === underReview) applies = t('rules.underReview');
  else applies = `${choice.choice} — ${t('rules.chosen')}`;
  return (
    <dl className="facts rule-applies">
      <dt>{t('rules.applies')}</dt>
      <dd>
        <div>{applies}</div>
        {choice?.note ? <div>{t('rules.choiceNote', { note: choice.note })}</div> : null}
        {choice ? (
          <div className="finding-meta">
            {t('rules.choiceSet', { date: formatInstantDate(choice.setAt, language) })}
          </div>
        ) : null}
      </dd>
    </dl>
  );
}

function VersionItem({
  version,
  today,
  disputes,
}: {
  version: Version;
  today: string;
  disputes: readonly ShownDispute[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { effectiveFrom, effectiveTo } = version;
  return (
    <li className="rule-version">
      <p className="finding-meta">
        <code>{version.versionId}</code> · {t(`rules.status.${statusOn(version, today)}`)}
        {effectiveFrom ? (
          <>
            {' · '}
            {t('rules.from')} <DateText date={effectiveFrom} language={language} />
          </>
        ) : null}
        {effectiveTo ? (
          <>
            {' · '}
            {t('rules.until')} <DateText date={effectiveTo} language={language} />
          </>
        ) : null}{' '}
        <ConfidenceMark confidence={version.confidence} />
      </p>
      <p>{version.statement[language]}</p>
      <Sources sources={version.sources} />
      <DisputeList disputes={disputes} />
    </li>
  );
}

type ChoiceFormProps = {
  api: ApiClient;
  rule: Rule;
  choice?: Choice;
  today: string;
  onSaved: () => Promise<void>;
};

/** The organisation's pick among a rule's versions; an empty pick is the pack's default. */
function ChoiceForm({ api, rule, choice, today, onSaved }: ChoiceFormProps) {
  const { t } = useTranslation();
  const options: Option<string>[] = [
    ...rule.versions.map((version) => ({
      value: version.versionId,
      label: t('rules.option', {
        versionId: version.versionId,
        status: t(`rules.status.${statusOn(version, today)}`),
      }),
    })),
    { value: underReview, label: t('rules.underReviewOption') },
  ];
  const known = options.some((option) => option.value === choice?.choice);
  const [value, setValue] = useState(known && choice ? choice.choice : '');
  const [note, setNote] = useState(choice?.note ?? '');
  const [saved, setSaved] = useState(false);
  const { submitting, error, submit } = useSubmission();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const text = note.trim();
    submit(async () => {
      await api.setRuleChoice(rule.ruleId, {
        choice: value === '' ? null : value,
        note: text === '' ? null : text,
      });
      await onSaved();
      setSaved(true);
    });
  };

  return (
    <form className="rule-choice" onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('rules.choice')}
        name="choice"
        placeholder={t('rules.defaultOption')}
        options={options}
        value={value}
        onChange={(next) => {
          setValue(next);
          setSaved(false);
        }}
        error={fieldMessage(error, 'choice')}
      />
      <TextAreaField
        label={t('rules.note')}
        hint={t('rules.noteHint')}
        name="note"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(next) => {
          setNote(next);
          setSaved(false);
        }}
        error={fieldMessage(error, 'note')}
      />
      <ErrorAlert error={error} />
      {saved ? (
        <p role="status" className="notice">
          {t('rules.saved')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={submitting}>
        {t('rules.save')}
      </button>
    </form>
  );
}

function RuleCard({
  api,
  rule,
  settings,
  today,
  onSaved,
}: {
  api: ApiClient;
  rule: Rule;
  settings: RuleSettingsResponse;
  today: string;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = currentLanguage();
  const choice = settings.choices.find((candidate) => candidate.ruleId === rule.ruleId);
  return (
    <section className="rule-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{rule.title[language]}</h2>
      <p className="rule-id">
        <code>{rule.ruleId}</code>
      </p>
      <AppliedVersion rule={rule} choice={choice} today={today} />
      <h3>{t('rules.versions')}</h3>
      <ul className="rule-versions">
        {rule.versions.map((version) => (
          <VersionItem
            key={version.versionId}
            version={version}
            today={today}
            disputes={disputesOf(settings.disputes, rule.ruleId, version.versionId)}
          />
        ))}
      </ul>
      {rule.versions.length > 1 ? (
        <ChoiceForm api={api} rule={rule} choice={choice} today={today} onSaved={onSaved} />
      ) : null}
    </section>
  );
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; settings: RuleSettingsResponse };

/**
 * The rule pack the legal position is calculated with, rule by rule: every version with its
 * sources and the disputes raised against it, and which version the organisation applies.
 */
export function RulesPage({ api, onHome }: { api: ApiClient; onHome: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const today = localDateOf(new Date());

  useEffect(() => {
    if (load.state !== 'loading') return;
    let current = true;
    api.ruleSettings().then(
      (settings) => current && setLoad({ state: 'ready', settings }),
      (error: unknown) => current && setLoad({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, load.state]);

  const refresh = async () => {
    setLoad({ state: 'ready', settings: await api.ruleSettings() });
  };

  return (
    <PageLayout title={t('rules.title')}>
      <p>{t('rules.intro')}</p>
      {load.state === 'loading' ? <p role="status">{t('rules.loading')}</p> : null}
      {load.state === 'failed' ? (
        <>
          <ErrorAlert error={load.error} />
          <button type="button" onClick={() => setLoad({ state: 'loading' })}>
            {t('rules.retry')}
          </button>
        </>
      ) : null}
      {load.state === 'ready' ? (
        <>
          <dl className="facts">
            <dt>{t('rules.pack')}</dt>
            <dd>
              {load.settings.pack.title[language]}
              <br />
              <code>
                {t('rules.packVersion', {
                  packId: load.settings.pack.packId,
                  packVersion: load.settings.pack.packVersion,
                })}
              </code>
            </dd>
            <dt>{t('rules.hash')}</dt>
            <dd>
              <code title={t('rules.fullHash', { hash: load.settings.pack.packHash })}>
                {load.settings.pack.packHash.slice(0, 12)}
              </code>
            </dd>
          </dl>
          {load.settings.rules.map((rule) => (
            <RuleCard
              key={rule.ruleId}
              api={api}
              rule={rule}
              settings={load.settings}
              today={today}
              onSaved={refresh}
            />
          ))}
        </>
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('rules.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
