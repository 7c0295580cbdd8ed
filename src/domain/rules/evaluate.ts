import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  type CalendarDate,
  compareDates,
  inYearOf,
  localDateOf,
} from './calendar-date.ts';
import { type CaseFacts, type FactProblem, factProblems } from './case-facts.ts';
import {
  type Condition,
  type Confidence,
  type DateExpr,
  type FactPath,
  type FindingKind,
  inForceOn,
  type LoadedRulePack,
  type Period,
  type Rule,
  type RuleVersion,
  type Source,
  type Text,
} from './rule-pack.ts';

/** An organisation's reading of disputed rules: a version id, or 'under-review' to show all. */
export type Choices = Record<string, string>;

export type FindingDate = { label: Text; date: CalendarDate };

/** Another version that competes on the date: in force at the same time, or a pending bill. */
export type Alternative = {
  versionId: string;
  status: RuleVersion['status'];
  effectiveFrom: CalendarDate | null;
  effectiveTo: CalendarDate | null;
  statement: Text;
  confidence: Confidence;
  sources: Source[];
};

/** How the version behind a finding was picked. */
export type Selection = 'default' | 'chosen' | 'under-review';

export type Finding = {
  ruleId: string;
  versionId: string;
  outcomeId: string;
  kind: FindingKind;
  title: Text;
  statement: Text;
  /** What the law says, in the version applied. */
  ruleStatement: Text;
  dates: FindingDate[];
  sources: Source[];
  confidence: Confidence;
  selection: Selection;
  disputed: boolean;
  alternatives: Alternative[];
};

/** Everything needed to replay an evaluation and get the same findings. */
export type EvaluationRecord = {
  packId: string;
  packVersion: number;
  packHash: string;
  asOf: CalendarDate;
  choices: Choices;
  factsSnapshot: CaseFacts;
};

export type Evaluation = { record: EvaluationRecord; findings: Finding[] };

export type EvaluationResult =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; problems: FactProblem[] };

type Context = { facts: CaseFacts; asOf: CalendarDate };

