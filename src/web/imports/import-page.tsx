import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImportPreviewResponse,
  maxUploadBytes,
  spreadsheetContentTypes,
} from '../../contracts/imports.ts';
import type { CurrentStaffResponse } from '../../contracts/staff.ts';
import { can } from '../../domain/access/can.ts';
import { medicalCategories } from '../../domain/cases/draft-matter.ts';
import {
  type ImportField,
  importFieldLabels,
  importFields,
} from '../../domain/imports/import-fields.ts';
import {
  type ApiClient,
  ApiError,
  clientErrorCodes,
  type ImportDoneLine,
  type ImportProgressLine,
  type SpreadsheetUpload,
} from '../api/api-client.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { PageLayout } from '../layout/page-layout.tsx';
import { ScreenLink } from '../routing/screen-link.tsx';
import { ChoiceGroup } from '../ui/choice-group.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate, formatInstant } from '../ui/format-date.ts';
import { saveFile } from '../ui/save-file.ts';
import { type Option, SelectField } from '../ui/select-field.tsx';
import { useSubmission } from '../ui/use-submission.ts';

type Mapping = (ImportField | null)[];
type InvalidRows = 'refuse' | 'skip';

type Stage =
  | { kind: 'choose' }
  | { kind: 'previewed'; preview: ImportPreviewResponse; columns: Mapping; changed: boolean }
  | { kind: 'importing'; progress: ImportProgressLine | null }
  | { kind: 'done'; outcome: ImportDoneLine };

/** The format a chosen file declares by its name or type; the server checks the content. */
function uploadOf(file: File): SpreadsheetUpload | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === spreadsheetContentTypes.xlsx)
    return { file, format: 'xlsx' };
  if (name.endsWith('.csv') || file.type === spreadsheetContentTypes.csv)
    return { file, format: 'csv' };
  return null;
}

const accept = ['.xlsx', '.csv', ...Object.values(spreadsheetContentTypes)].join(',');

function RowCounts({ preview }: { preview: ImportPreviewResponse }) {
  const { t } = useTranslation();
  const { rows, wouldCreate } = preview;
  return (
    <>
      <ul className="import-counts">
        <li>{t('imports.rowsRead', { count: rows.read })}</li>
        <li>{t('imports.valid', { count: rows.valid })}</li>
        <li>{t('imports.invalid', { count: rows.invalid })}</li>
        <li>{t('imports.blank', { count: rows.blank })}</li>
      </ul>
      <p>{t('imports.wouldCreate', wouldCreate)}</p>
    </>
  );
}

