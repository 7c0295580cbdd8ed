import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { capturedOutput } from '../../../test/support/command-capture.ts';
import { rulePackFiles } from '../../adapters/rules/rule-pack-loader.ts';
import { registerRulesCommands } from './rules.command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'habeas-rules-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function runRules(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const { output, result } = capturedOutput();
  const program = new Command('habeas')
    .exitOverride()
    .configureOutput({ writeErr: (text) => output.err(text) });
  registerRulesCommands(program, output);
  await program.parseAsync(['rules', ...args], { from: 'user' });
  return result;
}

function writeFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const seedFacts = {
  person: { birthDate: '2006-05-12', region: 'moscow' },
  draftDecision: { by: 'regional', madeOn: '2025-07-01' },
  appeal: { level: 'court', against: 'regional', filedDate: '2025-09-10', pending: true },
  detention: { at: '2025-10-18T09:40:00+03:00', place: 'metro', takenTo: 'conscription-centre' },
  lawyer: { refusedEntry: '2025-10-18T14:00:00+03:00', powerOfAttorney: 'notarised' },
};

describe('habeas rules check', () => {
  it('checks every pack and its golden cases', async () => {
    const result = await runRules(['check']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ok: ru-conscription v1, \d+ rules, \d+ golden cases\n$/);
  });

  it('exits 1 with the rule and the reason when a pack is refused', async () => {
    const [shipped] = rulePackFiles();
    if (shipped === undefined) throw new Error('no shipped pack');
    const pack = JSON.parse(readFileSync(shipped, 'utf8')) as {
      rules: { id: string; versions: { sources: unknown[] }[] }[];
    };
    const [first] = pack.rules;
    const version = first?.versions[0];
    if (first === undefined || version === undefined) throw new Error('the pack has rules');
    version.sources = [];
    const file = writeFile('v1.json', pack);
    writeFile('v1.cases.json', readFileSync(new URL('v1.cases.json', shipped), 'utf8'));
    const result = await runRules(['check', '--pack', file]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`rule ${first.id}: versions.0.sources: cites no source`);
  });
});

describe('habeas rules evaluate', () => {
  it('prints the findings and the replay record as JSON', async () => {
    const result = await runRules([
      'evaluate',
      writeFile('seed.json', seedFacts),
      '--as-of',
      '2025-10-18',
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as {
      record: { asOf: string; packHash: string };
      findings: { ruleId: string; outcomeId: string; statement: { ru: string; en: string } }[];
    };
    expect(printed.record.asOf).toBe('2025-10-18');
    expect(printed.record.packHash).toMatch(/^[0-9a-f]{64}$/);
    const suspended = printed.findings.find((f) => f.outcomeId === 'dispatch-while-suspended');
    expect(suspended?.statement.ru).toContain('п. 4 ст. 29');
  });

  it('prints one language with --lang and applies --choice', async () => {
    const result = await runRules([
      'evaluate',
      writeFile('seed-en.json', seedFacts),
      '--as-of',
      '2026-03-15',
      '--lang',
      'en',
      '--choice',
      'APL-06=bill-2026',
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as {
      findings: { ruleId: string; versionId: string; statement: unknown; title: unknown }[];
    };
    const suspension = printed.findings.filter((finding) => finding.ruleId === 'APL-06');
    expect(suspension.map((finding) => finding.versionId)).toContain('bill-2026');
    expect(typeof suspension[0]?.statement).toBe('string');
    expect(suspension[0]?.title).toBe('Suspension of the draft decision on appeal');
  });

  it('exits 2 naming the field when the facts are invalid or impossible', async () => {
    const invalid = await runRules([
      'evaluate',
      writeFile('bad.json', { notice: { kind: 'fax' } }),
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('facts.notice.kind');
    const impossible = await runRules([
      'evaluate',
      writeFile('future.json', { detention: { ...seedFacts.detention } }),
      '--as-of',
      '2025-10-17',
    ]);
    expect(impossible.code).toBe(2);
    expect(impossible.err).toBe(
      'detention.at: detention.at is after the evaluation date 2025-10-17.\n',
    );
    const missing = await runRules(['evaluate', path.join(dir, 'nothing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
  });

  it('refuses a malformed --as-of date', async () => {
    await expect(
      runRules(['evaluate', writeFile('any.json', {}), '--as-of', '2025-02-30']),
    ).rejects.toThrow(/YYYY-MM-DD/);
  });
});
