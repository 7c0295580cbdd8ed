import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationResponse } from '../../contracts/rules.ts';
import { type CaseFacts, regions } from '../../domain/rules/case-facts.ts';
import { type ApiClient, ApiError } from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ChoiceGroup } from '../ui/choice-group.tsx';
import { fieldMessage } from '../ui/describe-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import type { Option } from '../ui/select-field.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';
import {
  buildRequest,
  choices,
  emptyForm,
  type FactsForm,
  type FieldProblems,
  type FormField,
  fieldPaths,
  formFieldOf,
  formOf,
  localToday,
  type OptionalSection,
} from './facts-form.ts';
import { Findings } from './findings.tsx';

type LegalPositionPageProps = {
  api: ApiClient;
  /** A case's facts to start from, when opened from the case page. */
  initialFacts?: CaseFacts;
  onHome: () => void;
};

/** Server field problems that no field of the form shows, so they are listed with the alert. */
function strayProblems(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.filter(
    (problem) => formFieldOf(problem.path.replace(/^body\./, '')) === undefined,
  );
}

type SectionProps = {
  legend: string;
  /** The tick that says the facts of this section are known; without it they are not sent. */
  toggle?: { label: string; open: boolean; onChange: (open: boolean) => void };
  children: ReactNode;
};

function Section({ legend, toggle, children }: SectionProps) {
  const shown = toggle?.open ?? true;
  return (
    <fieldset className="facts-group">
      <legend>{legend}</legend>
      {toggle ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={toggle.open}
            onChange={(event) => toggle.onChange(event.target.checked)}
          />
          {toggle.label}
        </label>
      ) : null}
      {shown ? <div className="facts-group-fields">{children}</div> : null}
    </fieldset>
  );
}

/**
 * What the law says about the facts of a case: deadlines, grounds for a complaint, rights and
 * consequences, each with its sources and how sure the research is.
 */
