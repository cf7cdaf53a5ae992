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
 * the median from 2023-01-01 to 2023-07-01, in the direction of improvement."
 */
export function describeSignal(signal: RunChartSignal, options: DescribeRunChartOptions = {}): string {
  const when = (i: number) => options.dates?.[i];
  const span = when(signal.start) && when(signal.end) ? ` from ${when(signal.start)} to ${when(signal.end)}` : '';
  const verdict = signal.improvement ? 'in the direction of improvement' : 'against the direction of improvement';
  switch (signal.type) {
    case 'shift':
      return `Shift: ${signal.length} points ${
        signal.direction === 'up' ? 'above' : 'below'
      } the median${span}, ${verdict}.`;
    case 'trend':
      return `Trend: ${signal.length} points ${signal.direction === 'up' ? 'rising' : 'falling'}${span}, ${verdict}.`;
    default: {
      const value = options.values?.[signal.start];
      const what = value !== undefined ? ` (${formatValue(value, options.unit)})` : '';
      const on = when(signal.start) ? ` on ${when(signal.start)}` : '';
      return `Unusual point${what}${on}, far ${signal.direction === 'up' ? 'above' : 'below'} the rest, ${verdict}.`;
    }
  }
}

/**
 * Describes a run-chart analysis in plain sentences, for a chart's text
 * alternative and summaries: the number of points, the median, the runs test,
 * and every signal.
 *
 * @example
 * describeRunChart(analyseRunChart(values, { direction: 'increase' }), { unit: '%', dates });
 * // ['24 points from 2022-01-01 to 2023-12-01.', 'Median 31%.', '2 runs: too few …', 'Shift: 12 points above …']
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
    `Median ${formatValue(analysis.median, options.unit)}.`,
  ];
  if (analysis.runsLimits) {
    const { lower, upper } = analysis.runsLimits;
    const verdict = analysis.tooFewRuns
      ? 'too few, a sign of a shift in the process'
      : analysis.tooManyRuns
      ? 'too many, a sign the data may mix different processes'
      : 'within the expected range';
    sentences.push(
      `${analysis.runs} runs: ${verdict} (${lower} to ${upper} for ${analysis.usefulObservations} points off the median).`,
    );
  } else {
    sentences.push(
      `${analysis.runs} ${analysis.runs === 1 ? 'run' : 'runs'}; the runs test needs 10 to 60 points off the median (${
        analysis.usefulObservations
      } so far).`,
    );
  }
  const signals = analysis.signals.map((s) => describeSignal(s, options));
  if (!analysis.signals.some((s) => s.type !== 'astronomical')) signals.unshift('No shift or trend yet.');
  return [...sentences, ...signals];
}
