import { medianOf } from '../shared/stats.js';
import { RUNS_CRITICAL_VALUES } from './runs-table.js';

/** Which way a measure should move for the change to be an improvement. */
export type ImprovementDirection = 'increase' | 'decrease';

/** The kinds of non-random pattern the run-chart rules detect. */
export type RunChartSignalType = 'shift' | 'trend' | 'astronomical';

/**
 * Where a point or signal lies in time: in the **baseline** period (the
 * points before the first change was tested) or **after** it. Only signals
 * after the baseline can be evidence of improvement.
 */
export type RunChartPhase = 'baseline' | 'after';

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
   * Points that count toward the rule: for a shift, points off the centre line;
   * for a trend, points after dropping repeated values; 1 for an astronomical point.
   */
  readonly length: number;
  /** `up`: above the centre line / rising / unusually high; `down`: the opposite. */
  readonly direction: 'up' | 'down';
  /**
   * Whether the pattern points in the measure's direction of improvement
   * (its side of the centre line, or its slope). This alone is not evidence
   * of improvement: see {@link RunChartSignal.phase} and
   * {@link RunChartAnalysis.improvement}.
   */
  readonly improvement: boolean;
  /**
   * `after`: the pattern lies after the baseline (a trend may start at the
   * last baseline point, the level it moved from); `baseline`: within the
   * baseline period, so never evidence of improvement.
   */
  readonly phase: RunChartPhase;
}

/** Where the centre line comes from (see {@link analyseRunChart}). */
export type CentreLineSource = 'frozen' | 'baseline-median' | 'recorded-baseline' | 'first-point';

/** The baseline period and centre line {@link analyseRunChart} used. */
export interface RunChartBaseline {
  /** Where the centre line comes from. */
  readonly source: CentreLineSource;
  /** Finite points in the baseline period. */
  readonly points: number;
  /** Index (into the input) of the first point after the baseline; absent when every point is in the baseline. */
  readonly afterStart?: number;
}

/** Options for {@link analyseRunChart}. */
export interface RunChartOptions {
  /** The measure's direction of improvement. */
  readonly direction: ImprovementDirection;
  /**
   * How many entries at the start of the series form the **baseline period**:
   * the points before the first change was tested (see
   * {@link baselinePointCount}). Default: all of them, i.e. no change tested
   * yet, so nothing on the chart counts as improvement.
   */
  readonly baselinePoints?: number;
  /**
   * The measure's recorded baseline value: the centre line when the baseline
   * period has fewer than {@link MIN_BASELINE_POINTS} points.
   */
  readonly recordedBaseline?: number;
  /**
   * A frozen centre line to use instead of the baseline median (Perla et al.
   * describe freezing a baseline median and extending it across later points).
   */
  readonly median?: number;
  /** Whether to look for astronomical points (default `true`); see {@link analyseRunChart}. */
  readonly astronomical?: boolean;
}

/** What {@link analyseRunChart} found. */
export interface RunChartAnalysis {
  /** The centre line (the baseline median, or its fallback; see `baseline.source`); `null` with no points. */
  readonly median: number | null;
  /** The baseline period and where the centre line comes from; absent with no points. */
  readonly baseline?: RunChartBaseline;
  /** Number of finite points analysed. */
  readonly points: number;
  /** Points not on the centre line: the `n` of the runs table. */
  readonly usefulObservations: number;
  /** Runs above and below the centre line: crossings + 1 (points on it ignored); 0 with no useful observations. */
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
  /**
   * Whether the run chart shows improvement: a shift or trend **after the
   * baseline** in the direction of improvement that no later shift or trend
   * against it has cancelled.
   */
  readonly improvement: boolean;
  /** The signal of improvement credited (the latest to start of those that count), when {@link RunChartAnalysis.improvement}. */
  readonly credited?: RunChartSignal;
  /**
   * When the measure has moved against its aim after the baseline and no
   * later signal of improvement followed: the earliest shift or trend against
   * the direction of improvement that cancels the last signal of improvement
   * (or the earliest of all, when there was none). Its `start` is the point
   * since which the measure has moved against its aim.
   */
  readonly deterioration?: RunChartSignal;
}

