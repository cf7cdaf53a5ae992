import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type {
  RunChartMessageParams,
  RunChartRunsParams,
  RunChartSignalParams,
  RunChartValueParams,
} from '@links-approach/core/maturity';
import { formatRounded } from '../format.js';

/*
 * The run chart's summary sentences (core's `RUN_CHART_MESSAGES_EN`: what
 * `describeRunChartSentences` says about a measure's points), through msg():
 * `issueText` renders a sentence whose `messageCode` is `run-chart.*` with
 * this map in a locale other than the source locale. Values are written in
 * the page's locale with the measure's unit as the person wrote it; dates
 * stay as core gives them (YYYY-MM-DD). Counts come after a colon or in
 * brackets, so no noun has to agree with a number.
 */

/** A value with its unit, as core's `formatValue` writes it, in the page's locale. */
const value = (p: RunChartValueParams): string => {
  const n = formatRounded(p.value, 2);
  if (!p.unit) return n;
  return p.unit === '%' ? `${n}%` : `${n} ${p.unit}`;
};

const before = (changeStart: string | undefined): string =>
  changeStart
    ? msg(str`before ${changeStart}, when the first change was tested`, { id: 'run-chart-summary.before-change' })
    : msg('before the first change was tested', { id: 'run-chart-summary.before-first-change' });

const verdict = (p: { readonly phase?: 'baseline' | 'after'; readonly improvement: boolean }): string =>
  p.phase === 'baseline'
    ? msg('during the baseline', { id: 'run-chart-summary.verdict.baseline' })
    : p.improvement
      ? msg('in the direction of improvement', { id: 'run-chart-summary.verdict.improvement' })
      : msg('against the direction of improvement', { id: 'run-chart-summary.verdict.against' });

const span = (p: RunChartSignalParams): string =>
  p.from && p.to ? msg(str` from ${p.from} to ${p.to}`, { id: 'run-chart-summary.span' }) : '';

const recordedPoints = (points: number): string =>
  points === 0
    ? msg('no points', { id: 'run-chart-summary.recorded.no-points' })
    : msg(str`baseline points: ${points}`, { id: 'run-chart-summary.recorded.points' });

const runs = (p: RunChartRunsParams & { lower: number; upper: number }, verdict: string): string =>
  msg(
    str`Runs: ${p.runs}. That is ${verdict} (${p.lower} to ${p.upper} expected; points off the centre line: ${p.observations}).`,
    { id: 'run-chart-summary.runs' },
  );

