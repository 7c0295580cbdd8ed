import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { DocumentFieldsError, FactsRefusedError } from '../../app/app-error.ts';
import { renderDocumentFromFacts } from '../../app/documents/render-document-from-facts.ts';
import type { DocumentFormat, DocumentTools } from '../../app/ports/documents.ts';
import type { RulePacks } from '../../app/ports/rule-packs.ts';
import { documentFacts } from '../../domain/documents/document-facts.ts';
import {
  type DocumentKind,
  documentKinds,
  isDocumentKind,
} from '../../domain/documents/document-template.ts';
import { moscowDateOf } from '../../domain/rules/calendar-date.ts';
import { type CommandOutput, processOutput } from './command-output.ts';

/** 2: the input (facts file, options, fields) is wrong; nothing was written. */
const badInput = 2;

function parseKind(value: string): DocumentKind {
  if (!isDocumentKind(value)) {
    throw new InvalidArgumentError(`expected one of ${documentKinds.join(', ')}`);
  }
  return value;
}

function formatOf(file: string): DocumentFormat | null {
  if (file.endsWith('.docx')) return 'docx';
  if (file.endsWith('.pdf')) return 'pdf';
  return null;
}

/**
 * `habeas documents render` and `habeas documents templates`: documents from plain facts, with
 * no database and no case, through the same entry point as the public guide.
 */
export function registerDocumentCommands(
  program: Command,
  deps: { documents: DocumentTools; rulePacks: RulePacks },
  output: CommandOutput = processOutput,
): void {
  const documents = program
    .command('documents')
    .description('complaints, requests and claims from templates (no database needed)');

  documents
    .command('templates')
    .description('list the kinds of document with their published version')
    .action(() => {
      for (const template of deps.documents.templates.list()) {
        output.out(`${template.kind}\tv${template.version}\t${template.title.ru}\n`);
      }
    });

  documents
    .command('render')
    .description('fill a template from a facts file and write a .docx or .pdf')
    .requiredOption('--template <kind>', `one of ${documentKinds.join(', ')}`, parseKind)
    .requiredOption('--facts <facts.json>', 'field values and, optionally, the case facts')
    .requiredOption('--out <file>', 'where to write: a name ending in .docx or .pdf')
    .action(async (options: { template: DocumentKind; facts: string; out: string }) => {
      const format = formatOf(options.out);
      if (format === null) {
        output.err('habeas: --out must end in .docx or .pdf\n');
        output.exit(badInput);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(options.facts, 'utf8'));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        output.err(`habeas: cannot read ${options.facts}: ${reason}\n`);
        output.exit(badInput);
        return;
      }
      const parsed = documentFacts.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          output.err(`facts.${issue.path.join('.')}: ${issue.message}\n`);
        }
        output.exit(badInput);
        return;
      }
      try {
        const rendered = await renderDocumentFromFacts(deps, {
          kind: options.template,
          facts: parsed.data,
          format,
          today: moscowDateOf(new Date()),
        });
        writeFileSync(options.out, rendered.bytes);
        output.out(`${options.out}\n`);
      } catch (error) {
        if (error instanceof DocumentFieldsError) {
          output.err('habeas: nothing written; fill in:\n');
          for (const problem of error.problems) {
            output.err(`  ${problem.field}: ${problem.message.en}\n`);
          }
          output.exit(badInput);
          return;
        }
        if (error instanceof FactsRefusedError) {
          for (const problem of error.problems) {
            output.err(`caseFacts.${problem.path.join('.')}: ${problem.message.en}\n`);
          }
          output.exit(badInput);
          return;
        }
        throw error;
      }
    });
}
