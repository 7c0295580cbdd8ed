import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftMatterBody } from '../../contracts/timeline.ts';
import { appealStatuses, medicalCategories } from '../../domain/cases/draft-matter.ts';
import { type ApiClient, ApiError, type CaseFile } from '../api/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type Matter = CaseFile['draftMatter'];
type Appeal = Matter['appeals'][number];

/** The form's flat view of the matter: empty strings for what is not known yet. */
type Fields = {
  decisionBy: 'municipal' | 'regional' | '';
  decisionMadeOn: string;
  commission: string;
  noticeKind: 'paper' | 'electronic' | '';
  noticePosted: string;
  appearanceDate: string;
  medicalCategory: (typeof medicalCategories)[number] | '';
  powerOfAttorneyKind: 'notarised' | 'simple' | '';
  powerOfAttorneyIssuedOn: string;
  appeals: Appeal[];
};

function fieldsOf(matter: Matter): Fields {
  return {
    decisionBy: matter.draftDecision?.by ?? '',
    decisionMadeOn: matter.draftDecision?.madeOn ?? '',
    commission: matter.draftDecision?.commission ?? '',
    noticeKind: matter.notice?.kind ?? '',
    noticePosted: matter.notice?.postedToRegister ?? matter.notice?.mailDelivered ?? '',
    appearanceDate: matter.notice?.appearanceDate ?? '',
    medicalCategory: matter.medicalCategory ?? '',
    powerOfAttorneyKind: matter.powerOfAttorney?.kind ?? '',
    powerOfAttorneyIssuedOn: matter.powerOfAttorney?.issuedOn ?? '',
    appeals: matter.appeals,
  };
}

const present = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Only what the form edits is replaced; notice dates it does not show are kept. */
function matterOf(fields: Fields, before: Matter): DraftMatterBody {
  const madeOn = present(fields.decisionMadeOn);
  const posted = present(fields.noticePosted);
  const appearanceDate = present(fields.appearanceDate);
  const issuedOn = present(fields.powerOfAttorneyIssuedOn);
  const commission = present(fields.commission);
  const postedField = fields.noticeKind === 'electronic' ? 'postedToRegister' : 'mailDelivered';
  return {
    ...before,
    draftDecision:
      fields.decisionBy !== '' && madeOn !== undefined
        ? {
            ...before.draftDecision,
            by: fields.decisionBy,
            madeOn,
            ...(commission === undefined ? {} : { commission }),
          }
        : undefined,
    notice:
      fields.noticeKind === ''
        ? undefined
        : {
            ...before.notice,
            kind: fields.noticeKind,
            postedToRegister: undefined,
            mailDelivered: undefined,
            ...(posted === undefined ? {} : { [postedField]: posted }),
            appearanceDate,
          },
    medicalCategory: fields.medicalCategory === '' ? undefined : fields.medicalCategory,
    powerOfAttorney:
      fields.powerOfAttorneyKind !== '' && issuedOn !== undefined
        ? { kind: fields.powerOfAttorneyKind, issuedOn }
        : undefined,
    appeals: fields.appeals,
  };
}

function newAppeal(): Appeal {
  return {
    id: crypto.randomUUID(),
    level: 'court',
    against: 'municipal',
    filedDate: '',
    status: 'pending',
  };
}

function AppealFields({
  appeal,
  index,
  fieldError,
  onChange,
  onRemove,
}: {
  appeal: Appeal;
  index: number;
  fieldError: (field: string) => string | undefined;
  onChange: (appeal: Appeal) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="appeal">
      <legend>{t('matter.appealNumber', { number: index + 1 })}</legend>
      <SelectField
        label={t('matter.appealLevel')}
        value={appeal.level}
        placeholder={t('matter.choose')}
        options={(['court', 'regional-commission'] as const).map((level) => ({
          value: level,
          label: t(`matter.appealLevels.${level}`),
        }))}
        onChange={(level) => level !== '' && onChange({ ...appeal, level })}
      />
      <SelectField
        label={t('matter.appealAgainst')}
        value={appeal.against}
        placeholder={t('matter.choose')}
        options={(['municipal', 'regional'] as const).map((by) => ({
          value: by,
          label: t(`matter.decisionBodies.${by}`),
        }))}
        onChange={(against) => against !== '' && onChange({ ...appeal, against })}
      />
      <TextField
        label={t('matter.appealFiled')}
        type="date"
        value={appeal.filedDate}
        onChange={(filedDate) => onChange({ ...appeal, filedDate })}
        error={fieldError(`appeals.${index}.filedDate`)}
        required
      />
      <TextField
        label={t('matter.caseNumber')}
        value={appeal.caseNumber ?? ''}
        onChange={(caseNumber) => onChange({ ...appeal, caseNumber: present(caseNumber) })}
        error={fieldError(`appeals.${index}.caseNumber`)}
      />
      <SelectField
        label={t('matter.appealStatus')}
        value={appeal.status}
        placeholder={t('matter.choose')}
        options={appealStatuses.map((status) => ({
          value: status,
          label: t(`matter.appealStatuses.${status}`),
        }))}
        onChange={(status) => status !== '' && onChange({ ...appeal, status })}
      />
      <button type="button" className="secondary" onClick={onRemove}>
        {t('matter.removeAppeal')}
      </button>
    </fieldset>
  );
}

