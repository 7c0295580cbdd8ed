import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCurrentRulePack } from '../../adapters/rules/rule-pack-loader.ts';
import { isCalendarDate } from './calendar-date.ts';
import { type CaseFacts, noticeDefects, regions } from './case-facts.ts';
import { evaluate, type Finding } from './evaluate.ts';
import type { Condition, LoadedRulePack, Rule, RuleVersion } from './rule-pack.ts';

const source = { law: '53-FZ', article: 'art. 31', urls: ['https://example.org/53-fz'] };

function buildVersion(overrides: Partial<RuleVersion> = {}): RuleVersion {
  return {
    id: 'v1',
    status: 'enacted',
    effectiveFrom: null,
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

function packOf(...rules: Rule[]): LoadedRulePack {
  return {
    pack: { packId: 'test-pack', packVersion: 1, title: { ru: 'Т', en: 'T' }, rules },
    packHash: 'test-hash',
  };
}

function findingsOf(
  loaded: LoadedRulePack,
  facts: CaseFacts,
  asOf = '2025-10-18',
  choices?: Record<string, string>,
): Finding[] {
  const result = evaluate(loaded, facts, asOf, choices);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.evaluation.findings;
}

function holdsFor(condition: Condition, facts: CaseFacts, asOf = '2025-10-18'): boolean {
  const rule: Rule = {
    id: 'TST-01',
    title: { ru: 'Т', en: 'T' },
    versions: [buildVersion({ conditions: condition })],
  };
  return findingsOf(packOf(rule), facts, asOf).length === 1;
}

const notice: CaseFacts['notice'] = {
  kind: 'electronic',
  postedToRegister: '2025-10-01',
  appearanceDate: '2025-10-20',
  missing: ['stamp', 'reason'],
};

describe('the condition language', () => {
  it('reads equals, in, exists and includes, and is false on a missing fact', () => {
    expect(holdsFor({ equals: { fact: 'notice.kind', value: 'electronic' } }, { notice })).toBe(
      true,
    );
    expect(holdsFor({ equals: { fact: 'notice.kind', value: 'paper' } }, { notice })).toBe(false);
    expect(holdsFor({ equals: { fact: 'notice.appeared', value: false } }, { notice })).toBe(false);
    expect(
      holdsFor({ in: { fact: 'notice.kind', values: ['paper', 'electronic'] } }, { notice }),
    ).toBe(true);
    expect(holdsFor({ exists: 'notice.signedFor' }, { notice })).toBe(false);
    expect(holdsFor({ exists: 'notice' }, { notice })).toBe(true);
    expect(holdsFor({ includes: { fact: 'notice.missing', value: 'reason' } }, { notice })).toBe(
      true,
    );
    expect(holdsFor({ includes: { fact: 'notice.kind', value: 'electronic' } }, { notice })).toBe(
      false,
    );
  });

  it('combines with all, any and not', () => {
    const paper: Condition = { equals: { fact: 'notice.kind', value: 'paper' } };
    const posted: Condition = { exists: 'notice.postedToRegister' };
    expect(holdsFor({ all: [] }, {})).toBe(true);
    expect(holdsFor({ all: [paper, posted] }, { notice })).toBe(false);
    expect(holdsFor({ any: [paper, posted] }, { notice })).toBe(true);
    expect(holdsFor({ not: paper }, { notice })).toBe(true);
  });

  it('compares computed dates, and an unknown date compares false', () => {
    const posted30 = {
      fact: 'notice.postedToRegister',
      add: { amount: 19, unit: 'calendar-days' },
    } as const;
    const appearance = { fact: 'notice.appearanceDate' } as const;
    expect(holdsFor({ compare: { left: appearance, is: 'on', right: posted30 } }, { notice })).toBe(
      true,
    );
    expect(
      holdsFor({ compare: { left: appearance, is: 'after', right: posted30 } }, { notice }),
    ).toBe(false);
    expect(
      holdsFor(
        { compare: { left: { fact: 'notice.signedFor' }, is: 'before', right: appearance } },
        { notice },
      ),
    ).toBe(false);
    expect(
      holdsFor(
        {
          compare: {
            left: { asOf: true },
            is: 'on-or-after',
            right: { inYearOf: { asOf: true }, monthDay: '10-01' },
          },
        },
        {},
        '2025-10-01',
      ),
    ).toBe(true);
  });

  it('takes the earliest and latest of the known dates only', () => {
    const rule: Rule = {
      id: 'TST-01',
      title: { ru: 'Т', en: 'T' },
      versions: [
        buildVersion({
          outcomes: [
            {
              id: 'o',
              kind: 'deadline',
              text: { ru: 'Срок.', en: 'Deadline.' },
              dates: [
                {
                  label: { ru: 'Раньше', en: 'Earliest' },
                  at: {
                    earliest: [
                      { fact: 'notice.signedFor' },
                      { fact: 'notice.appearanceDate' },
                      { fact: 'notice.postedToRegister' },
                    ],
                  },
                },
                {
                  label: { ru: 'Позже', en: 'Latest' },
                  at: { latest: [{ fact: 'notice.signedFor' }, { fact: 'notice.appearanceDate' }] },
                },
                { label: { ru: 'Нет', en: 'None' }, at: { fact: 'notice.signedFor' } },
              ],
            },
          ],
        }),
      ],
    };
    const [finding] = findingsOf(packOf(rule), { notice });
    expect(finding?.dates.map((dated) => dated.date)).toEqual(['2025-10-01', '2025-10-20']);
  });
});

describe('choosing between versions', () => {
  const overlapping: Rule = {
    id: 'NOT-07',
    title: { ru: 'Т', en: 'T' },
    defaultVersion: 'new',
    versions: [
      buildVersion({ id: 'old', effectiveFrom: '2023-04-14', effectiveTo: '2023-12-27' }),
      buildVersion({ id: 'new', effectiveFrom: '2023-08-04' }),
      buildVersion({ id: 'bill', status: 'pending', proposedOn: '2026-03-10' }),
    ],
  };
  const loaded = packOf(overlapping);
  const versionsAt = (asOf: string, choices?: Record<string, string>) =>
    findingsOf(loaded, {}, asOf, choices).map((f) => [f.versionId, f.selection, f.disputed]);

  it('applies the only version in force, undisputed', () => {
    expect(versionsAt('2023-06-01')).toEqual([['old', 'default', false]]);
    expect(versionsAt('2025-01-01')).toEqual([['new', 'default', false]]);
    expect(versionsAt('2023-04-13')).toEqual([]);
  });

  it('applies the default where versions overlap, and shows the other as an alternative', () => {
    const [finding] = findingsOf(loaded, {}, '2023-09-01');
    expect(finding?.versionId).toBe('new');
    expect(finding?.disputed).toBe(true);
    expect(finding?.alternatives.map((alternative) => alternative.versionId)).toEqual(['old']);
  });

  it("applies the organisation's choice among the competing versions", () => {
    expect(versionsAt('2023-09-01', { 'NOT-07': 'old' })).toEqual([['old', 'chosen', true]]);
  });

  it('does not revive a repealed version by choice', () => {
    expect(versionsAt('2025-01-01', { 'NOT-07': 'old' })).toEqual([['new', 'default', false]]);
  });

  it('offers a bill only once introduced, and applies it only when chosen', () => {
    expect(versionsAt('2026-03-10')).toEqual([['new', 'default', true]]);
    expect(versionsAt('2026-03-10', { 'NOT-07': 'bill' })).toEqual([['bill', 'chosen', true]]);
    expect(versionsAt('2026-03-09', { 'NOT-07': 'bill' })).toEqual([['new', 'default', false]]);
  });

  it('shows every competing version, disputed, when the rule is under review', () => {
    expect(versionsAt('2023-09-01', { 'NOT-07': 'under-review' })).toEqual([
      ['old', 'under-review', true],
      ['new', 'under-review', true],
    ]);
  });

  it('refuses a choice of an unknown rule or version', () => {
    const result = evaluate(loaded, {}, '2025-01-01', { 'NOT-07': 'newest', 'NOT-99': 'old' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path.join('.'))).toEqual([
      'choices.NOT-07',
      'choices.NOT-99',
    ]);
  });
});

describe('impossible facts', () => {
  const loaded = packOf({ id: 'TST-01', title: { ru: 'Т', en: 'T' }, versions: [buildVersion()] });
  const refusedPaths = (facts: CaseFacts, asOf = '2025-10-18') => {
    const result = evaluate(loaded, facts, asOf);
    return result.ok ? [] : result.problems.map((problem) => problem.path.join('.'));
  };

  it('refuses an appearance date before the posting, naming the field', () => {
    const result = evaluate(
      loaded,
      {
        notice: {
          kind: 'electronic',
          postedToRegister: '2025-10-10',
          appearanceDate: '2025-10-05',
        },
      },
      '2025-10-18',
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          path: ['notice', 'appearanceDate'],
          message: {
            en: 'The appearance date cannot be before the notice was posted to the register.',
          },
        },
      ],
    });
  });

  it('refuses events after the evaluation date, but not a future appearance date', () => {
    const detention = { place: 'metro', takenTo: 'police' } as const;
    expect(refusedPaths({ detention: { ...detention, at: '2025-10-19T00:30:00+03:00' } })).toEqual([
      'detention.at',
    ]);
    expect(
      refusedPaths({
        notice: { kind: 'paper', signedFor: '2025-10-18', appearanceDate: '2025-11-01' },
      }),
    ).toEqual([]);
  });

  it('refuses a birth after the detention and a lawyer refused before it', () => {
    expect(
      refusedPaths({
        person: { birthDate: '2025-10-02' },
        detention: { at: '2025-10-01T10:00:00+03:00', place: 'street', takenTo: 'police' },
      }),
    ).toEqual(['detention.at']);
    expect(
      refusedPaths({
        detention: { at: '2025-10-18T12:00:00+03:00', place: 'street', takenTo: 'police' },
        lawyer: { refusedEntry: '2025-10-18T11:59:00+03:00', powerOfAttorney: 'none' },
      }),
    ).toEqual(['lawyer.refusedEntry']);
  });

  it('compares date-times on the time line, whatever their offsets', () => {
    expect(
      refusedPaths({
        detention: { at: '2025-10-18T12:00:00+03:00', place: 'street', takenTo: 'police' },
        lawyer: { refusedEntry: '2025-10-18T09:30:00Z', powerOfAttorney: 'none' },
      }),
    ).toEqual([]);
  });
});