/** Points that make a shift: 6 or more consecutive useful observations on one side of the centre line. */
export const SHIFT_LENGTH = 6;
/** Points that make a trend: 5 or more consecutive points all rising or all falling. */
export const TREND_LENGTH = 5;
/**
 * Baseline points needed for their median to be the centre line. With fewer,
 * the measure's recorded baseline value is used when there is one. 10 is the
 * smallest number of observations Perla et al.'s runs table covers, and the
 * lower end of the 10–12 baseline points Provost & Murray suggest before
 * freezing a baseline median.
 */
export const MIN_BASELINE_POINTS = 10;
/** Minimum points before the astronomical-point rule is evaluated. */
export const ASTRONOMICAL_MIN_POINTS = 10;
/** Robust standard deviations from the median beyond which a point is astronomical. */
export const ASTRONOMICAL_SIGMAS = 3;
/** Scales the median absolute deviation to a standard deviation for normal data. */
const MAD_SCALE = 1.4826;

type PointLike = number | { readonly value: number };

/**
 * Applies the run-chart rules of Perla, Provost & Murray (BMJ Qual Saf
 * 2011;20:46–51) to a series in time order, the way improvement work reads
 * them: against a **baseline** centre line, and in time order. Pure; never
 * throws; non-finite values are ignored (their indices are simply never part
 * of a signal).
 *
 * - **Baseline and centre line**: the first `baselinePoints` entries are the
 *   baseline period (default: all of them). The centre line is the median of
 *   the baseline points when there are at least {@link MIN_BASELINE_POINTS};
 *   with fewer, the `recordedBaseline` when given, else the median of the
 *   baseline points there are; with no baseline point and no recorded value,
 *   the first point (which then forms the baseline). `median` overrides all
 *   of this with a frozen value. The line extends across the later points. A
 *   point within 1e-9 (relative) of it is *on* the line.
 * - **Shift**: 6 or more consecutive points all above or all below the
 *   centre line, within the baseline or within the later points (a shift does
 *   not straddle the start of testing). Points on the line are skipped: they
 *   neither count toward nor break a shift. One signal per maximal run.
 * - **Trend**: 5 or more consecutive points all going up or all going down,
 *   within the baseline, or after it starting at the last baseline point.
 *   Following the IHI guidance ("if two or more consecutive points are the
 *   same, only count the first one"), a repeated value neither counts toward
 *   nor breaks a trend; the trend's `start`/`end` are the first and last
 *   counted points.
 * - **Improvement**: a shift or trend after the baseline in the direction of
 *   improvement, unless a shift or trend against it after the baseline
 *   starts later or lasts as long (to its last point, or for a trend to the
 *   last of any repeated values after it): a later signal against the
 *   direction of improvement cancels the credit, as the gain has not held
 *   (see `deterioration`). A new signal of improvement after that earns it
 *   back.
 * - **Runs**: crossings of the centre line + 1, ignoring points on it,
 *   checked against {@link RUNS_CRITICAL_VALUES} for 10–60 useful
 *   observations; outside that range the runs test is not evaluated
 *   (`tooFewRuns` and `tooManyRuns` are absent).
 * - **Astronomical point**: the paper leaves this to judgement ("a grossly
 *   different value"); we use a documented, reproducible rule: with at least
 *   10 points, a point further than 3 × 1.4826 × MAD from the median of all
 *   the points (MAD = median absolute deviation, so 3 robust standard
 *   deviations). Not evaluated with fewer points or when MAD is 0. Never
 *   evidence of improvement.
 *
 * @example
 * // 12 monthly points; the first change was tested at the 7th (index 6); recorded baseline 4.
 * const a = analyseRunChart([3, 4, 3, 5, 4, 3, 8, 9, 8, 9, 10, 9], {
 *   direction: 'increase', baselinePoints: 6, recordedBaseline: 4,
 * });
 * a.median;   // 4 (6 baseline points are too few for their own median: the recorded baseline)
 * a.signals;  // [{ type: 'shift', start: 6, end: 11, length: 6, direction: 'up', improvement: true, phase: 'after' }, …]
 * a.improvement; // true
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

  // The baseline period: the first `bf` finite points.
  const limit = options.baselinePoints;
  let bf = 0;
  if (limit === undefined || !Number.isFinite(limit)) bf = n;
  else while (bf < n && index[bf]! < limit) bf++;
  const frozen = options.median;
  const recorded = options.recordedBaseline;
  let median: number;
  let source: CentreLineSource;
  if (frozen !== undefined && Number.isFinite(frozen)) {
    median = frozen;
    source = 'frozen';
  } else if (bf >= MIN_BASELINE_POINTS) {
    median = medianOf(bf === n ? values : values.slice(0, bf));
    source = 'baseline-median';
  } else if (recorded !== undefined && Number.isFinite(recorded)) {
    median = recorded;
    source = 'recorded-baseline';
  } else if (bf > 0) {
    median = medianOf(bf === n ? values : values.slice(0, bf));
    source = 'baseline-median';
  } else {
    bf = 1;
    median = values[0]!;
    source = 'first-point';
  }
  const eps = 1e-9 * Math.max(1, Math.abs(median));
  const increase = direction === 'increase';
  const signals: RunChartSignal[] = [];

  // Runs, over useful observations of the whole series. (Plain loops, no closures: this runs for every measure of every plan scored.)
  let useful = 0;
  let runs = 0;
  let side = 0;
  for (let k = 0; k < n; k++) {
    const d = values[k]! - median;
    if (Math.abs(d) <= eps) continue;
    const s = d > 0 ? 1 : -1;
    useful++;
    if (s !== side) {
      runs++;
      side = s;
    }
  }

  // Shifts within the baseline and within the later points; trends likewise, the later ones anchored at the last baseline point.
  findShifts(values, index, 0, bf, median, eps, increase, 'baseline', signals);
  findTrends(values, index, 0, bf, increase, 'baseline', signals);
  if (bf < n) {
    findShifts(values, index, bf, n, median, eps, increase, 'after', signals);
    // With no baseline points (a recorded baseline only) there is no point to anchor at: start at the first.
    findTrends(values, index, Math.max(0, bf - 1), n, increase, 'after', signals);
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
          signals.push(
            signal('astronomical', index[k]!, index[k]!, 1, v > centre, increase, k < bf ? 'baseline' : 'after'),
          );
        }
      }
    }
  }

  signals.sort((a, b) => a.start - b.start || a.end - b.end);

  // Improvement after the baseline, cancelled by a later shift or trend against it.
  const good: RunChartSignal[] = [];
  const bad: RunChartSignal[] = [];
  for (const s of signals) {
    if (s.phase !== 'after' || s.type === 'astronomical') continue;
    (s.improvement ? good : bad).push(s);
  }
  const reach = (s: RunChartSignal) => reachOf(s, index, values);
  const cancels = (b: RunChartSignal, g: RunChartSignal) => b.start > g.start || reach(b) >= reach(g);
  let credited: RunChartSignal | undefined;
  for (const g of good) if (!bad.some((b) => cancels(b, g))) credited = g; // the latest to start
  let deterioration: RunChartSignal | undefined;
  if (credited === undefined && bad.length > 0) {
    const last = good[good.length - 1];
    deterioration = last === undefined ? bad[0] : bad.find((b) => cancels(b, last));
  }
  const improvement = credited !== undefined;

  const limits = RUNS_CRITICAL_VALUES[useful];
  return {
    median,
    baseline: { source, points: bf, ...(bf < n ? { afterStart: index[bf]! } : {}) },
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
    ...(improvement ? { credited: credited! } : {}),
    ...(deterioration ? { deterioration } : {}),
  };
}

/**
 * The last index a signal holds to: its end, or for a trend the last of any
 * repeated values after it (a repeat neither counts toward nor breaks a trend,
 * so a fall that levels off is still the latest movement).
 */
