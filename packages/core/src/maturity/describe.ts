import type { RunChartAnalysis, RunChartSignal } from './run-chart.js';
import { runChartSentence, type RunChartSentence } from '../messages/run-chart.js';

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
 * {@link signalSentence} gives the same sentence as a code with parameters.
 */
export function describeSignal(signal: RunChartSignal, options: DescribeRunChartOptions = {}): string {
  return signalSentence(signal, options).message;
}

/**
 * {@link describeSignal}'s sentence as a code with parameters (`run-chart.shift`,
 * `run-chart.trend`, `run-chart.unusual-point`, see `RUN_CHART_MESSAGES_EN`)
 * beside its English `message`, so an element can say it in another language.
 */
export function signalSentence(signal: RunChartSignal, options: DescribeRunChartOptions = {}): RunChartSentence {
  const when = (i: number) => options.dates?.[i] || undefined;
  const from = when(signal.start);
  const to = when(signal.end);
  const span = from && to ? { from, to } : {};
  switch (signal.type) {
    case 'shift':
    case 'trend':
      return runChartSentence(signal.type === 'shift' ? 'run-chart.shift' : 'run-chart.trend', {
        length: signal.length,
        direction: signal.direction,
        phase: signal.phase,
        improvement: signal.improvement,
        ...span,
      });
    default: {
      const value = options.values?.[signal.start];
      return runChartSentence('run-chart.unusual-point', {
        ...(value !== undefined ? { value, ...(options.unit ? { unit: options.unit } : {}) } : {}),
        ...(from ? { on: from } : {}),
        direction: signal.direction,
        improvement: signal.improvement,
      });
    }
  }
}

/**
 * Describes a run-chart analysis in plain sentences, for a chart's text
 * alternative and summaries: the number of points, the baseline and centre
 * line, the runs test, every signal, and the verdict (improvement, or the
 * date since which the measure has moved against its aim).
 * {@link describeRunChartSentences} gives the same sentences as codes with
 * parameters.
 *
 * @example
 * describeRunChart(analyseRunChart(values, { direction: 'increase', baselinePoints: 10 }), { unit: '%', dates });
 * // ['20 points from 2023-01-01 to 2024-08-01.', 'Baseline median 11.5%: the 10 points before 2023-11-01, when the first change was tested.', …]
 */
export function describeRunChart(analysis: RunChartAnalysis, options: DescribeRunChartOptions = {}): string[] {
  return describeRunChartSentences(analysis, options).map((s) => s.message);
}

/**
 * {@link describeRunChart}'s sentences, each as a code with parameters
 * (`run-chart.*`, see `RUN_CHART_MESSAGES_EN`) beside its English `message`:
 * the elements render the code in the page's language.
 */
export function describeRunChartSentences(
  analysis: RunChartAnalysis,
  options: DescribeRunChartOptions = {},
): RunChartSentence[] {
  if (analysis.points === 0 || analysis.median === null) return [runChartSentence('run-chart.no-data', {})];
  const dates = options.dates ?? [];
  const first = dates.find((d) => d !== undefined);
  const last = [...dates].reverse().find((d) => d !== undefined);
  const sentences = [
    runChartSentence('run-chart.points', {
      count: analysis.points,
      ...(first && last && first !== last ? { from: first, to: last } : {}),
    }),
    centreLine(analysis, options),
  ];
  const counts = { runs: analysis.runs, observations: analysis.usefulObservations };
  if (analysis.runsLimits) {
    const { lower, upper } = analysis.runsLimits;
    const code = analysis.tooFewRuns
      ? 'run-chart.runs-too-few'
      : analysis.tooManyRuns
        ? 'run-chart.runs-too-many'
        : 'run-chart.runs-expected';
    sentences.push(runChartSentence(code, { ...counts, lower, upper }));
  } else {
    sentences.push(runChartSentence('run-chart.runs-untested', counts));
  }
  const signals = analysis.signals.map((s) => signalSentence(s, options));
  if (!analysis.signals.some((s) => s.type !== 'astronomical'))
    signals.unshift(runChartSentence('run-chart.no-shift-or-trend', {}));
  const verdict: RunChartSentence[] = [];
  if (analysis.deterioration) {
    const since = options.dates?.[analysis.deterioration.start];
    verdict.push(
      runChartSentence('run-chart.against-aim', {
        ...(since ? { since } : {}),
        earlierImprovement: analysis.signals.some(
          (s) => s.phase === 'after' && s.type !== 'astronomical' && s.improvement,
        ),
      }),
    );
  } else if (analysis.improvement) verdict.push(runChartSentence('run-chart.improvement', {}));
  return [...sentences, ...signals, ...verdict];
}

function centreLine(analysis: RunChartAnalysis, options: DescribeRunChartOptions): RunChartSentence {
  const value = { value: analysis.median!, ...(options.unit ? { unit: options.unit } : {}) };
  const b = analysis.baseline;
  if (!b) return runChartSentence('run-chart.median', value);
  const at = b.afterStart === undefined ? undefined : options.dates?.[b.afterStart];
  const changeStart = at ? { changeStart: at } : {};
  switch (b.source) {
    case 'frozen':
      return runChartSentence('run-chart.frozen-baseline', value);
    case 'recorded-baseline':
      return b.afterStart === undefined
        ? runChartSentence('run-chart.recorded-baseline-untested', { ...value, points: b.points })
        : runChartSentence('run-chart.recorded-baseline', { ...value, points: b.points, ...changeStart });
    case 'first-point':
      return runChartSentence('run-chart.first-point-baseline', value);
    default:
      return b.afterStart === undefined
        ? runChartSentence('run-chart.all-baseline', value)
        : runChartSentence('run-chart.baseline-median', { ...value, points: b.points, ...changeStart });
  }
}
