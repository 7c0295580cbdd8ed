import type { LoadedRulePack } from '../../domain/rules/rule-pack.ts';

/** The legal rule packs shipped with Habeas, each checked against its golden cases on load. */
export interface RulePacks {
  /** The newest version of the pack. */
  current(packId: string): LoadedRulePack;
}
