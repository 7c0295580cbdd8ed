/** Counts below this are never published: they show as "<10". */
export const smallestPublishedCount = 10;

/**
 * Published counts and how they add up: `counts[i]` is one count (a cell or a total), and each
 * sum says that the count at `total` equals the counts at `parts` added together. Every table
 * published from the same data belongs in one system, so that a total shared by two tables
 * links them as it links them for a reader.
 */
export type CountSystem = {
  counts: readonly number[];
  sums: readonly { total: number; parts: readonly number[] }[];
};

/** One sum written as a linear equation: total − Σ parts = 0, over count indexes. */
function equationOf(sum: CountSystem['sums'][number]): Map<number, number> {
  const equation = new Map<number, number>([[sum.total, -1]]);
  for (const part of sum.parts) equation.set(part, (equation.get(part) ?? 0) + 1);
  return equation;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The suppressed counts a reader can work out exactly from the published ones. The sums, with
 * published counts moved to the right-hand side, are a linear system in the suppressed counts;
 * row-reduced (exactly, in integers), a suppressed count is determined when its pivot row has no
 * other unknown in it. A count with no pivot is free, and so is one tied to a free count.
 */
export function derivableCounts(system: CountSystem, suppressed: readonly boolean[]): Set<number> {
  const unknowns = system.counts.flatMap((_, index) => (suppressed[index] ? [index] : []));
  const column = new Map(unknowns.map((index, position) => [index, position]));
  const rows: bigint[][] = [];
  for (const sum of system.sums) {
    const row = unknowns.map(() => 0n);
    let any = false;
    for (const [index, coefficient] of equationOf(sum)) {
      const position = column.get(index);
      if (position === undefined || coefficient === 0) continue;
      row[position] = BigInt(coefficient);
      any = true;
    }
    if (any) rows.push(row);
  }
  const pivots: { row: number; column: number }[] = [];
  let next = 0;
  for (let col = 0; col < unknowns.length && next < rows.length; col++) {
    const found = rows.findIndex((row, index) => index >= next && row[col] !== 0n);
    if (found === -1) continue;
    [rows[next], rows[found]] = [rows[found] as bigint[], rows[next] as bigint[]];
    const pivotRow = rows[next] as bigint[];
    const pivot = pivotRow[col] as bigint;
    for (let other = 0; other < rows.length; other++) {
      const row = rows[other] as bigint[];
      const factor = row[col] as bigint;
      if (other === next || factor === 0n) continue;
      let divisor = 0n;
      for (let k = 0; k < row.length; k++) {
        row[k] = (row[k] as bigint) * pivot - factor * (pivotRow[k] as bigint);
        divisor = gcd(divisor, row[k] as bigint);
      }
      if (divisor > 1n) for (let k = 0; k < row.length; k++) row[k] = (row[k] as bigint) / divisor;
    }
    pivots.push({ row: next, column: col });
    next += 1;
  }
  const derivable = new Set<number>();
  for (const { row, column: col } of pivots) {
    const values = rows[row] as bigint[];
    if (values.every((value, k) => k === col || value === 0n)) {
      derivable.add(unknowns[col] as number);
    }
  }
  return derivable;
}

/**
 * Suppressed counts pinned by bounds. A reader knows a published count exactly; a suppressed one
 * shown as "<10" lies in 0..9, and one shown as "≥10" (suppressed only to protect another) from
 * 10 up. Each sum narrows its total to what its parts can add up to and each part to what the
 * total leaves, round after round until nothing narrows (two parts of "<10" adding up to 18 are
 * both 9; parts adding up to 0 are all 0). Whatever a chain of sums pins down this way, a reader
 * can pin down too.
 */
function pinnedByBounds(system: CountSystem, suppressed: readonly boolean[]): number[] {
  const size = system.counts.length;
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const count = system.counts[index] ?? 0;
    if (!suppressed[index]) {
      lo[index] = count;
      hi[index] = count;
    } else if (count < smallestPublishedCount) {
      lo[index] = 0;
      hi[index] = smallestPublishedCount - 1;
    } else {
      lo[index] = smallestPublishedCount;
      hi[index] = Number.POSITIVE_INFINITY;
    }
  }
  const narrow = (index: number, low: number, high: number): boolean => {
    let changed = false;
    if (low > (lo[index] as number)) {
      lo[index] = low;
      changed = true;
    }
    if (high < (hi[index] as number)) {
      hi[index] = high;
      changed = true;
    }
    return changed;
  };
  for (let round = 0; round < 100; round++) {
    let changed = false;
    for (const sum of system.sums) {
      let partsLow = 0;
      let finiteHigh = 0;
      let unbounded = 0;
      for (const part of sum.parts) {
        partsLow += lo[part] as number;
        const high = hi[part] as number;
        if (high === Number.POSITIVE_INFINITY) unbounded += 1;
        else finiteHigh += high;
      }
      const partsHigh = unbounded > 0 ? Number.POSITIVE_INFINITY : finiteHigh;
      changed = narrow(sum.total, partsLow, partsHigh) || changed;
      const totalLow = lo[sum.total] as number;
      const totalHigh = hi[sum.total] as number;
      for (const part of sum.parts) {
        const high = hi[part] as number;
        const own = high === Number.POSITIVE_INFINITY ? 1 : 0;
        const othersHigh =
          unbounded - own > 0 ? Number.POSITIVE_INFINITY : finiteHigh - (own ? 0 : high);
        changed =
          narrow(part, totalLow - othersHigh, totalHigh - (partsLow - (lo[part] as number))) ||
          changed;
      }
    }
    if (!changed) break;
  }
  const pinned: number[] = [];
  for (let index = 0; index < size; index++) {
    if (suppressed[index] && lo[index] === hi[index]) pinned.push(index);
  }
  return pinned;
}

