import { describe, expect, it } from 'vitest';
import { loadCurrentRulePack } from '../../adapters/rules/rule-pack-loader.ts';
import { checkGoldenCase } from './golden-case.ts';

const loaded = loadCurrentRulePack('ru-conscription');

describe('ru-conscription golden cases', () => {
  it('has enough cases to cover the pack', () => {
    expect(loaded.cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(loaded.cases)('$id', (goldenCase) => {
    expect(checkGoldenCase(loaded, goldenCase)).toEqual([]);
  });
});
