import { RUNS_CRITICAL_VALUES } from './runs-table.js';

/** Which way a measure should move for the change to be an improvement. */
export type ImprovementDirection = 'increase' | 'decrease';

/** The kinds of non-random pattern the run-chart rules detect. */
export type RunChartSignalType = 'shift' | 'trend' | 'astronomical';

/**
 * One non-random pattern found on a run chart. `start` and `end` are indices
 * into the series passed to {@link analyseRunChart} (inclusive).
 */
export interface RunChartSignal {
  readonly type: RunChartSignalType;
  /** Index of the first point of the pattern. */
  readonly start: number;
  /** Index of the last point of the pattern (inclusive). */
  readonly end: number;
  /**
   * Points that count toward the rule: for a shift, points off the median;
   * for a trend, points after dropping repeated values; 1 for an astronomical point.
   */
  readonly length: number;
  /** `up`: above the median / rising / unusually high; `down`: the opposite. */
  readonly direction: 'up' | 'down';
  /** Whether the pattern is in the measure's direction of improvement. */
  readonly improvement: boolean;
}

/** Options for {@link analyseRunChart}. */
export interface RunChartOptions {
  /** The measure's direction of improvement. */
  readonly direction: ImprovementDirection;
  /**
   * A frozen centre line to use instead of the median of the points, e.g. the
   * median of a baseline period extended across later points (Perla et al.
   * describe this practice). Default: the median of all the points.
   */
  readonly median?: number;
  /** Whether to look for astronomical points (default `true`); see {@link analyseRunChart}. */
  readonly astronomical?: boolean;
}

/** What {@link analyseRunChart} found. */
export interface RunChartAnalysis {
  /** The centre line: median of the finite points (or the frozen one given); `null` with no points. */
  readonly median: number | null;
  /** Number of finite points analysed. */
  readonly points: number;
  /** Points not on the median: the `n` of the runs table. */
  readonly usefulObservations: number;
  /** Runs above and below the median: crossings of the median + 1 (points on the median ignored); 0 with no useful observations. */
  readonly runs: number;
  /** Critical values used for the runs test, when the number of useful observations is in the table (10–60). */
  readonly runsLimits?: { readonly lower: number; readonly upper: number };
  /** Fewer runs than the table's lower limit. Absent when the runs test was not evaluated. */
  readonly tooFewRuns?: boolean;
  /** More runs than the table's upper limit. Absent when the runs test was not evaluated. */
  readonly tooManyRuns?: boolean;
  /** Astronomical-point limits used, when that rule was evaluated. */
  readonly astronomicalLimits?: { readonly lower: number; readonly upper: number };
  /** Shifts, trends and astronomical points, in order of their start index. */
  readonly signals: readonly RunChartSignal[];
  /** Whether there is a shift or trend in the direction of improvement. */
  readonly improvement: boolean;
}

/** Points that make a shift: 6 or more consecutive useful observations on one side of the median. */
export const SHIFT_LENGTH = 6;
/** Points that make a trend: 5 or more consecutive points all rising or all falling. */
export const TREND_LENGTH = 5;
/** Minimum points before the astronomical-point rule is evaluated. */
export const ASTRONOMICAL_MIN_POINTS = 10;
/** Robust standard deviations from the median beyond which a point is astronomical. */
export const ASTRONOMICAL_SIGMAS = 3;
/** Scales the median absolute deviation to a standard deviation for normal data. */
const MAD_SCALE = 1.4826;

type PointLike = number | { readonly value: number };

/**
 * Applies the run-chart rules of Perla, Provost & Murray (BMJ Qual Saf
 * 2011;20:46–51) to a series in time order. Pure; never throws; non-finite
 * values are ignored (their indices are simply never part of a signal).
 *
 * - **Median**: the centre line (or `options.median`). A point within 1e-9
 *   (relative) of it is *on* the median.
 * - **Shift**: 6 or more consecutive points all above or all below the
 *   median. Points on the median are skipped: they neither count toward nor
 *   break a shift. One signal per maximal run.
 * - **Trend**: 5 or more consecutive points all going up or all going down.
 *   Following the IHI guidance ("if two or more consecutive points are the
 *   same, only count the first one"), a repeated value neither counts toward
 *   nor breaks a trend; the trend's `start`/`end` are the first and last
 *   counted points.
 * - **Runs**: crossings of the median + 1, ignoring points on it, checked
 *   against {@link RUNS_CRITICAL_VALUES} for 10–60 useful observations;
 *   outside that range the runs test is not evaluated (`tooFewRuns` and
 *   `tooManyRuns` are absent).
 * - **Astronomical point**: the paper leaves this to judgement ("a grossly
 *   different value"); we use a documented, reproducible rule: with at least
 *   10 points, a point further than 3 × 1.4826 × MAD from the median (MAD =
 *   median absolute deviation, so 3 robust standard deviations). Not
 *   evaluated with fewer points or when MAD is 0.
 *
 * Every signal says whether it is in the direction of improvement.
 *
 * @example
 * const a = analyseRunChart([3, 4, 3, 5, 4, 3, 8, 9, 8, 9, 10, 9], { direction: 'increase' });
 * // median 6.5; 2 runs (too few for 12 useful observations: the table's lower limit is 3)
 * a.signals;
 * // [{ type: 'shift', start: 0, end: 5, length: 6, direction: 'down', improvement: false },
 * //  { type: 'shift', start: 6, end: 11, length: 6, direction: 'up', improvement: true }]
 */
