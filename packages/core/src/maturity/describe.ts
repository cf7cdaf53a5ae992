import { formatValue } from './criteria.js';
import type { RunChartAnalysis, RunChartSignal } from './run-chart.js';

/** What {@link describeRunChart} may say about the points. */
export interface DescribeRunChartOptions {
  /** The measure's unit, e.g. `%` or `referrals per month`. */
  readonly unit?: string;
  /** The points' dates (`YYYY-MM-DD`), index for index with the analysed series. */
  readonly dates?: readonly string[];
  /** The points' values, index for index (needed to describe astronomical points). */
  readonly values?: readonly number[];
}

/**
 * Describes one run-chart signal in a sentence, e.g. "Shift: 7 points above
 * the baseline from 2023-01-01 to 2023-07-01, in the direction of
 * improvement." A signal within the baseline period says so and gives no
 * verdict: only signals after the baseline can be evidence of improvement.
 */
export function describeSignal(signal: RunChartSignal, options: DescribeRunChartOptions = {}): string {
  const when = (i: number) => options.dates?.[i];
  const span = when(signal.start) && when(signal.end) ? ` from ${when(signal.start)} to ${when(signal.end)}` : '';
  const verdict =
    signal.phase === 'baseline'
      ? 'during the baseline'
      : signal.improvement
        ? 'in the direction of improvement'
        : 'against the direction of improvement';
  switch (signal.type) {
    case 'shift':
      return `Shift: ${signal.length} points ${signal.direction === 'up' ? 'above' : 'below'} the ${
        signal.phase === 'baseline' ? 'median' : 'baseline'
      }${span}, ${verdict}.`;
    case 'trend':
      return `Trend: ${signal.length} points ${signal.direction === 'up' ? 'rising' : 'falling'}${span}, ${verdict}.`;
    default: {
      const value = options.values?.[signal.start];
      const what = value !== undefined ? ` (${formatValue(value, options.unit)})` : '';
      const on = when(signal.start) ? ` on ${when(signal.start)}` : '';
      const judged = signal.improvement ? 'in the direction of improvement' : 'against the direction of improvement';
      return `Unusual point${what}${on}, far ${signal.direction === 'up' ? 'above' : 'below'} the rest, ${judged}.`;
    }
  }
}

/**
 * Describes a run-chart analysis in plain sentences, for a chart's text
 * alternative and summaries: the number of points, the baseline and centre
 * line, the runs test, every signal, and the verdict (improvement, or the
 * date since which the measure has moved against its aim).
 *
 * @example
 * describeRunChart(analyseRunChart(values, { direction: 'increase', baselinePoints: 10 }), { unit: '%', dates });
 * // ['20 points from 2023-01-01 to 2024-08-01.', 'Baseline median 11.5%: the 10 points before 2023-11-01, when the first change was tested.', …]
 */
export function describeRunChart(analysis: RunChartAnalysis, options: DescribeRunChartOptions = {}): string[] {
  if (analysis.points === 0 || analysis.median === null) return ['No data yet.'];
  const dates = options.dates ?? [];
  const first = dates.find((d) => d !== undefined);
  const last = [...dates].reverse().find((d) => d !== undefined);
  const sentences = [
    `${analysis.points} ${analysis.points === 1 ? 'point' : 'points'}${
      first && last && first !== last ? ` from ${first} to ${last}` : ''
    }.`,
    centreLine(analysis, options),
  ];
  if (analysis.runsLimits) {
    const { lower, upper } = analysis.runsLimits;
    const verdict = analysis.tooFewRuns
      ? 'too few, a sign of a shift in the process'
      : analysis.tooManyRuns
        ? 'too many, a sign the data may mix different processes'
        : 'within the expected range';
    sentences.push(
      `${analysis.runs} runs: ${verdict} (${lower} to ${upper} for ${analysis.usefulObservations} points off the centre line).`,
    );
  } else {
    sentences.push(
      `${analysis.runs} ${
        analysis.runs === 1 ? 'run' : 'runs'
      }; the runs test needs 10 to 60 points off the centre line (${analysis.usefulObservations} so far).`,
    );
  }
  const signals = analysis.signals.map((s) => describeSignal(s, options));
  if (!analysis.signals.some((s) => s.type !== 'astronomical')) signals.unshift('No shift or trend yet.');
  const verdict: string[] = [];
  if (analysis.deterioration) {
    const since = options.dates?.[analysis.deterioration.start];
    verdict.push(
      `The measure has moved against its aim${since ? ` since ${since}` : ''}${
        analysis.signals.some((s) => s.phase === 'after' && s.type !== 'astronomical' && s.improvement)
          ? ': an earlier signal of improvement has not held'
          : ''
      }.`,
    );
  } else if (analysis.improvement) verdict.push('The run chart shows improvement since the baseline.');
  return [...sentences, ...signals, ...verdict];
}

function centreLine(analysis: RunChartAnalysis, options: DescribeRunChartOptions): string {
  const value = formatValue(analysis.median!, options.unit);
  const b = analysis.baseline;
  if (!b) return `Median ${value}.`;
  const at = b.afterStart === undefined ? undefined : options.dates?.[b.afterStart];
  const when = at ? `before ${at}, when the first change was tested` : 'before the first change was tested';
  switch (b.source) {
    case 'frozen':
      return `Centre line ${value}: a frozen baseline.`;
    case 'recorded-baseline':
      return `Baseline ${value}: the recorded baseline (${
        b.points === 0 ? 'no points' : `only ${b.points} ${b.points === 1 ? 'point' : 'points'}`
      } ${when}).${b.afterStart === undefined ? ' No change tested yet, so no pattern counts as improvement.' : ''}`;
    case 'first-point':
      return `Baseline ${value}: the first point (no baseline recorded).`;
    default:
      return b.afterStart === undefined
        ? `Median ${value}: every point is baseline (no change tested yet), so no pattern counts as improvement.`
        : `Baseline median ${value}: the ${b.points === 1 ? 'point' : `${b.points} points`} ${when}.`;
  }
}
