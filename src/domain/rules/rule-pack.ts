import { z } from 'zod';
import { compareDates } from './calendar-date.ts';

/** Facts a rule may read as dates; `detention.at` and `lawyer.refusedEntry` by their local day. */
export const dateFactPaths = [
  'person.birthDate',
  'notice.postedToRegister',
  'notice.personalAccountDelivered',
  'notice.signedFor',
  'notice.mailDelivered',
  'notice.refusedOn',
  'notice.appearanceDate',
  'draftDecision.madeOn',
  'draftDecision.learnedOn',
  'appeal.filedDate',
  'detention.at',
  'lawyer.refusedEntry',
  'complaint.receivedOn',
  'complaint.registeredOn',
] as const;

/** Every fact a condition may name: the dates, the values, and the groups themselves. */
export const factPaths = [
  ...dateFactPaths,
  'person',
  'person.region',
  'notice',
  'notice.kind',
  'notice.purpose',
  'notice.appeared',
  'notice.missing',
  'draftDecision',
  'draftDecision.by',
  'appeal',
  'appeal.level',
  'appeal.against',
  'appeal.pending',
  'detention',
  'detention.place',
  'detention.takenTo',
  'lawyer',
  'lawyer.powerOfAttorney',
  'complaint',
  'complaint.sentTo',
  'complaint.extended',
] as const;
export type FactPath = (typeof factPaths)[number];
export type DateFactPath = (typeof dateFactPaths)[number];

const calendarDate = z.iso.date();
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case kebab-case');

export const text = z.strictObject({ ru: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof text>;

export const confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidence>;

export const findingKinds = ['deadline', 'consequence', 'ground', 'advice', 'right'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const source = z.strictObject({
  law: z.string().min(1),
  article: z.string().min(1),
  date: calendarDate.optional(),
  urls: z.array(z.url()).min(1, 'a source names at least one address where it was read'),
});
export type Source = z.infer<typeof source>;

export const period = z.strictObject({
  amount: z.int().min(0),
  unit: z.enum(['calendar-days', 'working-days', 'months', 'years']),
});
export type Period = z.infer<typeof period>;

/**
 * A date computed from the facts. A fact that is missing makes the whole expression unknown,
 * except inside `earliest` / `latest`, which take the known ones.
 */
export type DateExpr =
  | { fact: DateFactPath; add?: Period }
  | { asOf: true; add?: Period }
  | { date: string }
  | { inYearOf: DateExpr; monthDay: string }
  | { earliest: DateExpr[] }
  | { latest: DateExpr[] };

export const dateExpr: z.ZodType<DateExpr> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.enum(dateFactPaths), add: period.optional() }),
    z.strictObject({ asOf: z.literal(true), add: period.optional() }),
    z.strictObject({ date: calendarDate }),
    z.strictObject({
      inYearOf: dateExpr,
      // 29 February is left out: it does not exist in most years.
      monthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]|3[01])$/),
    }),
    z.strictObject({ earliest: z.array(dateExpr).min(1) }),
    z.strictObject({ latest: z.array(dateExpr).min(1) }),
  ]),
);

const scalar = z.union([z.string(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

export const comparisons = ['before', 'on-or-before', 'on', 'on-or-after', 'after'] as const;

/**
 * The condition language. A comparison with an unknown date is false, and so is `equals` on a
 * missing fact: conditions state what is known, so a rule needing a fact should test it.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { exists: FactPath }
  | { equals: { fact: FactPath; value: Scalar } }
  | { in: { fact: FactPath; values: Scalar[] } }
  | { includes: { fact: FactPath; value: string } }
  | { compare: { left: DateExpr; is: (typeof comparisons)[number]; right: DateExpr } };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(condition) }),
    z.strictObject({ any: z.array(condition).min(1) }),
    z.strictObject({ not: condition }),
    z.strictObject({ exists: z.enum(factPaths) }),
    z.strictObject({ equals: z.strictObject({ fact: z.enum(factPaths), value: scalar }) }),
    z.strictObject({
      in: z.strictObject({ fact: z.enum(factPaths), values: z.array(scalar).min(1) }),
    }),
    z.strictObject({ includes: z.strictObject({ fact: z.enum(factPaths), value: z.string() }) }),
    z.strictObject({
      compare: z.strictObject({ left: dateExpr, is: z.enum(comparisons), right: dateExpr }),
    }),
  ]),
);

export const outcome = z.strictObject({
  id: kebabId,
  kind: z.enum(findingKinds),
  /** Narrows the version's conditions for this outcome only. */
  when: condition.optional(),
  text,
  dates: z.array(z.strictObject({ label: text, at: dateExpr })).optional(),
  /** When this outcome is surer or less sure than the version as a whole. */
  confidence: confidence.optional(),
});
export type Outcome = z.infer<typeof outcome>;

export const ruleVersion = z.strictObject({
  id: kebabId,
  /** `pending`: a bill. It never applies by default, only when an organisation chooses it. */
  status: z.enum(['enacted', 'pending']),
  /** For a bill: when it was introduced; from then on it is shown as an alternative. */
  proposedOn: calendarDate.optional(),
  /** First day in force; null: in force before any case Habeas handles, or (a bill) unknown. */
  effectiveFrom: calendarDate.nullable(),
  /** First day no longer in force (exclusive); null: still in force or end not known. */
  effectiveTo: calendarDate.nullable(),
  statement: text,
  sources: z.array(source).min(1, 'cites no source'),
  confidence,
  notes: z.string(),
  /** The rows of the legal research this version rests on (e.g. NOT-04). */
  basedOn: z.array(z.string().regex(/^[A-Z]{2,3}-\d{2}$/)).min(1),
  conditions: condition.optional(),
  outcomes: z.array(outcome).min(1),
});
export type RuleVersion = z.infer<typeof ruleVersion>;

export const rule = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,3}-\d{2}$/, 'a rule id looks like NOT-04'),
  title: text,
  /**
   * The date that decides which version applies, e.g. the day of the offence (liability is
   * never retroactive: Constitution art. 54, KoAP art. 1.7). When absent or unknown: `asOf`.
   */
  decidedOn: dateExpr.optional(),
  /** Which version applies where versions in force overlap. */
  defaultVersion: kebabId.optional(),
  versions: z.array(ruleVersion).min(1),
});
export type Rule = z.infer<typeof rule>;