function reachOf(s: RunChartSignal, index: readonly number[], values: readonly number[]): number {
  if (s.type !== 'trend') return s.end;
  let k = index.indexOf(s.end);
  while (k + 1 < values.length && values[k + 1] === values[k]) k++;
  return index[k]!;
}

/** Shifts among the finite points `from` to `to` (exclusive). */
function findShifts(
  values: readonly number[],
  index: readonly number[],
  from: number,
  to: number,
  median: number,
  eps: number,
  increase: boolean,
  phase: RunChartPhase,
  out: RunChartSignal[],
): void {
  let side = 0;
  let runStart = -1;
  let runEnd = -1;
  let runLength = 0;
  for (let k = from; k <= to; k++) {
    let s = 0;
    if (k < to) {
      const d = values[k]! - median;
      if (Math.abs(d) <= eps) continue;
      s = d > 0 ? 1 : -1;
    }
    if (s !== side) {
      if (side !== 0 && runLength >= SHIFT_LENGTH)
        out.push(signal('shift', index[runStart]!, index[runEnd]!, runLength, side > 0, increase, phase));
      if (s === 0) break;
      side = s;
      runStart = k;
      runLength = 0;
    }
    runEnd = k;
    runLength++;
  }
}

/** Trends among the finite points `from` to `to` (exclusive), repeated values skipped. */
function findTrends(
  values: readonly number[],
  index: readonly number[],
  from: number,
  to: number,
  increase: boolean,
  phase: RunChartPhase,
  out: RunChartSignal[],
): void {
  if (to - from < 2) return;
  let trendDir = 0;
  let trendStart = from;
  let trendEnd = from;
  let trendLength = 1;
  let lastCounted = from;
  for (let k = from + 1; k <= to; k++) {
    let s = 0;
    if (k < to) {
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
      out.push(signal('trend', index[trendStart]!, index[trendEnd]!, trendLength, trendDir > 0, increase, phase));
    trendDir = s;
    trendStart = lastCounted;
    trendLength = 2;
    trendEnd = k;
    lastCounted = k;
  }
}

/**
 * How many of a measure's points (in ascending date order) fall in the
 * baseline period: those dated before `changeStart`, the day the first change
 * was tested (see {@link firstChangeDate}). All of them when no change has
 * been tested.
 */
export function baselinePointCount(
  points: readonly { readonly date: string }[],
  changeStart: string | undefined,
): number {
  if (changeStart === undefined) return points.length;
  const day = changeStart.slice(0, 10);
  let count = 0;
  while (count < points.length && points[count]!.date.slice(0, 10) < day) count++;
  return count;
}

/**
 * The day the first change was tested for a capacity: the earliest PDSA
 * cycle start date of any of its change ideas (on or before `asOf`, when
 * given); `undefined` when no cycle has started.
 */
export function firstChangeDate(
  changeIdeas: readonly { readonly cycles: readonly { readonly startDate?: string }[] }[],
  asOf?: string,
): string | undefined {
  let first: string | undefined;
  for (const idea of changeIdeas) {
    for (const cycle of idea.cycles) {
      const day = cycle.startDate?.slice(0, 10);
      if (day === undefined || (asOf !== undefined && day > asOf)) continue;
      if (first === undefined || day < first) first = day;
    }
  }
  return first;
}

function signal(
  type: RunChartSignalType,
  start: number,
  end: number,
  length: number,
  up: boolean,
  increase: boolean,
  phase: RunChartPhase,
): RunChartSignal {
  return { type, start, end, length, direction: up ? 'up' : 'down', improvement: up === increase, phase };
}
