import type { RulePacks } from '../../app/ports/rule-packs.ts';
import type { LoadedRulePack } from '../../domain/rules/rule-pack.ts';
import { loadCurrentRulePack } from './rule-pack-loader.ts';

/** Packs are content shipped with the code: read and checked once per process. */
export function cachedRulePacks(): RulePacks {
  const loaded = new Map<string, LoadedRulePack>();
  return {
    current(packId) {
      let pack = loaded.get(packId);
      if (pack === undefined) {
        pack = loadCurrentRulePack(packId);
        loaded.set(packId, pack);
      }
      return pack;
    },
  };
}