describe('the evaluation record', () => {
  it('records the pack, its hash, the date, the choices and the facts for replay', () => {
    const loaded = packOf({
      id: 'TST-01',
      title: { ru: 'Т', en: 'T' },
      versions: [buildVersion()],
    });
    const facts: CaseFacts = { person: { region: 'moscow' } };
    const result = evaluate(loaded, facts, '2025-10-18');
    expect(result.ok && result.evaluation.record).toEqual({
      packId: 'test-pack',
      packVersion: 1,
      packHash: 'test-hash',
      asOf: '2025-10-18',
      choices: {},
      factsSnapshot: facts,
    });
  });
});

describe('properties of the ru-conscription pack', () => {
  const loaded = loadCurrentRulePack('ru-conscription');
  const day = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 11, 31) })
    .map((time) => new Date(time - (time % 86_400_000)).toISOString().slice(0, 10));
  const dateTime = day.map((date) => `${date}T10:00:00+03:00`);
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

  const facts: fc.Arbitrary<CaseFacts> = fc.record(
    {
      person: fc.record(
        {
          birthDate: day.map((date) => `${Number(date.slice(0, 4)) - 20}${date.slice(4)}`),
          region: fc.constantFrom(...regions),
        },
        { requiredKeys: [] },
      ),
      notice: fc.record(
        {
          kind: fc.constantFrom('paper' as const, 'electronic' as const),
          purpose: optional(
            fc.constantFrom(
              'clarify-data' as const,
              'medical-exam' as const,
              'commission' as const,
              'dispatch' as const,
            ),
          ),
          postedToRegister: optional(day),
          personalAccountDelivered: optional(day),
          signedFor: optional(day),
          mailDelivered: optional(day),
          refusedOn: optional(day),
          appearanceDate: optional(day),
          appeared: optional(fc.boolean()),
          missing: optional(fc.uniqueArray(fc.constantFrom(...noticeDefects))),
        },
        { requiredKeys: ['kind'] },
      ),
      draftDecision: fc.record(
        {
          by: fc.constantFrom('municipal' as const, 'regional' as const),
          madeOn: day,
          learnedOn: optional(day),
        },
        { requiredKeys: ['by', 'madeOn'] },
      ),
      appeal: fc.record({
        level: fc.constantFrom('regional-commission' as const, 'court' as const),
        against: fc.constantFrom('municipal' as const, 'regional' as const),
        filedDate: day,
        pending: fc.boolean(),
      }),
      detention: fc.record({
        at: dateTime,
        place: fc.constantFrom(
          'metro' as const,
          'street' as const,
          'home' as const,
          'workplace' as const,
        ),
        takenTo: fc.constantFrom('conscription-centre' as const, 'police' as const),
      }),
      lawyer: fc.record(
        {
          refusedEntry: optional(dateTime),
          powerOfAttorney: fc.constantFrom(
            'notarised' as const,
            'simple' as const,
            'none' as const,
          ),
        },
        { requiredKeys: ['powerOfAttorney'] },
      ),
      complaint: fc.record(
        {
          sentTo: fc.constantFrom(
            'military-prosecutor' as const,
            'territorial-prosecutor' as const,
          ),
          receivedOn: optional(day),
          registeredOn: optional(day),
          extended: optional(fc.boolean()),
        },
        { requiredKeys: ['sentTo'] },
      ),
    },
    { requiredKeys: [] },
  );
  const asOf = day.map((date) => date.replace(/^202[0-5]/, '2026'));

  /** The same facts with every object's keys in reverse order and every list reversed. */
  function reordered(value: unknown): unknown {
    if (Array.isArray(value)) return [...value].reverse().map(reordered);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reordered(inner)]),
    );
  }

  function possible(
    result: ReturnType<typeof evaluate>,
  ): result is Extract<typeof result, { ok: true }> {
    return result.ok;
  }

  it('never throws on valid facts, and refuses only with named fields', () => {
    fc.assert(
      fc.property(facts, asOf, (caseFacts, date) => {
        const result = evaluate(loaded, caseFacts, date);
        if (!result.ok)
          expect(result.problems.every((problem) => problem.path.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every finding at least one source with an address, and real dates', () => {
    fc.assert(
      fc.property(facts, asOf, (caseFacts, date) => {
        const result = evaluate(loaded, caseFacts, date);
        fc.pre(possible(result));
        for (const finding of result.evaluation.findings) {
          expect(finding.sources.length).toBeGreaterThan(0);
          expect(finding.sources.every((cited) => cited.urls.length > 0)).toBe(true);
          expect(finding.dates.every((dated) => isCalendarDate(dated.date))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same findings whatever the order of keys and lists in the facts', () => {
    fc.assert(
      fc.property(facts, asOf, (caseFacts, date) => {
        const result = evaluate(loaded, caseFacts, date);
        fc.pre(possible(result));
        const again = evaluate(loaded, reordered(caseFacts) as CaseFacts, date);
        expect(again.ok && again.evaluation.findings).toEqual(result.evaluation.findings);
      }),
      { numRuns: 300 },
    );
  });
});
