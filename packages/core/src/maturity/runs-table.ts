/**
 * Critical values for the number of runs on a run chart, by the number of
 * useful observations (points not on the median), from 10 to 60.
 *
 * Source: Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical
 * tool for learning from variation in healthcare processes". BMJ Qual Saf
 * 2011;20:46–51, Table 1 ("Tests for number of runs above and below the
 * median"), itself based on Swed FS & Eisenhart C (1943), Ann Math Stat 14:66–87,
 * at about a 5% risk of a false signal. The same table is distributed with the
 * IHI run chart tool (IHI Open School QI 104).
 *
 * Each entry is `[lower, upper]`: fewer than `lower` runs is "too few runs",
 * more than `upper` runs is "too many runs".
 *
 * Provenance note: rows 10–26 were cross-checked against an independent
 * reproduction of the published table; rows 27–60 are transcribed from the
 * published table and have not had a second check. The published table is
 * not a smooth function of n (e.g. 33 → 11–22, 41 → 16–26), so it is kept
 * as data rather than recomputed. Verify against the paper before using the
 * runs test in a formal evaluation.
 */
export const RUNS_CRITICAL_VALUES: Readonly<Record<number, readonly [lower: number, upper: number]>> = Object.freeze({
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
  27: [10, 19],
  28: [10, 20],
  29: [10, 20],
  30: [11, 21],
  31: [11, 22],
  32: [11, 22],
  33: [11, 22],
  34: [12, 23],
  35: [13, 23],
  36: [13, 24],
  37: [13, 25],
  38: [14, 25],
  39: [14, 26],
  40: [15, 26],
  41: [16, 26],
  42: [16, 27],
  43: [17, 27],
  44: [17, 28],
  45: [17, 29],
  46: [17, 30],
  47: [18, 30],
  48: [18, 31],
  49: [19, 31],
  50: [19, 32],
  51: [20, 32],
  52: [21, 32],
  53: [21, 33],
  54: [22, 33],
  55: [22, 34],
  56: [23, 34],
  57: [23, 35],
  58: [24, 35],
  59: [24, 36],
  60: [25, 36],
} satisfies Record<number, readonly [number, number]>);

/** Smallest and largest number of useful observations the runs table covers. */
export const RUNS_TABLE_RANGE = Object.freeze({ min: 10, max: 60 });
