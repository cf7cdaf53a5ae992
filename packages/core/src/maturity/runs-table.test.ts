// Cross-checks the runs table (runs-table.ts) against an independent, exact
// computation of the Swed–Eisenhart distribution of the number of runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseRunChart } from './run-chart.js';
import { RUNS_CRITICAL_VALUES, RUNS_TABLE_RANGE } from './runs-table.js';

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n || n < 0) return 0n;
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/**
 * The exact distribution of the number of runs R in a random arrangement of
 * n1 points on one side of the median and n2 on the other (Swed & Eisenhart
 * 1943): `counts[r]` arrangements of `total` give r runs.
 */
function runsDistribution(n1: number, n2: number): { counts: bigint[]; total: bigint } {
  const counts: bigint[] = [];
  for (let r = 0; r <= n1 + n2; r++) {
    if (r < 2) counts.push(0n);
    else if (r % 2 === 0) counts.push(2n * choose(n1 - 1, r / 2 - 1) * choose(n2 - 1, r / 2 - 1));
    else {
      const k = (r - 1) / 2;
      counts.push(choose(n1 - 1, k) * choose(n2 - 1, k - 1) + choose(n1 - 1, k - 1) * choose(n2 - 1, k));
    }
  }
  return { counts, total: choose(n1 + n2, n1) };
}

/** P(R ≤ r), as a float, for checking against published probabilities. */
function cumulative(n1: number, n2: number, r: number): number {
  const { counts, total } = runsDistribution(n1, n2);
  const below = counts.slice(0, r + 1).reduce((a, b) => a + b, 0n);
  return Number((below * 1_000_000n) / total) / 1_000_000;
}

/** N useful observations split as evenly as the median allows. */
const split = (n: number): [number, number] => [Math.floor(n / 2), Math.ceil(n / 2)];

/** Arrangements with fewer than `lower` runs, and with more than `upper`. */
function tails(n: number, lower: number, upper: number): { few: bigint; many: bigint; total: bigint } {
  const { counts, total } = runsDistribution(...split(n));
  let few = 0n;
  let many = 0n;
  counts.forEach((count, r) => {
    if (r < lower) few += count;
    if (r > upper) many += count;
  });
  return { few, many, total };
}

/** Exact critical values with at most `1/tailDenominator` in each tail: the smallest safe lower and largest safe upper limit. */
function exactLimits(n: number, tailDenominator = 40n): [lower: number, upper: number] {
  const { counts, total } = runsDistribution(...split(n));
  let lower = 2;
  let sum = 0n;
  for (let r = 2; r <= n; r++) {
    sum += counts[r]!;
    if (sum * tailDenominator > total) break;
    lower = r + 1;
  }
  let upper = n;
  sum = 0n;
  for (let r = n; r >= 2; r--) {
    sum += counts[r]!;
    if (sum * tailDenominator > total) break;
    upper = r - 1;
  }
  return [lower, upper];
}

/** Perla, Provost & Murray 2011, Table 1, rows 10–26 (checked against two reproductions). */
const PUBLISHED: Record<number, [number, number]> = {
  10: [3, 9],
  11: [3, 10],
  12: [3, 11],
  13: [4, 11],
  14: [4, 12],
  15: [5, 12],
  16: [5, 13],
  17: [5, 13],
  18: [6, 14],
  19: [6, 15],
  20: [6, 16],
  21: [7, 16],
  22: [7, 17],
  23: [7, 17],
  24: [8, 18],
  25: [8, 18],
  26: [9, 19],
};

test('the exact runs distribution reproduces published Swed–Eisenhart probabilities', () => {
  // Every arrangement is counted once; the mean is 1 + 2·n1·n2/N.
  for (const [n1, n2] of [
    [2, 10],
    [5, 5],
    [10, 10],
    [13, 14],
    [30, 30],
  ] as const) {
    const { counts, total } = runsDistribution(n1, n2);
    assert.equal(
      counts.reduce((a, b) => a + b, 0n),
      total,
    );
    const mean = counts.reduce((a, count, r) => a + Number(count) * r, 0) / Number(total);
    assert.ok(Math.abs(mean - (1 + (2 * n1 * n2) / (n1 + n2))) < 1e-9);
  }
  // Swed & Eisenhart 1943, Table I, n1 = 2, n2 = 10: P(R ≤ 2..5).
  assert.deepEqual(
    [2, 3, 4, 5].map((r) => cumulative(2, 10, r)),
    [0.030303, 0.181818, 0.454545, 1],
  );
  // n1 = n2 = 10, as runs-test tables give it: P(R ≤ 6) = 0.019, P(R ≤ 7) = 0.051, P(R ≤ 14) = 0.949, P(R ≤ 15) = 0.981.
  assert.deepEqual(
    [6, 7, 14, 15].map((r) => Math.round(cumulative(10, 10, r) * 1000) / 1000),
    [0.019, 0.051, 0.949, 0.981],
  );
  // So the two-sided 5% critical values for 10 and 10 are 7 and 15 runs.
  assert.deepEqual(exactLimits(20), [7, 15]);
});