/**
 * The draft itself: the commission's decision, the notice, the medical category, appeals and the
 * power of attorney. The server checks the dates against each other before anything is kept.
 */
export function DraftMatterPanel({
  api,
  file,
  onChanged,
}: {
  api: ApiClient;
  file: CaseFile;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(file.draftMatter));
  const [saved, setSaved] = useState(false);
  const { submitting, error, submit } = useSubmission();
  const editable = file.status === 'open';
  const fieldError = (field: string) =>
    error instanceof ApiError ? error.fieldMessage(field) : undefined;
  const change = (next: Partial<Fields>) => {
    setSaved(false);
    setFields({ ...fields, ...next });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    submit(async () => {
      await api.saveDraftMatter(file.id, matterOf(fields, file.draftMatter));
      setSaved(true);
      onChanged();
    });
  };

  return (
    <section aria-labelledby="matter-heading" className="draft-matter">
      <h2 id="matter-heading">{t('matter.title')}</h2>
      <form onSubmit={save}>
        <fieldset disabled={!editable}>
          <legend>{t('matter.decision')}</legend>
          <SelectField
            label={t('matter.decisionBy')}
            value={fields.decisionBy}
            placeholder={t('matter.unknown')}
            options={(['municipal', 'regional'] as const).map((by) => ({
              value: by,
              label: t(`matter.decisionBodies.${by}`),
            }))}
            onChange={(decisionBy) => change({ decisionBy })}
          />
          <TextField
            label={t('matter.decisionMadeOn')}
            type="date"
            value={fields.decisionMadeOn}
            onChange={(decisionMadeOn) => change({ decisionMadeOn })}
            error={fieldError('draftDecision.madeOn')}
          />
          <TextField
            label={t('matter.commission')}
            value={fields.commission}
            onChange={(commission) => change({ commission })}
          />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('matter.notice')}</legend>
          <SelectField
            label={t('matter.noticeKind')}
            value={fields.noticeKind}
            placeholder={t('matter.unknown')}
            options={(['electronic', 'paper'] as const).map((kind) => ({
              value: kind,
              label: t(`matter.noticeKinds.${kind}`),
            }))}
            onChange={(noticeKind) => change({ noticeKind })}
          />
          <TextField
            label={
              fields.noticeKind === 'paper' ? t('matter.noticeDelivered') : t('matter.noticePosted')
            }
            type="date"
            value={fields.noticePosted}
            onChange={(noticePosted) => change({ noticePosted })}
            error={fieldError('notice.postedToRegister') ?? fieldError('notice.mailDelivered')}
          />
          <TextField
            label={t('matter.appearanceDate')}
            type="date"
            value={fields.appearanceDate}
            onChange={(appearanceDate) => change({ appearanceDate })}
            error={fieldError('notice.appearanceDate')}
          />
          <SelectField
            label={t('matter.medicalCategory')}
            value={fields.medicalCategory}
            placeholder={t('matter.unknown')}
            options={medicalCategories.map((category) => ({
              value: category,
              label: t(`matter.medicalCategories.${category}`),
            }))}
            onChange={(medicalCategory) => change({ medicalCategory })}
          />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('matter.powerOfAttorney')}</legend>
          <SelectField
            label={t('matter.powerOfAttorneyKind')}
            value={fields.powerOfAttorneyKind}
            placeholder={t('matter.none')}
            options={(['notarised', 'simple'] as const).map((kind) => ({
              value: kind,
              label: t(`timeline.powersOfAttorney.${kind}`),
            }))}
            onChange={(powerOfAttorneyKind) => change({ powerOfAttorneyKind })}
          />
          <TextField
            label={t('matter.powerOfAttorneyIssuedOn')}
            type="date"
            value={fields.powerOfAttorneyIssuedOn}
            onChange={(powerOfAttorneyIssuedOn) => change({ powerOfAttorneyIssuedOn })}
            error={fieldError('powerOfAttorney.issuedOn')}
          />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('matter.appeals')}</legend>
          {fields.appeals.map((appeal, index) => (
            <AppealFields
              key={appeal.id}
              appeal={appeal}
              index={index}
              fieldError={fieldError}
              onChange={(next) =>
                change({
                  appeals: fields.appeals.map((item) => (item.id === appeal.id ? next : item)),
                })
              }
              onRemove={() =>
                change({ appeals: fields.appeals.filter((item) => item.id !== appeal.id) })
              }
            />
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => change({ appeals: [...fields.appeals, newAppeal()] })}
          >
            {t('matter.addAppeal')}
          </button>
        </fieldset>
        <ErrorAlert error={error} />
        {saved ? (
          <p role="status" className="notice">
            {t('matter.saved')}
          </p>
        ) : null}
        {editable ? (
          <div className="actions">
            <button type="submit" disabled={submitting}>
              {t('matter.save')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
