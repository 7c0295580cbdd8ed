import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountSystem,
  derivableCounts,
  smallestPublishedCount,
  suppressSmallCounts,
} from './disclosure-control.ts';

/** A table with row totals, column totals and a grand total, as a count system. */
function tableWithTotals(inner: readonly (readonly number[])[]): CountSystem {
  const rows = inner.length;
  const columns = inner[0]?.length ?? 0;
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  const counts = [
    ...inner.flat(),
    ...inner.map((row) => row.reduce((a, b) => a + b, 0)),
    ...Array.from({ length: columns }, (_, c) => inner.reduce((a, row) => a + (row[c] ?? 0), 0)),
    inner.flat().reduce((a, b) => a + b, 0),
  ];
  const sums = [
    ...inner.map((_, r) => ({
      total: rowTotal(r),
      parts: Array.from({ length: columns }, (_, c) => cell(r, c)),
    })),
    ...Array.from({ length: columns }, (_, c) => ({
      total: columnTotal(c),
      parts: inner.map((_, r) => cell(r, c)),
    })),
    { total: grand, parts: inner.map((_, r) => rowTotal(r)) },
    { total: grand, parts: Array.from({ length: columns }, (_, c) => columnTotal(c)) },
  ];
  return { counts, sums };
}

/** Weeks that add up to campaigns that add up to a total, as the dashboard publishes them. */
function weeksInCampaigns(campaigns: readonly (readonly number[])[]): CountSystem {
  const weeks = campaigns.flat();
  const counts: number[] = [...weeks];
  const sums: { total: number; parts: number[] }[] = [];
  let first = 0;
  const campaignIndexes = campaigns.map((weeksOfCampaign) => {
    const index = counts.length;
    counts.push(weeksOfCampaign.reduce((a, b) => a + b, 0));
    sums.push({ total: index, parts: weeksOfCampaign.map((_, w) => first + w) });
    first += weeksOfCampaign.length;
    return index;
  });
  const total = counts.length;
  counts.push(weeks.reduce((a, b) => a + b, 0));
  sums.push({ total, parts: weeks.map((_, w) => w) });
  sums.push({ total, parts: campaignIndexes });
  return { counts, sums };
}

/**
 * Rank in floating point with partial pivoting: an independent way to the same question. A
 * suppressed count is determined by the published ones exactly when dropping its column from
 * the system in the unknowns lowers the rank (its column is not a combination of the others).
 */
function rank(matrix: number[][]): number {
  const rows = matrix.map((row) => [...row]);
  let found = 0;
  const width = rows[0]?.length ?? 0;
  for (let col = 0; col < width && found < rows.length; col++) {
    let best = found;
    for (let r = found; r < rows.length; r++) {
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[best]?.[col] ?? 0)) best = r;
    }
    if (Math.abs(rows[best]?.[col] ?? 0) < 1e-9) continue;
    [rows[found], rows[best]] = [rows[best] as number[], rows[found] as number[]];
    const pivot = rows[found] as number[];
    for (let r = found + 1; r < rows.length; r++) {
      const row = rows[r] as number[];
      const factor = (row[col] ?? 0) / (pivot[col] ?? 1);
      for (let k = col; k < width; k++) row[k] = (row[k] ?? 0) - factor * (pivot[k] ?? 0);
    }
    found += 1;
  }
  return found;
}

function recoverableByRank(system: CountSystem, suppressed: readonly boolean[]): number[] {
  const unknowns = system.counts.flatMap((_, i) => (suppressed[i] ? [i] : []));
  const matrixOf = (columns: number[]) =>
    system.sums.map((sum) =>
      columns.map(
        (index) =>
          sum.parts.filter((part) => part === index).length - (sum.total === index ? 1 : 0),
      ),
    );
  const full = rank(matrixOf(unknowns));
  return unknowns.filter(
    (index) => rank(matrixOf(unknowns.filter((other) => other !== index))) < full,
  );
}