test('the table covers 10 to 60 useful observations', () => {
  assert.deepEqual(RUNS_TABLE_RANGE, { min: 10, max: 60 });
  assert.deepEqual(
    Object.keys(RUNS_CRITICAL_VALUES).map(Number),
    Array.from({ length: 51 }, (_, i) => i + 10),
  );
});

test('rows 10–26 are the published values: each the exact critical value or one step more conservative, symmetric for even N', () => {
  for (let n = 10; n <= 26; n++) {
    const row = RUNS_CRITICAL_VALUES[n]!;
    assert.deepEqual(row, PUBLISHED[n], `row ${n}`);
    const [lower, upper] = exactLimits(n);
    assert.ok(row[0] === lower || row[0] === lower - 1, `row ${n} lower ${row[0]}, exact ${lower}`);
    assert.ok(row[1] === upper || row[1] === upper + 1, `row ${n} upper ${row[1]}, exact ${upper}`);
    // With n/2 points on each side the distribution is symmetric about n/2 + 1.
    if (n % 2 === 0) assert.equal(row[0] + row[1], n + 2, `row ${n} is symmetric`);
  }
});

test('rows 27–60 are the exact Swed–Eisenhart critical values at 2.5% in each tail', () => {
  for (let n = 27; n <= 60; n++) {
    assert.deepEqual(RUNS_CRITICAL_VALUES[n], exactLimits(n), `row ${n}`);
  }
});

test('no row signals too few or too many runs on random data more than 2.5% of the time', () => {
  for (let n = RUNS_TABLE_RANGE.min; n <= RUNS_TABLE_RANGE.max; n++) {
    const [lower, upper] = RUNS_CRITICAL_VALUES[n]!;
    const { few, many, total } = tails(n, lower, upper);
    assert.ok(few * 40n <= total, `row ${n}: P(runs < ${lower}) = ${Number(few) / Number(total)}`);
    assert.ok(many * 40n <= total, `row ${n}: P(runs > ${upper}) = ${Number(many) / Number(total)}`);
    // And each limit is as tight as that allows: one step further would exceed 2.5% (or be the conservative published step).
    const loose = tails(n, lower + 1, upper - 1);
    const published = PUBLISHED[n] !== undefined;
    assert.ok(published || loose.few * 40n > total, `row ${n}: lower limit could be ${lower + 1}`);
    assert.ok(published || loose.many * 40n > total, `row ${n}: upper limit could be ${upper - 1}`);
  }
});

/** A series of n1 low and n2 high values (1 and 2: none on the median) arranged in exactly `runs` runs, starting high. */
function seriesWithRuns(n1: number, n2: number, runs: number): number[] {
  const highRuns = Math.ceil(runs / 2);
  const lowRuns = Math.floor(runs / 2);
  const lengths = (count: number, parts: number) =>
    Array.from({ length: parts }, (_, i) => Math.floor(count / parts) + (i < count % parts ? 1 : 0));
  const high = lengths(n2, highRuns);
  const low = lengths(n1, lowRuns);
  const values: number[] = [];
  for (let i = 0; i < highRuns; i++) {
    for (let k = 0; k < high[i]!; k++) values.push(2);
    if (i < lowRuns) for (let k = 0; k < low[i]!; k++) values.push(1);
  }
  return values;
}

test('analyseRunChart flags runs by the table: 60 observations signal below 24 runs and above 38', () => {
  const analyse = (runs: number) => {
    const values = seriesWithRuns(30, 30, runs);
    const analysis = analyseRunChart(
      values.map((value) => ({ value })),
      { direction: 'increase' },
    );
    assert.equal(analysis.usefulObservations, 60);
    assert.equal(analysis.runs, runs);
    return analysis;
  };
  assert.deepEqual(analyse(24).runsLimits, { lower: 24, upper: 38 });
  assert.equal(analyse(23).tooFewRuns, true);
  // 24 runs happen by chance about 1 time in 22 (P(R ≤ 24) = 4.5%): not a signal.
  assert.equal(analyse(24).tooFewRuns, false);
  // 37 or more runs happen by chance 7.5% of the time: not a signal; 39 or more, under 2.5%: a signal.
  assert.equal(analyse(37).tooManyRuns, false);
  assert.equal(analyse(38).tooManyRuns, false);
  assert.equal(analyse(39).tooManyRuns, true);
});