export function LegalPositionPage({ api, initialFacts, onHome }: LegalPositionPageProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form, setForm] = useState<FactsForm>(() =>
    initialFacts === undefined ? emptyForm(localToday()) : formOf(initialFacts, localToday()),
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const [evaluation, setEvaluation] = useState<EvaluationResponse | null>(null);
  const { submitting, error, submit, clearError } = useSubmission();
  const formRef = useRef<HTMLFormElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (evaluation !== null) resultsHeading.current?.focus();
  }, [evaluation]);

  useEffect(() => {
    // After a refusal naming fields, take the user to the first one that needs attention.
    const named =
      Object.keys(problems).length > 0 || (error instanceof ApiError && error.fields.length > 0);
    if (!named) return;
    const first = formRef.current?.querySelector(
      'input[aria-invalid="true"], select[aria-invalid="true"], .choice-group.invalid input',
    );
    if (first instanceof HTMLElement) first.focus();
  }, [problems, error]);

  const set =
    <F extends FormField>(field: F) =>
    (value: FactsForm[F]) =>
      setForm((current) => ({ ...current, [field]: value }));
  const setOpen = (section: OptionalSection) => (open: boolean) =>
    setForm((current) => ({ ...current, open: { ...current.open, [section]: open } }));

  const errorOf = (field: FormField): string | undefined => {
    const problem = problems[field];
    if (problem === 'required') return t('legal.required');
    if (problem !== undefined) return problem[language];
    for (const path of fieldPaths[field]) {
      const message = fieldMessage(error, path);
      if (message !== undefined) return message;
    }
    return undefined;
  };

  const dateField = (field: FormField, label: string, extra: { required?: boolean } = {}) => (
    <TextField
      label={label}
      type="date"
      name={field}
      value={form[field]}
      onChange={set(field)}
      error={errorOf(field)}
      {...extra}
    />
  );

  const options = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value): Option<T> => ({ value, label: label(value) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildRequest(form);
    setProblems(built.ok ? {} : built.problems);
    if (!built.ok) {
      clearError();
      return;
    }
    setEvaluation(null);
    submit(async () => {
      setEvaluation(await api.evaluateRules(built.request));
    });
  };

  const stray = strayProblems(error);
  const noticeKind = form.noticeKind;

  return (
    <PageLayout title={t('legal.title')}>
      <p>{t('legal.intro')}</p>
      <form ref={formRef} className="facts-form" onSubmit={onSubmit} noValidate>
        <Section legend={t('legal.person.legend')}>
          <SelectField
            label={t('legal.person.region')}
            name="region"
            placeholder={t('legal.notGiven')}
            options={options(regions, (region) => t(`legal.regions.${region}`))}
            value={form.region}
            onChange={set('region')}
            error={errorOf('region')}
          />
          {dateField('birthDate', t('legal.person.birthDate'))}
        </Section>

        <Section
          legend={t('legal.decision.legend')}
          toggle={{
            label: t('legal.decision.toggle'),
            open: form.open.draftDecision,
            onChange: setOpen('draftDecision'),
          }}
        >
          <SelectField
            label={t('legal.decision.by')}
            name="decisionBy"
            required
            placeholder={t('legal.choose')}
            options={options(choices.commissionLevels, (by) => t(`legal.commission.${by}`))}
            value={form.decisionBy}
            onChange={set('decisionBy')}
            error={errorOf('decisionBy')}
          />
          {dateField('decisionMadeOn', t('legal.decision.madeOn'), { required: true })}
          {dateField('decisionLearnedOn', t('legal.decision.learnedOn'))}
        </Section>

        <Section
          legend={t('legal.notice.legend')}
          toggle={{
            label: t('legal.notice.toggle'),
            open: form.open.notice,
            onChange: setOpen('notice'),
          }}
        >
          <ChoiceGroup
            legend={t('legal.notice.kind')}
            required
            options={options(choices.noticeKinds, (kind) => t(`legal.notice.kinds.${kind}`))}
            value={form.noticeKind}
            onChange={set('noticeKind')}
            error={errorOf('noticeKind')}
          />
          {dateField('noticePosted', t('legal.notice.postedToRegister'))}
          {noticeKind === ''
            ? null
            : dateField('noticeDelivered', t(`legal.notice.delivered.${noticeKind}`))}
          {dateField('noticeAppearance', t('legal.notice.appearanceDate'))}
        </Section>

        <Section
          legend={t('legal.appeal.legend')}
          toggle={{
            label: t('legal.appeal.toggle'),
            open: form.open.appeal,
            onChange: setOpen('appeal'),
          }}
        >
          <SelectField
            label={t('legal.appeal.level')}
            name="appealLevel"
            required
            placeholder={t('legal.choose')}
            options={options(choices.appealLevels, (level) => t(`legal.appeal.levels.${level}`))}
            value={form.appealLevel}
            onChange={set('appealLevel')}
            error={errorOf('appealLevel')}
          />
          <SelectField
            label={t('legal.appeal.against')}
            name="appealAgainst"
            required
            placeholder={t('legal.choose')}
            options={options(choices.commissionLevels, (by) => t(`legal.commission.${by}`))}
            value={form.appealAgainst}
            onChange={set('appealAgainst')}
            error={errorOf('appealAgainst')}
          />
          {dateField('appealFiled', t('legal.appeal.filedDate'), { required: true })}
          <ChoiceGroup
            legend={t('legal.appeal.pending')}
            required
            options={options(choices.yesNo, (answer) => t(`legal.appeal.pendingAnswers.${answer}`))}
            value={form.appealPending}
            onChange={set('appealPending')}
            error={errorOf('appealPending')}
          />
        </Section>

        <Section
          legend={t('legal.detention.legend')}
          toggle={{
            label: t('legal.detention.toggle'),
            open: form.open.detention,
            onChange: setOpen('detention'),
          }}
        >
          <TextField
            label={t('legal.detention.at')}
            hint={t('legal.localTime')}
            type="datetime-local"
            name="detentionAt"
            required
            value={form.detentionAt}
            onChange={set('detentionAt')}
            error={errorOf('detentionAt')}
          />
          <SelectField
            label={t('legal.detention.place')}
            name="detentionPlace"
            required
            placeholder={t('legal.choose')}
            options={options(choices.detentionPlaces, (place) =>
              t(`legal.detention.places.${place}`),
            )}
            value={form.detentionPlace}
            onChange={set('detentionPlace')}
            error={errorOf('detentionPlace')}
          />
          <SelectField
            label={t('legal.detention.takenTo')}
            name="detentionTakenTo"
            required
            placeholder={t('legal.choose')}
            options={options(choices.takenTo, (place) =>
              t(`legal.detention.takenToPlaces.${place}`),
            )}
            value={form.detentionTakenTo}
            onChange={set('detentionTakenTo')}
            error={errorOf('detentionTakenTo')}
          />
        </Section>

        <Section
          legend={t('legal.lawyer.legend')}
          toggle={{
            label: t('legal.lawyer.toggle'),
            open: form.open.lawyer,
            onChange: setOpen('lawyer'),
          }}
        >
          <TextField
            label={t('legal.lawyer.refusedEntry')}
            hint={t('legal.localTime')}
            type="datetime-local"
            name="lawyerRefusedAt"
            value={form.lawyerRefusedAt}
            onChange={set('lawyerRefusedAt')}
            error={errorOf('lawyerRefusedAt')}
          />
          <SelectField
            label={t('legal.lawyer.powerOfAttorney')}
            name="powerOfAttorney"
            required
            placeholder={t('legal.choose')}
            options={options(choices.powersOfAttorney, (power) =>
              t(`legal.lawyer.powers.${power}`),
            )}
            value={form.powerOfAttorney}
            onChange={set('powerOfAttorney')}
            error={errorOf('powerOfAttorney')}
          />
        </Section>

        <TextField
          label={t('legal.asOf')}
          hint={t('legal.asOfHint')}
          type="date"
          name="asOf"
          value={form.asOf}
          onChange={set('asOf')}
          error={errorOf('asOf')}
        />
        <ErrorAlert error={error} />
        {stray.length > 0 ? (
          <ul className="alert stray-problems">
            {stray.map((problem) => (
              <li key={problem.path}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="submit" className="primary" disabled={submitting}>
          {t('legal.submit')}
        </button>
      </form>
      {evaluation ? (
        <Findings api={api} evaluation={evaluation} headingRef={resultsHeading} />
      ) : null}
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('legal.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