export const rulePack = z.strictObject({
  packId: kebabId,
  packVersion: z.int().min(1),
  title: text,
  rules: z.array(rule).min(1),
});
export type RulePack = z.infer<typeof rulePack>;

/** A validated pack with the SHA-256 of its canonical JSON, so a decision can be replayed. */
export type LoadedRulePack = { pack: RulePack; packHash: string };

/** True when the version is law on `date` ([effectiveFrom, effectiveTo)). */
export function inForceOn(version: RuleVersion, date: string): boolean {
  if (version.status !== 'enacted') return false;
  if (version.effectiveFrom !== null && compareDates(date, version.effectiveFrom) < 0) {
    return false;
  }
  return version.effectiveTo === null || compareDates(date, version.effectiveTo) < 0;
}

function overlap(a: RuleVersion, b: RuleVersion): boolean {
  const startsBeforeEnd = (start: string | null, end: string | null) =>
    start === null || end === null || compareDates(start, end) < 0;
  return (
    a.status === 'enacted' &&
    b.status === 'enacted' &&
    startsBeforeEnd(a.effectiveFrom, b.effectiveTo) &&
    startsBeforeEnd(b.effectiveFrom, a.effectiveTo)
  );
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

function ruleProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const at = `rule ${rule.id}`;
  for (const id of duplicates(rule.versions.map((version) => version.id))) {
    problems.push(`${at}: version ${id} is defined twice`);
  }
  if (
    rule.defaultVersion !== undefined &&
    !rule.versions.some((version) => version.id === rule.defaultVersion)
  ) {
    problems.push(`${at}: default version ${rule.defaultVersion} does not exist`);
  }
  for (const [index, version] of rule.versions.entries()) {
    const where = `${at} version ${version.id}`;
    for (const id of duplicates(version.outcomes.map((outcome) => outcome.id))) {
      problems.push(`${where}: outcome ${id} is defined twice`);
    }
    if (version.status === 'pending' && version.proposedOn === undefined) {
      problems.push(`${where}: a pending version needs proposedOn`);
    }
    if (
      version.effectiveFrom !== null &&
      version.effectiveTo !== null &&
      compareDates(version.effectiveFrom, version.effectiveTo) >= 0
    ) {
      problems.push(`${where}: effectiveTo must be after effectiveFrom`);
    }
    for (const other of rule.versions.slice(index + 1)) {
      if (!overlap(version, other)) continue;
      if (rule.defaultVersion !== version.id && rule.defaultVersion !== other.id) {
        problems.push(
          `${at}: versions ${version.id} and ${other.id} are both in force at once and neither is the default version`,
        );
      }
    }
  }
  return problems;
}

function ruleIdAt(raw: unknown, index: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || typeof index !== 'number') return undefined;
  const rules = (raw as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return undefined;
  const id = (rules[index] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checks a pack read from JSON: its schema, then what a schema cannot say (unique ids, a default
 * where versions overlap, bills with a date of introduction). Problems name the rule.
 */
export function validateRulePack(
  raw: unknown,
): { ok: true; pack: RulePack } | { ok: false; problems: string[] } {
  const parsed = rulePack.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        const ruleId = first === 'rules' ? ruleIdAt(raw, index) : undefined;
        const where =
          ruleId === undefined ? issue.path.join('.') : `rule ${ruleId}: ${rest.join('.')}`;
        return `${where || 'pack'}: ${issue.message}`;
      }),
    };
  }
  const pack = parsed.data;
  const problems = [
    ...duplicates(pack.rules.map((rule) => rule.id)).map((id) => `rule ${id} is defined twice`),
    ...pack.rules.flatMap(ruleProblems),
  ];
  return problems.length === 0 ? { ok: true, pack } : { ok: false, problems };
}
