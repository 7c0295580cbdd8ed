import { readFileSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { ImportRefusedError } from '../../app/imports/check-import-rows.ts';
import { type ImportProgress, importCases } from '../../app/imports/import-cases.ts';
import { previewCaseImport } from '../../app/imports/preview-case-import.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { maxUploadBytes, parseColumns } from '../../contracts/imports.ts';
import { parseUtcOffset } from '../../domain/imports/cell-readings.ts';
import {
  type ColumnMapping,
  importFieldLabels,
  isImportField,
} from '../../domain/imports/import-fields.ts';
import { describeColumn, describeRowProblem } from '../../domain/imports/import-problems.ts';
import type { RowProblem } from '../../domain/imports/import-row.ts';
import { BootError } from '../boot.ts';
import type { Config } from '../config/env.ts';
import { type CommandOutput, processOutput } from './command-output.ts';

type WithPorts = (action: (ports: Ports, config: Config) => Promise<void>) => Promise<void>;
type Language = 'ru' | 'en';

type ImportOptions = {
  as: string;
  org?: string;
  columns?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  utcOffset: number;
  lang: Language;
};

function parseOffset(value: string): number {
  const minutes = parseUtcOffset(value);
  if (minutes === null) throw new InvalidArgumentError('expected an offset such as +03:00');
  return minutes;
}

function parseLanguage(value: string): Language {
  if (value !== 'ru' && value !== 'en') throw new InvalidArgumentError('expected ru or en');
  return value;
}

function parseMapping(value: string): string {
  const unknown = value.split(',').find((entry) => entry !== '' && !isImportField(entry));
  if (unknown !== undefined) throw new InvalidArgumentError(`unknown field: ${unknown}`);
  return value;
}

/** The file, read whole: it is refused when larger than an upload could be. */
function readCaseList(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new BootError(`cannot read ${file}`);
  }
  if (size > maxUploadBytes) {
    throw new BootError(`${file} is larger than ${maxUploadBytes / 1024 / 1024} MB: split it`);
  }
  return new Uint8Array(readFileSync(file));
}

function mappingLines(
  headers: readonly string[],
  mapping: ColumnMapping,
  language: Language,
): string {
  return headers
    .map((_, index) => {
      const field = mapping[index] ?? null;
      const target = field === null ? '—' : `${field} (${importFieldLabels[field][language]})`;
      return `  ${describeColumn(index, headers)} → ${target}\n`;
    })
    .join('');
}

function problemLines(
  problems: readonly RowProblem[],
  headers: readonly string[],
  language: Language,
  leftOut: number,
): string {
  const lines = problems.map((problem) => `${describeRowProblem(problem, headers, language)}\n`);
  if (leftOut > 0) lines.push(`… and ${leftOut} more problems\n`);
  return lines.join('');
}

function progressLine(progress: ImportProgress): string {
  if (progress.phase === 'checking') return `checked ${progress.rowsRead} rows\n`;
  return `${progress.phase === 'sealing' ? 'sealed' : 'written'} ${progress.done} of ${progress.total} cases\n`;
}

/**
 * `habeas cases import`: the command-line path of an import. It acts on behalf of a staff
 * member, whose public key (with the coordinators' and the escrow key) is all sealing needs.
 */
export function registerCaseCommands(
  program: Command,
  withPorts: WithPorts,
  output: CommandOutput = processOutput,
): void {
  const cases = program.command('cases').description('case lists');

  cases
    .command('import')
    .description(
      'open a case for every row of an XLSX or CSV case list; all or nothing unless --skip-invalid',
    )
    .argument('<file>', 'the case list: .xlsx, or .csv (UTF-8 or Windows-1251)')
    .requiredOption(
      '--as <email>',
      'the staff member the cases are opened for: sealed to him, assigned to him',
    )
    .option('--org <id>', 'organisation id, checked against the staff member’s')
    .option(
      '--columns <fields>',
      'the field of each column, comma-separated, empty to leave one out (default: from the headers)',
      parseMapping,
    )
    .option('--skip-invalid', 'import the valid rows and report the others')
    .option('--dry-run', 'check every row and print the report; write nothing')
    .option('--utc-offset <offset>', 'offset of times written in the file', parseOffset, 180)
    .option('--lang <language>', 'language of the report: ru or en', parseLanguage, 'en')
    .action(async (file: string, options: ImportOptions) =>
      withPorts(async (ports) => {
        const bytes = readCaseList(file);
        const importer = {
          system: 'cli' as const,
          onBehalfOf: { email: options.as },
          ...(options.org === undefined ? {} : { orgId: options.org }),
        };
        const language = options.lang;
        const columns = options.columns === undefined ? undefined : parseColumns(options.columns);
        const request = {
          file: bytes,
          offsetMinutes: options.utcOffset,
          ...(columns === undefined ? {} : { columns }),
        };
        if (options.dryRun) {
          const preview = await previewCaseImport(ports, importer, request);
          const { headers, rows, wouldCreate } = preview;
          output.out(`columns:\n${mappingLines(headers, preview.columns, language)}`);
          for (const problem of preview.mappingProblems) {
            const where =
              problem.column === null ? '' : `${describeColumn(problem.column, headers)}: `;
            output.out(`${where}${problem.message[language]}\n`);
          }
          output.out(
            `rows: ${rows.read} read, ${rows.valid} valid, ${rows.invalid} with problems, ${rows.blank} blank\n` +
              `would create: ${wouldCreate.cases} cases, ${wouldCreate.detentions} detentions, ${wouldCreate.draftMatters} draft matters, ${wouldCreate.appeals} appeals\n`,
          );
          output.out(problemLines(preview.problems, headers, language, preview.problemsLeftOut));
          if (preview.mappingProblems.length > 0 || rows.invalid > 0) output.exit(2);
          return;
        }
        try {
          const outcome = await importCases(ports, importer, {
            ...request,
            invalidRows: options.skipInvalid ? 'skip' : 'refuse',
            onProgress: (progress) => output.err(progressLine(progress)),
          });
          const { headers } = outcome;
          output.out(`columns:\n${mappingLines(headers, outcome.columns, language)}`);
          output.out(
            `created ${outcome.created} cases (import ${outcome.importId}); skipped ${outcome.skipped} rows with problems; ${outcome.blank} blank rows\n`,
          );
          output.out(problemLines(outcome.problems, headers, language, outcome.problemsLeftOut));
        } catch (error) {
          if (error instanceof ImportRefusedError) {
            const { headers } = error;
            output.out(`columns:\n${mappingLines(headers, error.columns, language)}`);
            for (const problem of error.mappingProblems) {
              const where =
                problem.column === null ? '' : `${describeColumn(problem.column, headers)}: `;
              output.out(`${where}${problem.message[language]}\n`);
            }
            output.out(problemLines(error.rowProblems, headers, language, 0));
          }
          throw error;
        }
      }),
    );
}