function factValue(facts: CaseFacts, path: FactPath): unknown {
  let current: unknown = facts;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function addPeriod(date: CalendarDate, period: Period | undefined): CalendarDate {
  if (period === undefined) return date;
  switch (period.unit) {
    case 'calendar-days':
      return addCalendarDays(date, period.amount);
    case 'working-days':
      return addWorkingDays(date, period.amount);
    case 'months':
      return addMonths(date, period.amount);
    case 'years':
      return addMonths(date, period.amount * 12);
  }
}

function known(dates: (CalendarDate | undefined)[]): CalendarDate[] {
  return dates.filter((date) => date !== undefined).sort(compareDates);
}

/** The date an expression names, or undefined when a fact it needs is missing. */
function dateOf(expr: DateExpr, context: Context): CalendarDate | undefined {
  if ('fact' in expr) {
    const value = factValue(context.facts, expr.fact);
    // Date-times (detention, lawyer refused) count by their local day.
    return typeof value === 'string' ? addPeriod(localDateOf(value), expr.add) : undefined;
  }
  if ('asOf' in expr) return addPeriod(context.asOf, expr.add);
  if ('date' in expr) return expr.date;
  if ('inYearOf' in expr) {
    const base = dateOf(expr.inYearOf, context);
    return base === undefined ? undefined : inYearOf(base, expr.monthDay);
  }
  if ('earliest' in expr) return known(expr.earliest.map((inner) => dateOf(inner, context)))[0];
  return known(expr.latest.map((inner) => dateOf(inner, context))).at(-1);
}

function holds(condition: Condition, context: Context): boolean {
  if ('all' in condition) return condition.all.every((inner) => holds(inner, context));
  if ('any' in condition) return condition.any.some((inner) => holds(inner, context));
  if ('not' in condition) return !holds(condition.not, context);
  if ('exists' in condition) return factValue(context.facts, condition.exists) !== undefined;
  if ('equals' in condition) {
    return factValue(context.facts, condition.equals.fact) === condition.equals.value;
  }
  if ('in' in condition) {
    const value = factValue(context.facts, condition.in.fact);
    return condition.in.values.some((candidate) => candidate === value);
  }
  if ('includes' in condition) {
    const value = factValue(context.facts, condition.includes.fact);
    return Array.isArray(value) && value.includes(condition.includes.value);
  }
  const left = dateOf(condition.compare.left, context);
  const right = dateOf(condition.compare.right, context);
  if (left === undefined || right === undefined) return false;
  const order = compareDates(left, right);
  switch (condition.compare.is) {
    case 'before':
      return order < 0;
    case 'on-or-before':
      return order <= 0;
    case 'on':
      return order === 0;
    case 'on-or-after':
      return order >= 0;
    case 'after':
      return order > 0;
  }
}

function alternativeOf(version: RuleVersion): Alternative {
  return {
    versionId: version.id,
    status: version.status,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    statement: version.statement,
    confidence: version.confidence,
    sources: version.sources,
  };
}

/**
 * Which versions speak for a rule. Candidates are the versions in force on the rule's deciding
 * date plus bills already introduced by `asOf`. A choice picks among the candidates (it cannot
 * revive a repealed wording); without one, the version in force applies, the default where
 * several are.
 */
function selectVersions(
  rule: Rule,
  context: Context,
  choice: string | undefined,
): { applied: RuleVersion[]; candidates: RuleVersion[]; selection: Selection } {
  const decidingDate =
    (rule.decidedOn === undefined ? undefined : dateOf(rule.decidedOn, context)) ?? context.asOf;
  const inForce = rule.versions.filter((version) => inForceOn(version, decidingDate));
  const bills = rule.versions.filter(
    (version) =>
      version.status === 'pending' &&
      version.proposedOn !== undefined &&
      compareDates(version.proposedOn, context.asOf) <= 0,
  );
  const candidates = [...inForce, ...bills];
  if (choice === 'under-review')
    return { applied: candidates, candidates, selection: 'under-review' };
  const chosen = candidates.find((version) => version.id === choice);
  if (chosen !== undefined) return { applied: [chosen], candidates, selection: 'chosen' };
  const byDefault =
    inForce.length > 1
      ? (inForce.find((version) => version.id === rule.defaultVersion) ?? inForce[0])
      : inForce[0];
  return { applied: byDefault ? [byDefault] : [], candidates, selection: 'default' };
}

function findingsOf(rule: Rule, context: Context, choice: string | undefined): Finding[] {
  const { applied, candidates, selection } = selectVersions(rule, context, choice);
  return applied.flatMap((version) => {
    if (version.conditions !== undefined && !holds(version.conditions, context)) return [];
    const alternatives = candidates.filter((other) => other !== version).map(alternativeOf);
    return version.outcomes
      .filter((outcome) => outcome.when === undefined || holds(outcome.when, context))
      .map((outcome) => ({
        ruleId: rule.id,
        versionId: version.id,
        outcomeId: outcome.id,
        kind: outcome.kind,
        title: rule.title,
        statement: outcome.text,
        ruleStatement: version.statement,
        dates: (outcome.dates ?? []).flatMap((dated) => {
          const date = dateOf(dated.at, context);
          return date === undefined ? [] : [{ label: dated.label, date }];
        }),
        sources: version.sources,
        confidence: outcome.confidence ?? version.confidence,
        selection,
        disputed: selection === 'under-review' || alternatives.length > 0,
        alternatives,
      }));
  });
}

function choiceProblems(loaded: LoadedRulePack, choices: Choices): FactProblem[] {
  return Object.entries(choices).flatMap(([ruleId, versionId]): FactProblem[] => {
    const rule = loaded.pack.rules.find((candidate) => candidate.id === ruleId);
    if (rule === undefined) {
      return [
        {
          path: ['choices', ruleId],
          message: { ru: `Нет правила ${ruleId}.`, en: `There is no rule ${ruleId}.` },
        },
      ];
    }
    if (versionId === 'under-review' || rule.versions.some((v) => v.id === versionId)) return [];
    return [
      {
        path: ['choices', ruleId],
        message: {
          ru: `У правила ${ruleId} нет редакции ${versionId}.`,
          en: `Rule ${ruleId} has no version ${versionId}.`,
        },
      },
    ];
  });
}

/**
 * Applies a rule pack to the facts of a case as of a date. Pure: the same pack, facts, date and
 * choices always give the same findings, in the pack's order. Impossible facts and unknown
 * choices are refused, each with the field it concerns.
 */
export function evaluate(
  loaded: LoadedRulePack,
  facts: CaseFacts,
  asOf: CalendarDate,
  choices: Choices = {},
): EvaluationResult {
  const problems = [...factProblems(facts, asOf), ...choiceProblems(loaded, choices)];
  if (problems.length > 0) return { ok: false, problems };
  const context: Context = { facts, asOf };
  return {
    ok: true,
    evaluation: {
      record: {
        packId: loaded.pack.packId,
        packVersion: loaded.pack.packVersion,
        packHash: loaded.packHash,
        asOf,
        choices,
        factsSnapshot: facts,
      },
      findings: loaded.pack.rules.flatMap((rule) => findingsOf(rule, context, choices[rule.id])),
    },
  };
}
