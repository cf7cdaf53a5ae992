/**
 * Critical values for the number of runs on a run chart, by the number of
 * useful observations N (points not on the median), from 10 to 60.
 *
 * Each entry is `[lower, upper]`: fewer than `lower` runs is "too few runs",
 * more than `upper` runs is "too many runs".
 *
 * Where the values come from:
 * - N = 10–26: Perla RJ, Provost LP, Murray SK. "The run chart: a simple
 *   analytical tool for learning from variation in healthcare processes".
 *   BMJ Qual Saf 2011;20:46–51, Table 1 ("Tests for number of runs above and
 *   below the median"; after Swed FS & Eisenhart C, Ann Math Stat
 *   1943;14:66–87), checked against two reproductions of it.
 * - N = 27–60: the exact Swed–Eisenhart critical values the table is based
 *   on, computed from the distribution of the number of runs with
 *   ⌊N/2⌋ points on one side of the median and ⌈N/2⌉ on the other, at 2.5%
 *   in each tail (a two-sided 5% test): `lower` is the smallest count with
 *   P(runs < lower) ≤ 2.5%, `upper` the largest with P(runs > upper) ≤ 2.5%.
 *   A transcription of these rows could not be verified against a second
 *   source, and in 29 of the 34 rows it was inconsistent with that
 *   distribution (see docs/core/maturity.md).
 *
 * `runs-table.test.ts` recomputes the distribution exactly and checks every
 * row: rows 27–60 equal the computed values; every published row 10–26 is
 * the computed value or one step more conservative (it never signals more
 * often than the exact test), and symmetric where the distribution is.
 * So no row signals on random data more than 2.5% of the time in either
 * direction.
 */
export const RUNS_CRITICAL_VALUES: Readonly<Record<number, readonly [lower: number, upper: number]>> = Object.freeze({
  // Published (Perla et al. 2011, Table 1).
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
  // Computed (exact Swed–Eisenhart, 2.5% in each tail).
  27: [10, 19],
  28: [10, 20],
  29: [10, 21],
  30: [11, 21],
  31: [11, 22],
  32: [12, 22],
  33: [12, 23],
  34: [12, 24],
  35: [13, 24],
  36: [13, 25],
  37: [14, 25],
  38: [14, 26],
  39: [14, 26],
  40: [15, 27],
  41: [15, 28],
  42: [16, 28],
  43: [16, 29],
  44: [17, 29],
  45: [17, 30],
  46: [17, 31],
  47: [18, 31],
  48: [18, 32],
  49: [19, 32],
  50: [19, 33],
  51: [20, 33],
  52: [20, 34],
  53: [20, 35],
  54: [21, 35],
  55: [21, 36],
  56: [22, 36],
  57: [22, 37],
  58: [23, 37],
  59: [23, 38],
  60: [24, 38],
} satisfies Record<number, readonly [number, number]>);

/** Smallest and largest number of useful observations the runs table covers. */
export const RUNS_TABLE_RANGE = Object.freeze({ min: 10, max: 60 });