/** The run chart's summary sentences, by code. */
export const RUN_CHART_ISSUES: Partial<MessageRenderers<RunChartMessageParams>> = {
  'run-chart.no-data': () => msg('No data yet.', { id: 'run-chart-summary.no-data' }),
  'run-chart.points': (p) =>
    p.from && p.to
      ? msg(str`Points: ${p.count} (from ${p.from} to ${p.to}).`, { id: 'run-chart-summary.points-span' })
      : msg(str`Points: ${p.count}.`, { id: 'run-chart-summary.points' }),
  'run-chart.median': (p) => msg(str`Median ${value(p)}.`, { id: 'run-chart-summary.median' }),
  'run-chart.frozen-baseline': (p) =>
    msg(str`Centre line ${value(p)}: a frozen baseline.`, { id: 'run-chart-summary.frozen-baseline' }),
  'run-chart.recorded-baseline': (p) => {
    const [v, points, when] = [value(p), recordedPoints(p.points), before(p.changeStart)];
    return msg(str`Baseline ${v}: the recorded baseline (${points} ${when}).`, {
      id: 'run-chart-summary.recorded-baseline',
    });
  },
  'run-chart.recorded-baseline-untested': (p) => {
    const [v, points, when] = [value(p), recordedPoints(p.points), before(undefined)];
    return msg(
      str`Baseline ${v}: the recorded baseline (${points} ${when}). No change tested yet, so no pattern counts as improvement.`,
      { id: 'run-chart-summary.recorded-baseline-untested' },
    );
  },
  'run-chart.first-point-baseline': (p) =>
    msg(str`Baseline ${value(p)}: the first point (no baseline recorded).`, {
      id: 'run-chart-summary.first-point-baseline',
    }),
  'run-chart.all-baseline': (p) =>
    msg(str`Median ${value(p)}: every point is baseline (no change tested yet), so no pattern counts as improvement.`, {
      id: 'run-chart-summary.all-baseline',
    }),
  'run-chart.baseline-median': (p) => {
    const [v, when] = [value(p), before(p.changeStart)];
    return p.points === 1
      ? msg(str`Baseline median ${v}: the point ${when}.`, { id: 'run-chart-summary.baseline-median-one' })
      : msg(str`Baseline median ${v}: the baseline points (${p.points}) ${when}.`, {
          id: 'run-chart-summary.baseline-median',
        });
  },
  'run-chart.runs-too-few': (p) =>
    runs(p, msg('too few, a sign of a shift in the process', { id: 'run-chart-summary.runs.too-few' })),
  'run-chart.runs-too-many': (p) =>
    runs(p, msg('too many, a sign the data may mix different processes', { id: 'run-chart-summary.runs.too-many' })),
  'run-chart.runs-expected': (p) =>
    runs(p, msg('within the expected range', { id: 'run-chart-summary.runs.expected' })),
  'run-chart.runs-untested': (p) =>
    msg(str`Runs: ${p.runs}; the runs test needs 10 to 60 points off the centre line (so far: ${p.observations}).`, {
      id: 'run-chart-summary.runs-untested',
    }),
  'run-chart.no-shift-or-trend': () => msg('No shift or trend yet.', { id: 'run-chart-summary.no-shift-or-trend' }),
  'run-chart.shift': (p) => {
    const [when, judged] = [span(p), verdict(p)];
    if (p.phase === 'baseline')
      return p.direction === 'up'
        ? msg(str`Shift: above the median (points: ${p.length})${when}, ${judged}.`, {
            id: 'run-chart-summary.shift.above-median',
          })
        : msg(str`Shift: below the median (points: ${p.length})${when}, ${judged}.`, {
            id: 'run-chart-summary.shift.below-median',
          });
    return p.direction === 'up'
      ? msg(str`Shift: above the baseline (points: ${p.length})${when}, ${judged}.`, {
          id: 'run-chart-summary.shift.above-baseline',
        })
      : msg(str`Shift: below the baseline (points: ${p.length})${when}, ${judged}.`, {
          id: 'run-chart-summary.shift.below-baseline',
        });
  },
  'run-chart.trend': (p) => {
    const [when, judged] = [span(p), verdict(p)];
    return p.direction === 'up'
      ? msg(str`Trend: rising (points: ${p.length})${when}, ${judged}.`, { id: 'run-chart-summary.trend.rising' })
      : msg(str`Trend: falling (points: ${p.length})${when}, ${judged}.`, { id: 'run-chart-summary.trend.falling' });
  },
  'run-chart.unusual-point': (p) => {
    const what =
      p.value !== undefined ? ` (${value({ value: p.value, ...(p.unit !== undefined ? { unit: p.unit } : {}) })})` : '';
    const on = p.on ? msg(str` on ${p.on}`, { id: 'run-chart-summary.on' }) : '';
    const judged = verdict({ improvement: p.improvement });
    return p.direction === 'up'
      ? msg(str`Unusual point${what}${on}, far above the rest, ${judged}.`, { id: 'run-chart-summary.unusual-above' })
      : msg(str`Unusual point${what}${on}, far below the rest, ${judged}.`, { id: 'run-chart-summary.unusual-below' });
  },
  'run-chart.against-aim': (p) => {
    const since = p.since ? msg(str` since ${p.since}`, { id: 'run-chart-summary.since' }) : '';
    return p.earlierImprovement
      ? msg(str`The measure has moved against its aim${since}: an earlier signal of improvement has not held.`, {
          id: 'run-chart-summary.against-aim-not-held',
        })
      : msg(str`The measure has moved against its aim${since}.`, { id: 'run-chart-summary.against-aim' });
  },
  'run-chart.improvement': () =>
    msg('The run chart shows improvement since the baseline.', { id: 'run-chart-summary.improvement' }),
};
