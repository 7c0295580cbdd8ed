import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseFacts } from './case-facts.ts';
import { factPaths, type RuleVersion, validateRulePack } from './rule-pack.ts';

const source = { law: '53-FZ', article: 'art. 31', urls: ['https://example.org/53-fz'] };

function buildVersion(overrides: Partial<RuleVersion> = {}): RuleVersion {
  return {
    id: 'v1',
    status: 'enacted',
    effectiveFrom: '2023-04-14',
    effectiveTo: null,
    statement: { ru: 'Правило.', en: 'A rule.' },
    sources: [source],
    confidence: 'high',
    notes: '',
    basedOn: ['NOT-04'],
    outcomes: [{ id: 'o', kind: 'advice', text: { ru: 'Совет.', en: 'Advice.' } }],
    ...overrides,
  };
}

function buildPack(versions: RuleVersion[], defaultVersion?: string) {
  return {
    packId: 'test-pack',
    packVersion: 1,
    title: { ru: 'Тест', en: 'Test' },
    rules: [{ id: 'NOT-04', title: { ru: 'Т', en: 'T' }, versions, defaultVersion }],
  };
}

function problemsOf(raw: unknown): string[] {
  const result = validateRulePack(raw);
  return result.ok ? [] : result.problems;
}

describe('validateRulePack', () => {
  it('accepts consecutive versions, the end of one being the start of the next', () => {
    const pack = buildPack([
      buildVersion({ id: 'old', effectiveFrom: null, effectiveTo: '2023-04-14' }),
      buildVersion({ id: 'new', effectiveFrom: '2023-04-14' }),
    ]);
    expect(problemsOf(pack)).toEqual([]);
  });

  it('refuses versions in force at once without a default, naming the rule and versions', () => {
    const pack = buildPack([
      buildVersion({ id: 'a', effectiveTo: '2024-01-01' }),
      buildVersion({ id: 'b', effectiveFrom: '2023-08-04' }),
    ]);
    expect(problemsOf(pack)).toEqual([
      'rule NOT-04: versions a and b are both in force at once and neither is the default version',
    ]);
    expect(problemsOf({ ...pack, rules: [{ ...pack.rules[0], defaultVersion: 'b' }] })).toEqual([]);
  });

  it('does not count a bill as overlapping, but needs its date of introduction', () => {
    const bill = buildVersion({ id: 'bill', status: 'pending', effectiveFrom: null });
    expect(problemsOf(buildPack([buildVersion(), bill]))).toEqual([
      'rule NOT-04 version bill: a pending version needs proposedOn',
    ]);
    expect(problemsOf(buildPack([buildVersion(), { ...bill, proposedOn: '2026-03-10' }]))).toEqual(
      [],
    );
  });

  it('refuses a version that cites no source', () => {
    expect(problemsOf(buildPack([buildVersion({ sources: [] })]))).toEqual([
      'rule NOT-04: versions.0.sources: cites no source',
    ]);
  });

  it('refuses a source without an address, an unknown fact and a bad rule id', () => {
    const problems = problemsOf({
      ...buildPack([
        buildVersion({
          sources: [{ ...source, urls: [] }],
          conditions: { exists: 'notice.colour' } as unknown as RuleVersion['conditions'],
        }),
      ]),
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('rule NOT-04: versions.0.sources.0.urls');
    expect(problems[1]).toContain('rule NOT-04: versions.0.conditions');
    const badId = buildPack([buildVersion()]);
    expect(problemsOf({ ...badId, rules: [{ ...badId.rules[0], id: 'not-4' }] })[0]).toContain(
      'rule not-4: id',
    );
  });

  it('refuses duplicate ids and an end before the start', () => {
    const problems = problemsOf(
      buildPack([
        buildVersion({ id: 'a', effectiveFrom: '2024-01-01', effectiveTo: '2023-01-01' }),
        buildVersion({ id: 'a', effectiveFrom: null, effectiveTo: '2020-01-01' }),
      ]),
    );
    expect(problems).toContain('rule NOT-04: version a is defined twice');
    expect(problems).toContain('rule NOT-04 version a: effectiveTo must be after effectiveFrom');
  });

  it('names only facts that exist in the facts schema', () => {
    const shapeOf = (schema: unknown): Record<string, z.ZodType> | undefined => {
      const unwrapped = (schema as { unwrap?: () => unknown }).unwrap?.() ?? schema;
      return (unwrapped as { shape?: Record<string, z.ZodType> }).shape;
    };
    for (const path of factPaths) {
      const [group, field] = path.split('.') as [string, string | undefined];
      const groupSchema = caseFacts.shape[group as keyof typeof caseFacts.shape];
      expect(groupSchema, path).toBeDefined();
      if (field !== undefined) expect(shapeOf(groupSchema)?.[field], path).toBeDefined();
    }
  });
});
