/**
 * The run chart's summary sentences (what `describeRunChart` and
 * `describeSignal` say) as codes with parameters, and their English. Each
 * sentence comes as a `RunChartSentence`: `messageCode` and `params` for the
 * elements, which say it in the page's language, beside its English
 * `message`, rendered here so it is written once.
 *
 * The parameters are data: counts, dates (`YYYY-MM-DD`), a value as a number
 * with the measure's `unit` as the person wrote it, and ids for a signal
 * (`direction` `up` or `down`, `phase` `baseline` or `after`, `improvement`
 * true or false). A date range (`from`, `to`) is given whole or not at all.
 */
import { formatValue } from '../maturity/criteria.js';
import type { MessageRenderers } from './types.js';

/** A value on the chart: the number and the measure's unit (`%`, `referrals per month`), when it has one. */
export type RunChartValueParams = {
  readonly value: number;
  readonly unit?: string | undefined;
};

/** The dates a signal runs between, when the points' dates are known (both or neither). */
export type RunChartSpanParams = {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

/** A shift or a trend: its length in points, which way it goes, and whether it lies in the baseline. */
export type RunChartSignalParams = RunChartSpanParams & {
  readonly length: number;
  readonly direction: 'up' | 'down';
  readonly phase: 'baseline' | 'after';
  /** Whether it goes in the direction of improvement (said only after the baseline). */
  readonly improvement: boolean;
};

/** The runs test's counts. */
export type RunChartRunsParams = {
  readonly runs: number;
  /** The points not on the centre line. */
  readonly observations: number;
};

/** The parameters of each run-chart message code. */
export interface RunChartMessageParams {
  readonly 'run-chart.no-data': Record<string, never>;
  /** `count` points, from the first date to the last (given only when the two differ). */
  readonly 'run-chart.points': { readonly count: number } & RunChartSpanParams;
  /** The centre line is the median of every point, and no baseline is set apart. */
  readonly 'run-chart.median': RunChartValueParams;
  readonly 'run-chart.frozen-baseline': RunChartValueParams;
  /**
   * The recorded baseline stands in for too few baseline points (`points`,
   * 0 or more), before the first change (`changeStart`, its date when known).
   */
  readonly 'run-chart.recorded-baseline': RunChartValueParams & {
    readonly points: number;
    readonly changeStart?: string | undefined;
  };
  /** As `run-chart.recorded-baseline`, with no change tested yet. */
  readonly 'run-chart.recorded-baseline-untested': RunChartValueParams & { readonly points: number };
  readonly 'run-chart.first-point-baseline': RunChartValueParams;
  /** No change tested: the median of every point, all of them baseline. */
  readonly 'run-chart.all-baseline': RunChartValueParams;
  /** The median of the `points` baseline points before the first change (`changeStart`, its date when known). */
  readonly 'run-chart.baseline-median': RunChartValueParams & {
    readonly points: number;
    readonly changeStart?: string | undefined;
  };
  /** The runs test against its limits (`lower` to `upper`): too few runs. */
  readonly 'run-chart.runs-too-few': RunChartRunsParams & { readonly lower: number; readonly upper: number };
  readonly 'run-chart.runs-too-many': RunChartRunsParams & { readonly lower: number; readonly upper: number };
  readonly 'run-chart.runs-expected': RunChartRunsParams & { readonly lower: number; readonly upper: number };
  /** Too few or too many points off the centre line for the runs test. */
  readonly 'run-chart.runs-untested': RunChartRunsParams;
  readonly 'run-chart.no-shift-or-trend': Record<string, never>;
  readonly 'run-chart.shift': RunChartSignalParams;
  readonly 'run-chart.trend': RunChartSignalParams;
  /** An unusual (astronomical) point: its value when known, its date (`on`) when known. */
  readonly 'run-chart.unusual-point': {
    readonly value?: number | undefined;
    readonly unit?: string | undefined;
    readonly on?: string | undefined;
    readonly direction: 'up' | 'down';
    readonly improvement: boolean;
  };
  /** The measure has moved against its aim (`since` the date it started, when known); `earlierImprovement`: a signal of improvement came first. */
  readonly 'run-chart.against-aim': { readonly since?: string | undefined; readonly earlierImprovement: boolean };
  readonly 'run-chart.improvement': Record<string, never>;
}

/** A run-chart message code. */
export type RunChartMessageCode = keyof RunChartMessageParams;

/** One summary sentence of a run chart: its code and parameters, beside its English. */
export type RunChartSentence = {
  [C in RunChartMessageCode]: {
    readonly messageCode: C;
    readonly params: RunChartMessageParams[C];
    /** The sentence in English (`RUN_CHART_MESSAGES_EN`). */
    readonly message: string;
  };
}[RunChartMessageCode];

const value = (p: RunChartValueParams) => formatValue(p.value, p.unit);
const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;
const span = (p: RunChartSpanParams) => (p.from && p.to ? ` from ${p.from} to ${p.to}` : '');
const before = (changeStart: string | undefined) =>
  changeStart ? `before ${changeStart}, when the first change was tested` : 'before the first change was tested';
const verdict = (p: RunChartSignalParams) =>
  p.phase === 'baseline'
    ? 'during the baseline'
    : p.improvement
      ? 'in the direction of improvement'
      : 'against the direction of improvement';
const runs = (p: RunChartRunsParams & { lower: number; upper: number }, verdict: string) =>
  `${p.runs} runs: ${verdict} (${p.lower} to ${p.upper} for ${p.observations} points off the centre line).`;

/** The English of every run-chart message code: the summary sentences, word for word. */
export const RUN_CHART_MESSAGES_EN: MessageRenderers<RunChartMessageParams> = {
  'run-chart.no-data': () => 'No data yet.',
  'run-chart.points': (p) => `${points(p.count)}${span(p)}.`,
  'run-chart.median': (p) => `Median ${value(p)}.`,
  'run-chart.frozen-baseline': (p) => `Centre line ${value(p)}: a frozen baseline.`,
  'run-chart.recorded-baseline': (p) =>
    `Baseline ${value(p)}: the recorded baseline (${p.points === 0 ? 'no points' : `only ${points(p.points)}`} ${before(
      p.changeStart,
    )}).`,
  'run-chart.recorded-baseline-untested': (p) =>
    `Baseline ${value(p)}: the recorded baseline (${p.points === 0 ? 'no points' : `only ${points(p.points)}`} ${before(
      undefined,
    )}). No change tested yet, so no pattern counts as improvement.`,
  'run-chart.first-point-baseline': (p) => `Baseline ${value(p)}: the first point (no baseline recorded).`,
  'run-chart.all-baseline': (p) =>
    `Median ${value(p)}: every point is baseline (no change tested yet), so no pattern counts as improvement.`,
  'run-chart.baseline-median': (p) =>
    `Baseline median ${value(p)}: the ${p.points === 1 ? 'point' : `${p.points} points`} ${before(p.changeStart)}.`,
  'run-chart.runs-too-few': (p) => runs(p, 'too few, a sign of a shift in the process'),
  'run-chart.runs-too-many': (p) => runs(p, 'too many, a sign the data may mix different processes'),
  'run-chart.runs-expected': (p) => runs(p, 'within the expected range'),
  'run-chart.runs-untested': (p) =>
    `${p.runs} ${p.runs === 1 ? 'run' : 'runs'}; the runs test needs 10 to 60 points off the centre line (${
      p.observations
    } so far).`,
  'run-chart.no-shift-or-trend': () => 'No shift or trend yet.',
  'run-chart.shift': (p) =>
    `Shift: ${p.length} points ${p.direction === 'up' ? 'above' : 'below'} the ${
      p.phase === 'baseline' ? 'median' : 'baseline'
    }${span(p)}, ${verdict(p)}.`,
  'run-chart.trend': (p) =>
    `Trend: ${p.length} points ${p.direction === 'up' ? 'rising' : 'falling'}${span(p)}, ${verdict(p)}.`,
  'run-chart.unusual-point': (p) =>
    `Unusual point${p.value !== undefined ? ` (${formatValue(p.value, p.unit)})` : ''}${
      p.on ? ` on ${p.on}` : ''
    }, far ${p.direction === 'up' ? 'above' : 'below'} the rest, ${
      p.improvement ? 'in the direction of improvement' : 'against the direction of improvement'
    }.`,
  'run-chart.against-aim': (p) =>
    `The measure has moved against its aim${p.since ? ` since ${p.since}` : ''}${
      p.earlierImprovement ? ': an earlier signal of improvement has not held' : ''
    }.`,
  'run-chart.improvement': () => 'The run chart shows improvement since the baseline.',
};

/** A run-chart sentence from its code and parameters, with its English. */
export function runChartSentence<C extends RunChartMessageCode>(
  code: C,
  params: RunChartMessageParams[C],
): RunChartSentence {
  const message = (RUN_CHART_MESSAGES_EN[code] as (p: RunChartMessageParams[C]) => string)(params);
  return { messageCode: code, params, message } as RunChartSentence;
}
