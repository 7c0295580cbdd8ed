import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import {
  type CheckedRulePack,
  loadCurrentRulePack,
  loadRulePack,
  RulePackError,
  rulePackFiles,
} from '../../adapters/rules/rule-pack-loader.ts';
import { isCalendarDate, moscowDateOf } from '../../domain/rules/calendar-date.ts';
import { caseFacts } from '../../domain/rules/case-facts.ts';
import { type Choices, evaluate } from '../../domain/rules/evaluate.ts';
import { type CommandOutput, processOutput } from './command-output.ts';

/** 1: a rule pack is refused; 2: the input (facts file, options) is wrong. */
const exitCodes = { packRefused: 1, badInput: 2 } as const;

function parseDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

function parseLanguage(value: string): 'ru' | 'en' {
  if (value !== 'ru' && value !== 'en') throw new InvalidArgumentError('expected ru or en');
  return value;
}

function parseChoice(value: string, previous: Choices = {}): Choices {
  const [ruleId, versionId] = value.split('=');
  if (!ruleId || !versionId) throw new InvalidArgumentError('expected RULE-ID=version-id');
  return { ...previous, [ruleId]: versionId };
}

/** Replaces every { ru, en } text with the one language asked for. */
function inLanguage(value: unknown, language: 'ru' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((item) => inLanguage(item, language));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && 'ru' in value && 'en' in value) return value[language];
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, inLanguage(inner, language)]),
  );
}

function readFacts(file: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `cannot read ${file}: ${reason}` };
  }
}

/** Loads a pack, turning a refusal into the reasons on stderr and exit code 1. */
function loadOrReport(load: () => CheckedRulePack, output: CommandOutput): CheckedRulePack | null {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    output.err(`${error.message}\n`);
    output.exit(exitCodes.packRefused);
    return null;
  }
}

/** `habeas rules check` and `habeas rules evaluate`: rule packs without a database. */
export function registerRulesCommands(
  program: Command,
  output: CommandOutput = processOutput,
): void {
  const rules = program.command('rules').description('legal rule packs (no database needed)');

  rules
    .command('check')
    .description('validate every rule pack and run its golden cases; exit 1 with the reasons')
    .option('--pack <file>', 'check only this pack file (its golden cases sit next to it)')
    .action((options: { pack?: string }) => {
      const files = options.pack === undefined ? rulePackFiles() : [options.pack];
      for (const file of files) {
        const checked = loadOrReport(() => loadRulePack(file), output);
        if (checked === null) continue;
        const { pack, cases } = checked;
        output.out(
          `ok: ${pack.packId} v${pack.packVersion}, ${pack.rules.length} rules, ${cases.length} golden cases\n`,
        );
      }
    });

  rules
    .command('evaluate')
    .description('print the findings for the facts of a case as JSON')
    .argument('<facts.json>', 'a file with the case facts')
    .option(
      '--as-of <date>',
      'date of the evaluation, YYYY-MM-DD (default: today in Moscow)',
      parseDate,
    )
    .option('--lang <language>', 'only Russian (ru) or only English (en) texts', parseLanguage)
    .option(
      '--choice <rule=version>',
      "apply a version, or 'under-review'; repeatable",
      parseChoice,
    )
    .option('--pack <file>', 'a pack file instead of the current ru-conscription pack')
    .action(
      (
        factsFile: string,
        options: { asOf?: string; lang?: 'ru' | 'en'; choice?: Choices; pack?: string },
      ) => {
        const read = readFacts(factsFile);
        if (!read.ok) {
          output.err(`habeas: ${read.problem}\n`);
          output.exit(exitCodes.badInput);
          return;
        }
        const parsed = caseFacts.safeParse(read.value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            output.err(`facts.${issue.path.join('.')}: ${issue.message}\n`);
          }
          output.exit(exitCodes.badInput);
          return;
        }
        const { pack } = options;
        const loaded = loadOrReport(
          () => (pack === undefined ? loadCurrentRulePack('ru-conscription') : loadRulePack(pack)),
          output,
        );
        if (loaded === null) return;
        const asOf = options.asOf ?? moscowDateOf(new Date());
        const result = evaluate(loaded, parsed.data, asOf, options.choice);
        if (!result.ok) {
          for (const problem of result.problems) {
            output.err(`${problem.path.join('.')}: ${problem.message.en}\n`);
          }
          output.exit(exitCodes.badInput);
          return;
        }
        const printed =
          options.lang === undefined
            ? result.evaluation
            : inLanguage(result.evaluation, options.lang);
        output.out(`${JSON.stringify(printed, null, 2)}\n`);
      },
    );
}