/**
 * The published count to suppress next to protect `count`: in a sum that holds it, the smallest
 * published part that is not zero (a zero hides nothing), else the sum's total.
 */
function complementFor(
  system: CountSystem,
  suppressed: readonly boolean[],
  count: number,
): { index: number; score: number } | null {
  let best: number | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const sum of system.sums) {
    if (sum.total !== count && !sum.parts.includes(count)) continue;
    for (const candidate of [...sum.parts, sum.total]) {
      if (suppressed[candidate] || candidate === count) continue;
      const value = system.counts[candidate] ?? 0;
      // Parts before totals, then the smallest: the least information given up.
      const score =
        (candidate === sum.total ? 2e12 : 0) + (value === 0 ? 1e12 : 0) + value + candidate / 1e9;
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
  }
  return best === null ? null : { index: best, score: bestScore };
}

/** Counts linked by sums, each group apart: suppression in one cannot expose another. */
function linkedGroups(system: CountSystem): (CountSystem & { members: number[] })[] {
  const parent = system.counts.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    parent[index] = current;
    return current;
  };
  for (const sum of system.sums) {
    for (const part of sum.parts) parent[root(part)] = root(sum.total);
  }
  const groups = new Map<number, number[]>();
  system.counts.forEach((_, index) => {
    const key = root(index);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  return [...groups.values()].map((members) => {
    const position = new Map(members.map((index, at) => [index, at]));
    const at = (index: number) => position.get(index) ?? -1;
    return {
      counts: members.map((index) => system.counts[index] ?? 0),
      sums: system.sums
        .filter((sum) => position.has(sum.total))
        .map((sum) => ({ total: at(sum.total), parts: sum.parts.map(at) })),
      members,
    };
  });
}

function suppressGroup(system: CountSystem): boolean[] {
  const suppressed = system.counts.map((count) => count < smallestPublishedCount);
  for (;;) {
    const exposed = [...pinnedByBounds(system, suppressed), ...derivableCounts(system, suppressed)];
    if (exposed.length === 0) return suppressed;
    // The cheapest complement over every exposed count: a part somewhere beats a total here.
    let cheapest: { index: number; score: number } | null = null;
    for (const count of new Set(exposed)) {
      const candidate = complementFor(system, suppressed, count);
      if (candidate !== null && (cheapest === null || candidate.score < cheapest.score))
        cheapest = candidate;
    }
    const complement = cheapest?.index ?? smallestPublished(system, suppressed);
    if (complement === null) return suppressed;
    suppressed[complement] = true;
  }
}

function smallestPublished(system: CountSystem, suppressed: readonly boolean[]): number | null {
  let best: number | null = null;
  system.counts.forEach((value, index) => {
    if (!suppressed[index] && (best === null || value < (system.counts[best] ?? 0))) best = index;
  });
  return best;
}

/**
 * Which counts to suppress: every count below 10 (primary suppression), and as many others as
 * it takes (complementary suppression) until no suppressed count can be worked out from the
 * published ones: no unknown is pinned by the linear system of all the sums together (a sum
 * with a single unknown is the simplest case), nor by the bounds a reader knows (0..9 for "<10",
 * 10 and up for "≥10") carried through the sums. Each round adds one count, so it ends; at
 * worst every count is suppressed.
 */
export function suppressSmallCounts(system: CountSystem): boolean[] {
  const suppressed = system.counts.map(() => false);
  for (const group of linkedGroups(system)) {
    const inGroup = suppressGroup(group);
    group.members.forEach((index, position) => {
      suppressed[index] = inGroup[position] ?? true;
    });
  }
  return suppressed;
}