export function analyseRunChart(points: readonly PointLike[], options: RunChartOptions): RunChartAnalysis {
  const index: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const v = typeof p === 'number' ? p : p.value;
    if (typeof v === 'number' && Number.isFinite(v)) {
      index.push(i);
      values.push(v);
    }
  }
  const n = values.length;
  const direction = options.direction;
  if (n === 0) return { median: null, points: 0, usefulObservations: 0, runs: 0, signals: [], improvement: false };

  const frozen = options.median;
  const median = frozen !== undefined && Number.isFinite(frozen) ? frozen : medianOf(values);
  const eps = 1e-9 * Math.max(1, Math.abs(median));
  const increase = direction === 'increase';
  const signals: RunChartSignal[] = [];

  // Shifts and runs, over useful observations only. (Plain loops, no closures: this runs for every measure of every plan scored.)
  let useful = 0;
  let runs = 0;
  let side = 0;
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  for (let k = 0; k <= n; k++) {
    let s = 0;
    if (k < n) {
      const d = values[k]! - median;
      if (Math.abs(d) <= eps) continue;
      s = d > 0 ? 1 : -1;
      useful++;
    }
    if (s !== side) {
      if (side !== 0 && runLength >= SHIFT_LENGTH)
        signals.push(signal('shift', index[runStart]!, index[runEnd]!, runLength, side > 0, increase));
      if (s === 0) break;
      runs++;
      side = s;
      runStart = k;
      runLength = 0;
    }
    runEnd = k;
    runLength++;
  }

  // Trends over the raw sequence, repeated values skipped.
  let trendDir = 0;
  let trendStart = 0;
  let trendEnd = 0;
  let trendLength = 1;
  let lastCounted = 0;
  for (let k = 1; k <= n; k++) {
    let s = 0;
    if (k < n) {
      const step = values[k]! - values[lastCounted]!;
      if (step === 0) continue; // a repeat: only the first of equal neighbours counts
      s = step > 0 ? 1 : -1;
      if (s === trendDir) {
        trendLength++;
        trendEnd = k;
        lastCounted = k;
        continue;
      }
    }
    if (trendDir !== 0 && trendLength >= TREND_LENGTH)
      signals.push(signal('trend', index[trendStart]!, index[trendEnd]!, trendLength, trendDir > 0, increase));
    trendDir = s;
    trendStart = lastCounted;
    trendLength = 2;
    trendEnd = k;
    lastCounted = k;
  }

  // Astronomical points (our documented rule).
  let astronomicalLimits: { lower: number; upper: number } | undefined;
  if (options.astronomical !== false && n >= ASTRONOMICAL_MIN_POINTS) {
    const centre = medianOf(values);
    const mad = medianOf(values.map((v) => Math.abs(v - centre)));
    if (mad > 0) {
      const width = ASTRONOMICAL_SIGMAS * MAD_SCALE * mad;
      astronomicalLimits = { lower: centre - width, upper: centre + width };
      for (let k = 0; k < n; k++) {
        const v = values[k]!;
        if (v > astronomicalLimits.upper || v < astronomicalLimits.lower) {
          signals.push(signal('astronomical', index[k]!, index[k]!, 1, v > centre, increase));
        }
      }
    }
  }

  signals.sort((a, b) => a.start - b.start || a.end - b.end);
  const limits = RUNS_CRITICAL_VALUES[useful];
  let improvement = false;
  for (const s of signals) if (s.improvement && s.type !== 'astronomical') improvement = true;
  return {
    median,
    points: n,
    usefulObservations: useful,
    runs,
    ...(limits
      ? {
          runsLimits: { lower: limits[0], upper: limits[1] },
          tooFewRuns: runs < limits[0],
          tooManyRuns: runs > limits[1],
        }
      : {}),
    ...(astronomicalLimits ? { astronomicalLimits } : {}),
    signals,
    improvement,
  };
}

function signal(
  type: RunChartSignalType,
  start: number,
  end: number,
  length: number,
  up: boolean,
  increase: boolean,
): RunChartSignal {
  return { type, start, end, length, direction: up ? 'up' : 'down', improvement: up === increase };
}

/** The median of a list of numbers (mean of the middle two for an even count); `NaN` for an empty list. */
export function medianOf(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