function ProblemList({
  problems,
  leftOut,
}: {
  problems: readonly { line: number; message: string }[];
  leftOut: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (problems.length === 0) return <p>{t('imports.noProblems')}</p>;
  return (
    <>
      <h3 id={id}>{t('imports.problems')}</h3>
      <ul className="import-problems" aria-labelledby={id}>
        {problems.map((problem, index) => (
          // The same line can have several problems; their order is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id of their own
          <li key={`${problem.line}-${index}`}>{problem.message}</li>
        ))}
      </ul>
      {leftOut > 0 ? <p>{t('imports.problemsLeftOut', { count: leftOut })}</p> : null}
    </>
  );
}

function SampleTable({ preview }: { preview: ImportPreviewResponse }) {
  const { t } = useTranslation();
  const categoryOf = (category: string | null) => {
    const known = medicalCategories.find((letter) => letter === category);
    return known === undefined ? null : t(`matter.medicalCategories.${known}`);
  };
  const language = currentLanguage();
  if (preview.sample.length === 0) return null;
  const none = '—';
  return (
    <div className="case-table">
      <table className="cases import-sample">
        <caption>{t('imports.sample')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.sampleColumns.line')}</th>
            <th scope="col">{t('imports.sampleColumns.fullName')}</th>
            <th scope="col">{t('imports.sampleColumns.birthDate')}</th>
            <th scope="col">{t('imports.sampleColumns.detainedAt')}</th>
            <th scope="col">{t('imports.sampleColumns.medicalCategory')}</th>
            <th scope="col">{t('imports.sampleColumns.appealCaseNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">{row.fullName}</th>
              <td>{row.birthDate ? formatDate(row.birthDate, language) : none}</td>
              <td>{row.detainedAt ? formatInstant(row.detainedAt, language) : none}</td>
              <td>{categoryOf(row.medicalCategory) ?? none}</td>
              <td>{row.appealCaseNumber ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MappingFields({
  preview,
  columns,
  onChange,
}: {
  preview: ImportPreviewResponse;
  columns: Mapping;
  onChange: (columns: Mapping) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const options = importFields.map(
    (field): Option<ImportField> => ({ value: field, label: importFieldLabels[field][language] }),
  );
  return (
    <fieldset className="import-mapping">
      <legend>{t('imports.mapping')}</legend>
      <p>{t('imports.mappingIntro')}</p>
      {preview.columns.map((column) => {
        const problem = preview.mappingProblems.find((found) => found.column === column.index);
        return (
          <SelectField
            key={column.index}
            label={
              column.header === ''
                ? t('imports.columnNoHeader', { letter: column.letter })
                : t('imports.column', { letter: column.letter, header: column.header })
            }
            value={columns[column.index] ?? ''}
            options={options}
            placeholder={t('imports.skipColumn')}
            error={problem?.message}
            onChange={(field) =>
              onChange(
                preview.columns.map((other) =>
                  other.index === column.index ? field || null : (columns[other.index] ?? null),
                ),
              )
            }
          />
        );
      })}
      {preview.mappingProblems
        .filter((problem) => problem.column === null)
        .map((problem) => (
          <p key={problem.message} className="alert" role="alert">
            {problem.message}
          </p>
        ))}
    </fieldset>
  );
}

function ImportProgressView({ progress }: { progress: ImportProgressLine | null }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div className="import-progress">
      <p id={labelId}>{t('imports.progressLabel')}</p>
      {progress === null ? (
        <progress aria-labelledby={labelId} />
      ) : (
        // Sealing is the first half of the bar, writing the second.
        <progress
          aria-labelledby={labelId}
          value={progress.done + (progress.phase === 'writing' ? progress.total : 0)}
          max={progress.total * 2}
        />
      )}
      <p role="status">
        {progress === null
          ? t('imports.preparing')
          : t(progress.phase === 'sealing' ? 'imports.sealing' : 'imports.writing', {
              done: progress.done,
              total: progress.total,
            })}
      </p>
    </div>
  );
}

function ImportSection({ api, onCases }: { api: ApiClient; onCases: () => void }) {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<SpreadsheetUpload | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [invalidRows, setInvalidRows] = useState<InvalidRows>('refuse');
  const { submitting, error, submit, clearError } = useSubmission();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    clearError();
    setStage({ kind: 'choose' });
    setUpload(null);
    setFileProblem(null);
    if (file === undefined) return;
    const chosen = uploadOf(file);
    if (chosen === null) setFileProblem(t('imports.wrongFile'));
    else if (file.size > maxUploadBytes)
      setFileProblem(t('imports.tooLarge', { megabytes: maxUploadBytes / 1024 / 1024 }));
    else setUpload(chosen);
  };

  const check = (columns?: Mapping) =>
    submit(async () => {
      if (upload === null) return;
      const preview = await api.previewImport(upload, columns);
      setStage({
        kind: 'previewed',
        preview,
        columns: preview.columns.map((column) => column.chosen),
        changed: false,
      });
    });

  const start = (columns: Mapping) =>
    submit(async () => {
      if (upload === null) return;
      setStage({ kind: 'importing', progress: null });
      try {
        const outcome = await api.importCases(upload, {
          columns,
          invalidRows,
          onProgress: (progress) => setStage({ kind: 'importing', progress }),
        });
        setStage({ kind: 'done', outcome });
      } catch (failure) {
        // Back to the report, so the person can see and fix what was refused.
        setStage((current) => (current.kind === 'importing' ? { kind: 'choose' } : current));
        throw failure;
      }
    });

  const outcomeUnknown =
    error instanceof ApiError && error.code === clientErrorCodes.importOutcomeUnknown;

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('imports.title')}</h2>
      <p>{t('imports.intro')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('imports.file')}</label>
        <input
          id="import-file"
          type="file"
          accept={accept}
          aria-describedby="import-file-hint"
          disabled={submitting}
          onChange={choose}
        />
        <p className="hint" id="import-file-hint">
          {t('imports.fileHint')}
        </p>
        {fileProblem ? (
          <p className="alert" role="alert">
            {fileProblem}
          </p>
        ) : null}
      </div>
      {stage.kind === 'choose' ? (
        <button
          type="button"
          className="primary"
          disabled={upload === null || submitting}
          onClick={() => check()}
        >
          {submitting ? t('imports.checking') : t('imports.check')}
        </button>
      ) : null}
      {outcomeUnknown ? (
        <p className="alert" role="alert">
          {t('imports.outcomeUnknown')}
        </p>
      ) : (
        <ErrorAlert error={error} />
      )}
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ProblemList problems={error.fields.map((field) => ({ line: 0, ...field }))} leftOut={0} />
      ) : null}
      {stage.kind === 'previewed' ? (
        <PreviewStep
          stage={stage}
          submitting={submitting}
          invalidRows={invalidRows}
          onInvalidRows={setInvalidRows}
          onColumns={(columns) => setStage({ ...stage, columns, changed: true })}
          onCheck={() => check(stage.columns)}
          onImport={() => start(stage.columns)}
        />
      ) : null}
      {stage.kind === 'importing' ? <ImportProgressView progress={stage.progress} /> : null}
      {stage.kind === 'done' ? (
        <div className="import-done">
          <p role="status">{t('imports.done', { created: stage.outcome.created })}</p>
          {stage.outcome.skipped > 0 ? (
            <>
              <p>{t('imports.doneSkipped', { count: stage.outcome.skipped })}</p>
              <ProblemList
                problems={stage.outcome.problems}
                leftOut={stage.outcome.problemsLeftOut}
              />
            </>
          ) : null}
          <p>
            <ScreenLink to="cases" onShow={onCases}>
              {t('imports.toCases')}
            </ScreenLink>
          </p>
          <button type="button" onClick={() => setStage({ kind: 'choose' })}>
            {t('imports.another')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function PreviewStep({
  stage,
  submitting,
  invalidRows,
  onInvalidRows,
  onColumns,
  onCheck,
  onImport,
}: {
  stage: Extract<Stage, { kind: 'previewed' }>;
  submitting: boolean;
  invalidRows: InvalidRows;
  onInvalidRows: (value: InvalidRows) => void;
  onColumns: (columns: Mapping) => void;
  onCheck: () => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const { preview, columns, changed } = stage;
  const { rows } = preview;
  const blocked = changed
    ? t('imports.mappingChanged')
    : preview.mappingProblems.length > 0
      ? null
      : rows.valid === 0
        ? t('imports.nothingToImport')
        : rows.invalid > 0 && invalidRows === 'refuse'
          ? t('imports.fixOrSkip')
          : null;
  const canImport = !changed && preview.mappingProblems.length === 0 && blocked === null;
  return (
    <>
      <MappingFields preview={preview} columns={columns} onChange={onColumns} />
      <button type="button" disabled={submitting || !changed} onClick={onCheck}>
        {submitting && changed ? t('imports.checking') : t('imports.recheck')}
      </button>
      <h3>{t('imports.report')}</h3>
      <RowCounts preview={preview} />
      <ProblemList problems={preview.problems} leftOut={preview.problemsLeftOut} />
      <SampleTable preview={preview} />
      <ChoiceGroup
        legend={t('imports.onInvalid')}
        value={invalidRows}
        options={[
          { value: 'refuse', label: t('imports.refuse') },
          { value: 'skip', label: t('imports.skip') },
        ]}
        onChange={onInvalidRows}
      />
      {blocked ? <p className="notice">{blocked}</p> : null}
      <button
        type="button"
        className="primary"
        disabled={submitting || !canImport}
        onClick={onImport}
      >
        {t('imports.confirm', { count: rows.valid })}
      </button>
    </>
  );
}

function ExportSection({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const { submitting, error, submit } = useSubmission();
  const [exported, setExported] = useState<{ exported: number; unopened: number } | null>(null);
  const run = () =>
    submit(async () => {
      setExported(null);
      const file = await api.exportMyCases();
      saveFile(file.file, file.fileName);
      setExported(file);
    });
  return (
    <section className="export-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('imports.export.title')}</h2>
      <p>{t('imports.export.intro')}</p>
      <button type="button" disabled={submitting} onClick={run}>
        {submitting ? t('imports.export.preparing') : t('imports.export.button')}
      </button>
      <ErrorAlert error={error} />
      {exported ? (
        <p role="status">
          {t('imports.export.done', { count: exported.exported })}
          {exported.unopened > 0
            ? ` ${t('imports.export.unopened', { count: exported.unopened })}`
            : ''}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Importing a case list (choose a file, check the suggested mapping and every row, confirm,
 * watch it written) and exporting one's own cases. Staff who may not open cases see the export
 * only; the server checks both anyway.
 */
export function ImportPage({
  api,
  staff,
  onHome,
  onCases,
}: {
  api: ApiClient;
  staff: CurrentStaffResponse;
  onHome: () => void;
  onCases: () => void;
}) {
  const { t } = useTranslation();
  const mayImport = can(
    { userId: staff.user.id, orgId: staff.organisation.id, roles: staff.user.roles },
    'case.create',
    { type: 'organisation', orgId: staff.organisation.id },
  );
  return (
    <PageLayout title={t('imports.title')}>
      {mayImport ? <ImportSection api={api} onCases={onCases} /> : null}
      <ExportSection api={api} />
      <p>
        <ScreenLink to="home" onShow={onHome}>
          {t('imports.backHome')}
        </ScreenLink>
      </p>
    </PageLayout>
  );
}