function expectProtected(system: CountSystem, suppressed: readonly boolean[]): void {
  system.counts.forEach((count, index) => {
    if (count < smallestPublishedCount) expect(suppressed[index]).toBe(true);
  });
  for (const sum of system.sums) {
    const members = [sum.total, ...sum.parts];
    // A published total with one unknown part gives that part away by subtraction.
    expect(members.filter((member) => suppressed[member]).length).not.toBe(1);
    if (!suppressed[sum.total]) {
      // What the published total leaves for the hidden parts must not pin them: not the least
      // they can hold (0 for "<10", 10 for "≥10") and not the most (9 for each "<10").
      const hidden = sum.parts.filter((part) => suppressed[part]);
      if (hidden.length === 0) continue;
      const left = hidden.reduce((a, part) => a + (system.counts[part] ?? 0), 0);
      const small = hidden.filter((part) => (system.counts[part] ?? 0) < smallestPublishedCount);
      const least = (hidden.length - small.length) * smallestPublishedCount;
      expect(left).toBeGreaterThan(least);
      if (small.length === hidden.length) {
        expect(left).toBeLessThan(small.length * (smallestPublishedCount - 1));
      }
    }
  }
  expect(recoverableByRank(system, suppressed)).toEqual([]);
}

describe('disclosure control', () => {
  it('shows every count below 10 as suppressed and hides a partner so totals do not give it away', () => {
    const system = tableWithTotals([
      [12, 3, 20],
      [15, 25, 30],
    ]);
    const suppressed = suppressSmallCounts(system);
    expect(suppressed[1]).toBe(true);
    expect(suppressed.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    // The grand total and the totals of the large columns stay published.
    expect(suppressed[system.counts.length - 1]).toBe(false);
    expectProtected(system, suppressed);
  });

  it('hides a second week of the same campaign when one week is small', () => {
    const system = weeksInCampaigns([
      [14, 2, 30, 22],
      [40, 41],
    ]);
    const suppressed = suppressSmallCounts(system);
    expect(suppressed.slice(0, 6)).toEqual([true, true, false, false, false, false]);
    expectProtected(system, suppressed);
  });

  it('hides more when two small cells add up to 18, since both must then be 9', () => {
    const system = tableWithTotals([[9, 9, 30]]);
    const suppressed = suppressSmallCounts(system);
    expect(suppressed[2]).toBe(true);
    expectProtected(system, suppressed);
  });

  it('never leaves the small cells of a single row to be read off a total', () => {
    const system = tableWithTotals([[4, 5, 30]]);
    const suppressed = suppressSmallCounts(system);
    expectProtected(system, suppressed);
  });

  it('finds a suppressed count that the sums pin down even when no sum has it alone', () => {
    // a + b = 20 (row), a + c = 25 (column), b + c = 15 (another sum): a, b, c all follow.
    const system: CountSystem = {
      counts: [15, 5, 10, 20, 25, 15],
      sums: [
        { total: 3, parts: [0, 1] },
        { total: 4, parts: [0, 2] },
        { total: 5, parts: [1, 2] },
      ],
    };
    expect([...derivableCounts(system, [true, true, true, false, false, false])].sort()).toEqual([
      0, 1, 2,
    ]);
    expectProtected(system, suppressSmallCounts(system));
  });

  const smallSkewed = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 60 }));

  it('leaves no suppressed cell of a table with totals recoverable from what is published', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((rows) =>
          fc.integer({ min: 1, max: 5 }).chain((columns) =>
            fc.array(fc.array(smallSkewed, { minLength: columns, maxLength: columns }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        (inner) => {
          const system = tableWithTotals(inner);
          expectProtected(system, suppressSmallCounts(system));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves no suppressed week recoverable from campaign and overall totals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(smallSkewed, { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (campaigns) => {
          const system = weeksInCampaigns(campaigns);
          expectProtected(system, suppressSmallCounts(system));
        },
      ),
      { numRuns: 300 },
    );
  });
});
