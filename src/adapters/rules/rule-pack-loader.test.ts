import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadCurrentRulePack,
  loadRulePack,
  RulePackError,
  rulePackFiles,
} from './rule-pack-loader.ts';

const [shipped] = rulePackFiles();
if (shipped === undefined) throw new Error('no rule pack under content/rules');
const packJson = JSON.parse(readFileSync(shipped, 'utf8')) as {
  rules: { id: string; versions: { sources: unknown[]; effectiveFrom: string | null }[] }[];
};
const casesJson = JSON.parse(readFileSync(new URL('v1.cases.json', shipped), 'utf8')) as {
  cases: { id: string; expect: { dates?: { date: string }[] } }[];
};

describe('loadRulePack', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'habeas-rules-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(pack: unknown, cases: unknown, indent = 2): string {
    const file = path.join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify(pack, null, indent));
    writeFileSync(path.join(dir, 'v1.cases.json'), JSON.stringify(cases, null, indent));
    return file;
  }

  function refusal(file: string): string[] {
    try {
      loadRulePack(file);
    } catch (error) {
      if (error instanceof RulePackError) return error.problems;
      throw error;
    }
    return [];
  }

  it('loads the shipped pack with its golden cases and a SHA-256 hash', () => {
    const loaded = loadCurrentRulePack('ru-conscription');
    expect(loaded.pack.packId).toBe('ru-conscription');
    expect(loaded.cases.length).toBeGreaterThanOrEqual(40);
    expect(loaded.packHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the hash when only the formatting changes, and changes it with the content', () => {
    const reference = loadRulePack(shipped).packHash;
    expect(loadRulePack(write(packJson, casesJson, 0)).packHash).toBe(reference);
    const edited = structuredClone(packJson);
    const first = edited.rules[0]?.versions[0];
    if (first === undefined) throw new Error('the pack has rules');
    first.sources = [...first.sources, first.sources[0]];
    expect(loadRulePack(write(edited, casesJson)).packHash).not.toBe(reference);
  });

  it('refuses a version that cites no source, naming the rule', () => {
    const edited = structuredClone(packJson);
    const [rule] = edited.rules;
    const first = rule?.versions[0];
    if (rule === undefined || first === undefined) throw new Error('the pack has rules');
    first.sources = [];
    expect(refusal(write(edited, casesJson))).toContain(
      `rule ${rule.id}: versions.0.sources: cites no source`,
    );
  });

  it('refuses overlapping versions without a default, naming the rule', () => {
    const edited = structuredClone(packJson) as {
      rules: { id: string; defaultVersion?: string }[];
    };
    const exitBan = edited.rules.find((rule) => rule.id === 'NOT-07');
    if (exitBan === undefined) throw new Error('NOT-07 is in the pack');
    delete exitBan.defaultVersion;
    expect(refusal(write(edited, casesJson))).toEqual([
      'rule NOT-07: versions 127-fz and 437-fz are both in force at once and neither is the default version',
    ]);
  });

  it('refuses a pack that breaks a golden case, naming the case and the reason', () => {
    const edited = structuredClone(casesJson);
    const seed = edited.cases.find((goldenCase) => goldenCase.id === 'seed-moscow-metro-2025');
    const firstDate = seed?.expect.dates?.[0];
    if (firstDate === undefined) throw new Error('the seed case expects dates');
    firstDate.date = '2025-10-19';
    expect(refusal(write(packJson, edited))).toEqual([
      'golden case seed-moscow-metro-2025: expected APL-06/dispatch-while-suspended dated 2025-10-19, got [2025-10-18]',
    ]);
  });

  it('refuses a pack without golden cases, and a file that is not JSON', () => {
    const file = path.join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify(packJson));
    expect(refusal(file)).toEqual(['golden cases: file not found']);
    writeFileSync(file, '{ "rules": [');
    expect(refusal(file)[0]).toMatch(/^pack: not valid JSON/);
  });
});
