import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  analyseRunChart,
  describeRunChart,
  describeRunChartSentences,
  RUN_CHART_MESSAGES_EN,
  type RunChartAnalysis,
  type RunChartMessageCode,
  type RunChartMessageParams,
  type RunChartSignal,
} from '../maturity/index.js';
import { formatValue } from '../maturity/criteria.js';
import { renderWith } from './types.js';

// The run chart's summary sentences as they were written before they became codes (describe.ts at the
// commit before): the codes' English must say exactly this, so the CLI, the elements' English and any
// host reading `describeRunChart` see no change.

interface DescribeRunChartOptions {
  readonly unit?: string;
  readonly dates?: readonly string[];
  readonly values?: readonly number[];
}

function oldDescribeSignal(signal: RunChartSignal, options: DescribeRunChartOptions = {}): string {
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

function oldDescribeRunChart(analysis: RunChartAnalysis, options: DescribeRunChartOptions = {}): string[] {
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
  const signals = analysis.signals.map((s) => oldDescribeSignal(s, options));
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

// One sample per code, with the sentence it must say.
const SAMPLES: { readonly [C in RunChartMessageCode]: readonly [RunChartMessageParams[C], string][] } = {
  'run-chart.no-data': [[{}, 'No data yet.']],
  'run-chart.points': [
    [{ count: 1 }, '1 point.'],
    [{ count: 20, from: '2023-01-01', to: '2024-08-01' }, '20 points from 2023-01-01 to 2024-08-01.'],
  ],
  'run-chart.median': [[{ value: 3.456, unit: 'days' }, 'Median 3.46 days.']],
  'run-chart.frozen-baseline': [[{ value: 12 }, 'Centre line 12: a frozen baseline.']],
  'run-chart.recorded-baseline': [
    [
      { value: 30, points: 6, changeStart: '2023-07-01' },
      'Baseline 30: the recorded baseline (only 6 points before 2023-07-01, when the first change was tested).',
    ],
    [
      { value: 30, unit: '%', points: 0 },
      'Baseline 30%: the recorded baseline (no points before the first change was tested).',
    ],
  ],
  'run-chart.recorded-baseline-untested': [
    [
      { value: 4, points: 1 },
      'Baseline 4: the recorded baseline (only 1 point before the first change was tested). No change tested yet, so no pattern counts as improvement.',
    ],
  ],
  'run-chart.first-point-baseline': [[{ value: 7, unit: '%' }, 'Baseline 7%: the first point (no baseline recorded).']],
  'run-chart.all-baseline': [
    [
      { value: 16.5, unit: '%' },
      'Median 16.5%: every point is baseline (no change tested yet), so no pattern counts as improvement.',
    ],
  ],
  'run-chart.baseline-median': [
    [
      { value: 11.5, unit: '%', points: 10, changeStart: '2023-11-01' },
      'Baseline median 11.5%: the 10 points before 2023-11-01, when the first change was tested.',
    ],
    [{ value: 2, points: 1 }, 'Baseline median 2: the point before the first change was tested.'],
  ],
  'run-chart.runs-too-few': [
    [
      { runs: 2, observations: 20, lower: 6, upper: 16 },
      '2 runs: too few, a sign of a shift in the process (6 to 16 for 20 points off the centre line).',
    ],
  ],
  'run-chart.runs-too-many': [
    [
      { runs: 18, observations: 20, lower: 6, upper: 16 },
      '18 runs: too many, a sign the data may mix different processes (6 to 16 for 20 points off the centre line).',
    ],
  ],
  'run-chart.runs-expected': [
    [
      { runs: 10, observations: 20, lower: 6, upper: 16 },
      '10 runs: within the expected range (6 to 16 for 20 points off the centre line).',
    ],
  ],
  'run-chart.runs-untested': [
    [{ runs: 1, observations: 6 }, '1 run; the runs test needs 10 to 60 points off the centre line (6 so far).'],
  ],
  'run-chart.no-shift-or-trend': [[{}, 'No shift or trend yet.']],
  'run-chart.shift': [
    [
      { length: 10, direction: 'up', phase: 'after', improvement: true, from: '2023-11-01', to: '2024-08-01' },
      'Shift: 10 points above the baseline from 2023-11-01 to 2024-08-01, in the direction of improvement.',
    ],
    [
      { length: 6, direction: 'down', phase: 'baseline', improvement: false },
      'Shift: 6 points below the median, during the baseline.',
    ],
  ],
  'run-chart.trend': [
    [
      { length: 5, direction: 'down', phase: 'after', improvement: false },
      'Trend: 5 points falling, against the direction of improvement.',
    ],
  ],
  'run-chart.unusual-point': [
    [
      { value: 40, direction: 'up', improvement: false },
      'Unusual point (40), far above the rest, against the direction of improvement.',
    ],
    [
      { value: 2, unit: '%', on: '2024-02-01', direction: 'down', improvement: true },
      'Unusual point (2%) on 2024-02-01, far below the rest, in the direction of improvement.',
    ],
  ],
  'run-chart.against-aim': [
    [{ since: '2023-07-01', earlierImprovement: false }, 'The measure has moved against its aim since 2023-07-01.'],
    [
      { earlierImprovement: true },
      'The measure has moved against its aim: an earlier signal of improvement has not held.',
    ],
  ],
  'run-chart.improvement': [[{}, 'The run chart shows improvement since the baseline.']],
};

test('each run-chart code renders in English word for word as the sentence it replaces', () => {
  for (const [code, samples] of Object.entries(SAMPLES)) {
    for (const [params, english] of samples) assert.equal(renderWith(RUN_CHART_MESSAGES_EN, code, params), english);
  }
  assert.deepEqual(Object.keys(SAMPLES).sort(), Object.keys(RUN_CHART_MESSAGES_EN).sort());
});

test('describeRunChart says what it said before, and each sentence carries a code with data parameters', () => {
  const dated = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    );
  const seen = new Set<string>();
  const check = (analysis: RunChartAnalysis, describe: Parameters<typeof describeRunChart>[1] = {}) => {
    const sentences = describeRunChartSentences(analysis, describe);
    const old = oldDescribeRunChart(analysis, describe);
    assert.deepEqual(describeRunChart(analysis, describe), old);
    assert.deepEqual(
      sentences.map((s) => s.message),
      old,
    );
    for (const s of sentences) {
      seen.add(s.messageCode);
      assert.equal(renderWith(RUN_CHART_MESSAGES_EN, s.messageCode, s.params), s.message);
      // Data, never English: numbers, booleans, dates, ids and the unit as written.
      for (const [key, value] of Object.entries(s.params)) {
        if (typeof value !== 'string') continue;
        if (key === 'unit') assert.equal(value, describe?.unit);
        else if (key === 'direction') assert.ok(['up', 'down'].includes(value));
        else if (key === 'phase') assert.ok(['baseline', 'after'].includes(value));
        else assert.match(value, /^\d{4}-\d{2}-\d{2}$/, `${s.messageCode} ${key}`);
      }
    }
  };
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }),
      fc.record({
        direction: fc.constantFrom('increase' as const, 'decrease' as const),
        baselinePoints: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        recordedBaseline: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        median: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      }),
      fc.constantFrom(undefined, '', '%', 'referrals per month'),
      fc.boolean(),
      fc.boolean(),
      (values, raw, unit, withDates, withValues) => {
        const options = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as typeof raw;
        check(analyseRunChart(values, options as Parameters<typeof analyseRunChart>[1]), {
          ...(unit !== undefined ? { unit } : {}),
          ...(withDates ? { dates: dated(values.length) } : {}),
          ...(withValues ? { values } : {}),
        });
      },
    ),
    { numRuns: 400 },
  );
  // Every code, whatever the random cases drew: the examples of run-chart.test.ts and a few more.
  const low = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12];
  const steps = [...low, ...low.map((v) => v + 10)];
  const dates = { unit: '%', dates: dated(20), values: steps };
  check(analyseRunChart(steps, { direction: 'increase', baselinePoints: 10 }), dates);
  check(analyseRunChart(steps, { direction: 'increase' }), dates);
  check(analyseRunChart([], { direction: 'increase' }));
  const fall = [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11];
  check(analyseRunChart(fall, { direction: 'increase', baselinePoints: 6, recordedBaseline: 30 }), {
    dates: dated(12),
  });
  check(analyseRunChart([3, 4, 5], { direction: 'increase', recordedBaseline: 4 }));
  check(analyseRunChart([3, 4], { direction: 'decrease' }), { unit: 'days' });
  const spike = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 40];
  check(analyseRunChart(spike, { direction: 'decrease' }), { values: spike, dates: dated(12) });
  check(analyseRunChart([1, 2, 3, 4, 5, 6, 7, 8], { direction: 'increase', median: 4 }), { dates: dated(8) });
  // Runs that alternate too often, and an analysis with no baseline set apart (as an older one may be).
  const zigzag = Array.from({ length: 20 }, (_, i) => (i % 2 ? 9 : 1));
  check(analyseRunChart(zigzag, { direction: 'increase', baselinePoints: 10 }), { dates: dated(20) });
  const { baseline: _baseline, ...noBaseline } = analyseRunChart([3, 4, 5], { direction: 'increase' });
  check(noBaseline, { unit: '%' });
  check(analyseRunChart([5, 6, 7], { direction: 'increase', baselinePoints: 0 }), { unit: '%', dates: dated(3) });
  assert.deepEqual([...seen].sort(), Object.keys(RUN_CHART_MESSAGES_EN).sort());
});
