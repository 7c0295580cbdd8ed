import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonicalJson } from '../../domain/rules/canonical-json.ts';
import {
  checkGoldenCase,
  type GoldenCase,
  goldenCaseFile,
} from '../../domain/rules/golden-case.ts';
import { type LoadedRulePack, validateRulePack } from '../../domain/rules/rule-pack.ts';

/** content/rules/<pack>/v<N>.json, each with its golden cases in v<N>.cases.json. */
export const rulePacksDir = new URL('../../../content/rules/', import.meta.url);

/** A pack that must not be used; each problem names the rule or golden case and the reason. */
export class RulePackError extends Error {
  override readonly name = 'RulePackError';
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`rule pack ${file} refused:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

export type CheckedRulePack = LoadedRulePack & { cases: GoldenCase[] };

function readJson(
  url: URL,
  label: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (!existsSync(url)) return { ok: false, problem: `${label}: file not found` };
  try {
    return { ok: true, value: JSON.parse(readFileSync(url, 'utf8')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `${label}: not valid JSON (${reason})` };
  }
}

/** The golden cases that belong to a pack file: v1.json → v1.cases.json. */
function casesUrlOf(packUrl: URL): URL {
  return new URL(packUrl.href.replace(/\.json$/, '.cases.json'));
}

/**
 * Reads a rule pack and its golden cases, and refuses the pack unless it matches its schema,
 * cites a source for every version, names a default wherever versions overlap, and gives the
 * expected findings for every golden case. The hash is SHA-256 of the pack's canonical JSON,
 * so reformatting the file does not change it but any change of content does.
 */
export function loadRulePack(packFile: URL | string): CheckedRulePack {
  const packUrl = typeof packFile === 'string' ? pathToFileURL(packFile) : packFile;
  const file = fileURLToPath(packUrl);
  const packJson = readJson(packUrl, 'pack');
  if (!packJson.ok) throw new RulePackError(file, [packJson.problem]);
  const validated = validateRulePack(packJson.value);
  if (!validated.ok) throw new RulePackError(file, validated.problems);
  const { pack } = validated;
  const loaded: LoadedRulePack = {
    pack,
    packHash: createHash('sha256').update(canonicalJson(pack), 'utf8').digest('hex'),
  };

  const casesJson = readJson(casesUrlOf(packUrl), 'golden cases');
  if (!casesJson.ok) throw new RulePackError(file, [casesJson.problem]);
  const parsedCases = goldenCaseFile.safeParse(casesJson.value);
  if (!parsedCases.success) {
    throw new RulePackError(
      file,
      parsedCases.error.issues.map((issue) => {
        const [first, index] = issue.path;
        const found =
          first === 'cases' && typeof index === 'number'
            ? (casesJson.value as { cases: { id?: unknown }[] }).cases[index]?.id
            : undefined;
        const where = typeof found === 'string' ? `golden case ${found}` : 'golden cases';
        return `${where}: ${issue.path.join('.')}: ${issue.message}`;
      }),
    );
  }
  const { cases, packId, packVersion } = parsedCases.data;
  const problems: string[] = [];
  if (packId !== pack.packId || packVersion !== pack.packVersion) {
    problems.push(
      `golden cases are for ${packId} v${packVersion}, not ${pack.packId} v${pack.packVersion}`,
    );
  }
  const ids = cases.map((goldenCase) => goldenCase.id);
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`golden case ${id} is defined twice`);
  }
  for (const goldenCase of cases) {
    for (const failure of checkGoldenCase(loaded, goldenCase)) {
      problems.push(`golden case ${goldenCase.id}: ${failure}`);
    }
  }
  if (problems.length > 0) throw new RulePackError(file, problems);
  return { ...loaded, cases };
}

/** Every pack file under content/rules, in a stable order. */
export function rulePackFiles(dir: URL = rulePacksDir): URL[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((packDir) => {
      const folder = new URL(`${packDir}/`, dir);
      return readdirSync(folder)
        .filter((name) => /^v\d+\.json$/.test(name))
        .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)))
        .map((name) => new URL(name, folder));
    });
}

/** The highest version of a pack (v2 over v1), loaded and checked. */
export function loadCurrentRulePack(packId: string, dir: URL = rulePacksDir): CheckedRulePack {
  const latest = rulePackFiles(dir)
    .filter((url) => url.href.includes(`/${packId}/`))
    .at(-1);
  if (latest === undefined) {
    throw new RulePackError(fileURLToPath(new URL(`${packId}/`, dir)), ['no pack file v<N>.json']);
  }
  return loadRulePack(latest);
}
