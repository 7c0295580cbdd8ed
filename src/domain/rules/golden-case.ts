import { z } from 'zod';
import { caseFacts } from './case-facts.ts';
import { type Evaluation, evaluate, type Finding } from './evaluate.ts';
import type { LoadedRulePack } from './rule-pack.ts';

/** `NOT-04` (any finding of the rule) or `NOT-04/deemed-delivered` (one outcome). */
const findingRef = z.string().regex(/^[A-Z]{2,3}-\d{2}(\/[a-z0-9-]+)?$/);

export const goldenCase = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  description: z.string().min(1),
  asOf: z.iso.date(),
  choices: z.record(z.string(), z.string()).optional(),
  facts: caseFacts,
  expect: z.strictObject({
    present: z.array(findingRef).optional(),
    absent: z.array(findingRef).optional(),
    /** Rule id → the version every finding of that rule must come from. */
    versions: z.record(z.string(), z.string()).optional(),
    dates: z.array(z.strictObject({ finding: findingRef, date: z.iso.date() })).optional(),
    disputed: z.array(findingRef).optional(),
    undisputed: z.array(findingRef).optional(),
    /** Fields whose facts must be refused as impossible; then nothing else is checked. */
    refused: z.array(z.string()).optional(),
  }),
});
export type GoldenCase = z.infer<typeof goldenCase>;

export const goldenCaseFile = z.strictObject({
  packId: z.string(),
  packVersion: z.int(),
  cases: z.array(goldenCase).min(1),
});
export type GoldenCaseFile = z.infer<typeof goldenCaseFile>;

function matching(findings: Finding[], ref: string): Finding[] {
  const [ruleId, outcomeId] = ref.split('/');
  return findings.filter(
    (finding) =>
      finding.ruleId === ruleId && (outcomeId === undefined || finding.outcomeId === outcomeId),
  );
}

function findingProblems(evaluation: Evaluation, expected: GoldenCase['expect']): string[] {
  const { findings } = evaluation;
  const problems: string[] = [];
  for (const ref of expected.present ?? []) {
    if (matching(findings, ref).length === 0) problems.push(`expected ${ref}, found none`);
  }
  for (const ref of expected.absent ?? []) {
    const found = matching(findings, ref);
    if (found.length > 0) {
      problems.push(`expected no ${ref}, found ${found.map((f) => f.versionId).join(', ')}`);
    }
  }
  for (const [ruleId, versionId] of Object.entries(expected.versions ?? {})) {
    const versions = [...new Set(matching(findings, ruleId).map((f) => f.versionId))];
    if (versions.length !== 1 || versions[0] !== versionId) {
      problems.push(`expected ${ruleId} in version ${versionId}, got [${versions.join(', ')}]`);
    }
  }
  for (const { finding, date } of expected.dates ?? []) {
    const dates = matching(findings, finding).flatMap((f) => f.dates.map((dated) => dated.date));
    if (!dates.includes(date)) {
      problems.push(`expected ${finding} dated ${date}, got [${dates.join(', ')}]`);
    }
  }
  for (const ref of expected.disputed ?? []) {
    const found = matching(findings, ref);
    if (found.length === 0 || !found.every((f) => f.disputed)) {
      problems.push(`expected ${ref} to be shown as disputed`);
    }
  }
  for (const ref of expected.undisputed ?? []) {
    const found = matching(findings, ref);
    if (found.length === 0 || found.some((f) => f.disputed)) {
      problems.push(`expected ${ref} to be shown as undisputed`);
    }
  }
  return problems;
}

/**
 * Runs one golden case against a pack: the facts, date and choices in, the expected findings
 * (or the expected refusal) out. Returns what did not match; empty when the case passes.
 */
export function checkGoldenCase(loaded: LoadedRulePack, goldenCase: GoldenCase): string[] {
  const result = evaluate(loaded, goldenCase.facts, goldenCase.asOf, goldenCase.choices);
  const refused = goldenCase.expect.refused;
  if (!result.ok) {
    const paths = result.problems.map((problem) => problem.path.join('.'));
    if (refused === undefined) return paths.map((path) => `facts refused at ${path}`);
    const missed = refused.filter((path) => !paths.includes(path));
    return missed.map((path) => `expected ${path} to be refused, refused [${paths.join(', ')}]`);
  }
  if (refused !== undefined) return [`expected [${refused.join(', ')}] to be refused`];
  return findingProblems(result.evaluation, goldenCase.expect);
}
