import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseRunChart, baselinePointCount, firstChangeDate, MIN_BASELINE_POINTS } from './run-chart.js';
import { medianOf } from '../shared/stats.js';
import { describeRunChart } from './describe.js';
import { RUNS_CRITICAL_VALUES } from './runs-table.js';

const kinds = (a: ReturnType<typeof analyseRunChart>) =>
  a.signals.map((s) => `${s.type}:${s.start}-${s.end}:${s.direction}:${s.improvement}`);

test('fewer than 10 points: median, runs and a trend are found, the runs test is not evaluated', () => {
  const a = analyseRunChart([1, 2, 3, 4, 5], { direction: 'increase' });
  assert.equal(a.median, 3);
  assert.equal(a.points, 5);
  assert.equal(a.usefulObservations, 4); // the 3 sits on the median
  assert.equal(a.runs, 2);
  assert.equal(a.tooFewRuns, undefined);
  assert.equal(a.tooManyRuns, undefined);
  assert.equal(a.runsLimits, undefined);
  assert.deepEqual(kinds(a), ['trend:0-4:up:true']);
  assert.equal(a.astronomicalLimits, undefined, 'astronomical rule needs 10 points');
  // No change tested: every point is baseline, so the trend is not evidence of improvement.
  assert.equal(a.signals[0]!.phase, 'baseline');
  assert.equal(a.improvement, false);
  // The first change tested at the second point: the trend rises from the last baseline point.
  const after = analyseRunChart([1, 2, 3, 4, 5], { direction: 'increase', baselinePoints: 1 });
  assert.equal(after.median, 1);
  assert.deepEqual(after.baseline, { source: 'baseline-median', points: 1, afterStart: 1 });
  assert.deepEqual(kinds(after), ['trend:0-4:up:true']);
  assert.equal(after.signals[0]!.phase, 'after');
  assert.equal(after.improvement, true);
  assert.equal(after.credited, after.signals[0]);
});

test('all points equal: every point is on the median, so nothing is a signal', () => {
  const a = analyseRunChart(Array(12).fill(5), { direction: 'increase' });
  assert.equal(a.median, 5);
  assert.equal(a.usefulObservations, 0);
  assert.equal(a.runs, 0);
  assert.deepEqual(a.signals, []);
  assert.equal(a.tooFewRuns, undefined);
  assert.equal(a.improvement, false);
});

test('no points, or only non-finite ones, gives an empty analysis', () => {
  for (const input of [[], [Number.NaN, Number.POSITIVE_INFINITY]]) {
    const a = analyseRunChart(input, { direction: 'decrease' });
    assert.equal(a.median, null);
    assert.equal(a.runs, 0);
    assert.deepEqual(a.signals, []);
  }
});

test('ties on the median neither count toward nor break a shift; too few runs at n = 11', () => {
  // sorted: 2×6, 5×2, 8×5 → median 5; indices 3 and 12 are on it.
  const series = [2, 2, 2, 5, 2, 2, 2, 8, 8, 8, 8, 8, 5];
  const a = analyseRunChart(series, { direction: 'decrease' });
  assert.equal(a.median, 5);
  assert.equal(a.usefulObservations, 11);
  assert.equal(a.runs, 2);
  assert.deepEqual(a.runsLimits, { lower: 3, upper: 10 });
  assert.equal(a.tooFewRuns, true);
  assert.equal(a.tooManyRuns, false);
  // 6 below (0,1,2,4,5,6) across the on-median point 3; only 5 above: no shift there.
  assert.deepEqual(kinds(a), ['shift:0-6:down:true']);
  assert.equal(a.signals[0]!.length, 6);
  // The measure should decrease and it rose from 2 to 8: the early low run is baseline, never improvement.
  assert.equal(a.signals[0]!.phase, 'baseline');
  assert.equal(a.improvement, false);
  const b = analyseRunChart(series, { direction: 'increase' });
  assert.deepEqual(kinds(b), ['shift:0-6:down:false']);
  assert.equal(b.improvement, false);
});

test('a "decrease" measure that rises from 2 to 8 after its baseline shows no improvement, and says since when', () => {
  const series = [2, 2, 2, 5, 2, 2, 2, 8, 8, 8, 8, 8, 5];
  // The first change was tested at index 7: 7 baseline points, too few for their own median; recorded baseline 2.
  const a = analyseRunChart(series, { direction: 'decrease', baselinePoints: 7, recordedBaseline: 2 });
  assert.equal(a.median, 2);
  assert.deepEqual(a.baseline, { source: 'recorded-baseline', points: 7, afterStart: 7 });
  assert.deepEqual(kinds(a), ['shift:7-12:up:false']);
  assert.equal(a.signals[0]!.phase, 'after');
  assert.equal(a.improvement, false);
  assert.equal(a.credited, undefined);
  assert.equal(a.deterioration?.start, 7);
  // Without a recorded baseline the few baseline points' own median (2) is used.
  const b = analyseRunChart(series, { direction: 'decrease', baselinePoints: 7 });
  assert.equal(b.median, 2);
  assert.equal(b.baseline?.source, 'baseline-median');
  assert.equal(b.improvement, false);
});

test('a point on the median inside a run is skipped: 5 + 1 points below still make a shift', () => {
  // sorted 1×6, 3, 5×6 → median 3 (index 5 is on it).
  const a = analyseRunChart([1, 1, 1, 1, 1, 3, 1, 5, 5, 5, 5, 5, 5], { direction: 'increase' });
  assert.equal(a.median, 3);
  assert.deepEqual(kinds(a), ['shift:0-6:down:false', 'shift:7-12:up:true']);
});

test('a step change: two shifts, too few runs against Perla Table 1 (n = 20 → 6 to 16)', () => {
  const low = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12];
  const high = [20, 22, 21, 23, 20, 22, 21, 23, 20, 22];
  const a = analyseRunChart([...low, ...high], { direction: 'increase' });
  assert.equal(a.median, 16.5);
  assert.equal(a.usefulObservations, 20);
  assert.equal(a.runs, 2);
  assert.deepEqual(a.runsLimits, { lower: 6, upper: 16 });
  assert.equal(a.tooFewRuns, true);
  assert.deepEqual(kinds(a), ['shift:0-9:down:false', 'shift:10-19:up:true']);
  assert.equal(a.improvement, false, 'no change tested: every point is baseline');
  assert.deepEqual(a.astronomicalLimits, { lower: 16.5 - 3 * 1.4826 * 5, upper: 16.5 + 3 * 1.4826 * 5 });
  // The change tested at index 10: the 10 low points are the baseline, their median (11.5) the centre line.
  const b = analyseRunChart([...low, ...high], { direction: 'increase', baselinePoints: 10, recordedBaseline: 99 });
  assert.equal(b.median, 11.5);
  assert.deepEqual(b.baseline, { source: 'baseline-median', points: 10, afterStart: 10 });
  assert.deepEqual(kinds(b), ['shift:10-19:up:true']);
  assert.equal(b.improvement, true);
  assert.equal(b.credited?.start, 10);
});

test('alternating points: too many runs, and no shift or trend', () => {
  const series = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 3));
  const a = analyseRunChart(series, { direction: 'increase' });
  assert.equal(a.median, 2);
  assert.equal(a.runs, 20);
  assert.equal(a.tooManyRuns, true);
  assert.equal(a.tooFewRuns, false);
  assert.deepEqual(a.signals, []);
});

test('a random-looking series within the limits passes the runs test', () => {
  const series = [5, 7, 6, 4, 8, 3, 6, 7, 4, 5, 8, 6, 3, 7];
  const a = analyseRunChart(series, { direction: 'increase' });
  // sorted 3,3,4,4,5,5,6,6,6,7,7,7,8,8 → median 6; useful 11; sides - + - + - + -- + - + → 10 runs (limits 3–10)
  assert.equal(a.median, 6);
  assert.equal(a.usefulObservations, 11);
  assert.equal(a.runs, 10);
  assert.equal(a.tooFewRuns, false);
  assert.equal(a.tooManyRuns, false);
  assert.deepEqual(a.signals, []);
});

test('trends: repeated values are counted once and do not break the trend', () => {
  assert.deepEqual(kinds(analyseRunChart([1, 2, 3, 3, 4, 5], { direction: 'increase' })), ['trend:0-5:up:true']);
  // 1,2,2,3,4 has only 4 counted points: not a trend.
  assert.deepEqual(analyseRunChart([1, 2, 2, 3, 4], { direction: 'increase' }).signals, []);
  // a trend starting after a repeated value starts at the first of the repeats
  assert.deepEqual(kinds(analyseRunChart([9, 9, 8, 7, 6, 5], { direction: 'decrease' })), ['trend:0-5:down:true']);
  // a peak ends one trend and starts the next at the same point
  const peak = analyseRunChart([1, 2, 3, 4, 5, 4, 3, 2, 1], { direction: 'decrease' });
  assert.deepEqual(
    peak.signals.filter((s) => s.type === 'trend').map((s) => [s.start, s.end, s.direction, s.improvement]),
    [
      [0, 4, 'up', false],
      [4, 8, 'down', true],
    ],
  );
  // a reversal in the middle breaks it
  assert.deepEqual(analyseRunChart([1, 2, 3, 2, 4, 5], { direction: 'increase' }).signals, []);
});

test('an astronomical point is flagged beyond median ± 3 × 1.4826 × MAD, with its direction', () => {
  const series = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 40];
  const up = analyseRunChart(series, { direction: 'increase' });
  assert.deepEqual(kinds(up), ['astronomical:11-11:up:true']);
  assert.equal(up.improvement, false, 'an astronomical point alone is not evidence of improvement');
  const down = analyseRunChart(series, { direction: 'decrease' });
  assert.deepEqual(kinds(down), ['astronomical:11-11:up:false']);
  assert.deepEqual(analyseRunChart(series, { direction: 'increase', astronomical: false }).signals, []);
});

test('indices point into the input even when values are skipped, and objects with value work', () => {
  const points = [Number.NaN, 1, 2, 3, 4, 5].map((value, i) => ({ value, date: `2024-0${i + 1}-01` }));
  const a = analyseRunChart(points, { direction: 'increase' });
  assert.equal(a.points, 5);
  assert.deepEqual(kinds(a), ['trend:1-5:up:true']);
});

test('a frozen baseline median is used as the centre line', () => {
  const a = analyseRunChart([4, 5, 4, 5, 4, 7, 8, 9, 8, 9, 8, 9], {
    direction: 'increase',
    median: 4.5,
    baselinePoints: 5,
  });
  assert.equal(a.median, 4.5);
  assert.equal(a.baseline?.source, 'frozen');
  assert.deepEqual(
    kinds(a).filter((k) => k.startsWith('shift')),
    ['shift:5-11:up:true'],
  );
  assert.equal(a.improvement, true);
});

test(`the centre line: the baseline median from ${MIN_BASELINE_POINTS} baseline points, else the recorded baseline, else the first point`, () => {
  const twelve = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 9, 9];
  const ten = analyseRunChart(twelve, { direction: 'increase', baselinePoints: 10, recordedBaseline: 1 });
  assert.deepEqual([ten.median, ten.baseline?.source], [6, 'baseline-median']);
  const nine = analyseRunChart(twelve, { direction: 'increase', baselinePoints: 9, recordedBaseline: 1 });
  assert.deepEqual([nine.median, nine.baseline?.source], [1, 'recorded-baseline']);
  const none = analyseRunChart(twelve, { direction: 'increase', baselinePoints: 0 });
  assert.deepEqual([none.median, none.baseline], [5, { source: 'first-point', points: 1, afterStart: 1 }]);
  const all = analyseRunChart(twelve, { direction: 'increase' });
  assert.deepEqual([all.median, all.baseline], [6, { source: 'baseline-median', points: 12 }]);
});

test('a shift does not straddle the start of testing: only points after the baseline count', () => {
  // Baseline median 10 (10 points, the last 4 above it); after the change only 5 points above: no shift,
  // although 9 points in a row lie above the line.
  const series = [8, 9, 10, 8, 9, 10, 11, 12, 11, 12, 13, 12, 13, 12, 13];
  const a = analyseRunChart(series, { direction: 'increase', baselinePoints: 10 });
  assert.equal(a.median, 10);
  assert.deepEqual(
    a.signals.filter((s) => s.type === 'shift'),
    [],
  );
  assert.equal(a.improvement, false);
  // One more point above: a shift of 6 after the baseline.
  const b = analyseRunChart([...series, 12], { direction: 'increase', baselinePoints: 10 });
  assert.deepEqual(
    b.signals.filter((s) => s.type === 'shift').map((s) => [s.start, s.end, s.phase]),
    [[10, 15, 'after']],
  );
  assert.equal(b.improvement, true);
});

test('a later shift or trend against the direction of improvement cancels the credit', () => {
  // Baseline 10; a rise to 20 (a shift above), then a collapse to 5 (a shift below).
  const rise = [10, 14, 18, 20, 20, 21, 20, 20];
  const collapse = [5, 5, 5, 5, 5, 5];
  const a = analyseRunChart([...rise, ...collapse], { direction: 'increase', baselinePoints: 1, recordedBaseline: 10 });
  assert.ok(a.signals.some((s) => s.phase === 'after' && s.improvement && s.type === 'shift'));
  assert.equal(a.improvement, false);
  assert.equal(a.deterioration?.type, 'shift');
  assert.equal(a.deterioration?.start, 8, 'the collapse to 5 starts at index 8');
  // The gain alone is credited.
  const gain = analyseRunChart(rise, { direction: 'increase', baselinePoints: 1, recordedBaseline: 10 });
  assert.equal(gain.improvement, true);
  assert.equal(gain.deterioration, undefined);
  // A dip that recovers with a later signal of improvement keeps the credit.
  const recovered = analyseRunChart([...rise, ...collapse, 6, 8, 12, 16, 20, 22], {
    direction: 'increase',
    baselinePoints: 1,
    recordedBaseline: 10,
  });
  assert.equal(recovered.improvement, true);
  assert.equal(recovered.credited?.type, 'trend');
});

test('issue 13: 30 ×6 then 11 ×6 on an "increase" measure is no improvement', () => {
  const series = [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11];
  for (const baselinePoints of [undefined, 0, 1, 3, 6]) {
    const a = analyseRunChart(series, {
      direction: 'increase',
      ...(baselinePoints !== undefined ? { baselinePoints } : {}),
    });
    assert.equal(a.improvement, false, `baseline of ${baselinePoints} points`);
    assert.equal(
      a.signals.some((s) => s.phase === 'after' && s.improvement),
      false,
      `no signal after the baseline is in the direction of improvement (${baselinePoints})`,
    );
    if (baselinePoints !== undefined) assert.equal(a.deterioration?.start, 6);
  }
});

test('baselinePointCount and firstChangeDate: the points before the first PDSA cycle started', () => {
  const points = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map((date) => ({ date, value: 1 }));
  assert.equal(baselinePointCount(points, '2024-02-01'), 1, 'a point on the start day is after the baseline');
  assert.equal(baselinePointCount(points, '2024-02-15'), 2);
  assert.equal(baselinePointCount(points, undefined), 4);
  assert.equal(baselinePointCount(points, '2023-12-31'), 0);
  const ideas = [
    { cycles: [{ startDate: '2024-03-10' }, { startDate: '2024-02-20T09:00:00Z' }] },
    { cycles: [{ startDate: '2024-01-05' }] },
    { cycles: [] },
  ];
  assert.equal(firstChangeDate(ideas), '2024-01-05');
  assert.equal(firstChangeDate(ideas, '2024-01-04'), undefined);
  assert.equal(firstChangeDate(ideas.slice(0, 1), '2024-12-31'), '2024-02-20');
  assert.equal(firstChangeDate([]), undefined);
});

test('medianOf handles odd and even counts without mutating the input', () => {
  const input = [3, 1, 2];
  assert.equal(medianOf(input), 2);
  assert.deepEqual(input, [3, 1, 2]);
  assert.equal(medianOf([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(medianOf([])));
});

test('the runs table covers 10 to 60 useful observations and its limits grow with n', () => {
  for (let n = 10; n <= 60; n++) {
    const row = RUNS_CRITICAL_VALUES[n];
    assert.ok(row, `row ${n}`);
    assert.ok(row[0] < row[1]);
    if (n > 10) {
      const prev = RUNS_CRITICAL_VALUES[n - 1]!;
      assert.ok(row[0] >= prev[0] && row[1] >= prev[1], `row ${n} does not shrink`);
    }
  }
  assert.equal(RUNS_CRITICAL_VALUES[9], undefined);
  assert.equal(RUNS_CRITICAL_VALUES[61], undefined);
});

test('property: every shift and trend satisfies its rule; flipping the direction flips improvement', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), (series) => {
      const a = analyseRunChart(series, { direction: 'increase' });
      const b = analyseRunChart(series, { direction: 'decrease' });
      assert.equal(a.signals.length, b.signals.length);
      a.signals.forEach((s, i) => assert.equal(s.improvement, !b.signals[i]!.improvement));
      if (a.median === null) return;
      for (const s of a.signals) {
        assert.ok(s.start >= 0 && s.end < series.length && s.start <= s.end);
        const slice = series.slice(s.start, s.end + 1);
        if (s.type === 'shift') {
          const off = slice.filter((v) => v !== a.median);
          assert.ok(off.length >= 6 && off.length === s.length);
          assert.ok(off.every((v) => (s.direction === 'up' ? v > a.median! : v < a.median!)));
        }
        if (s.type === 'trend') {
          const counted = slice.filter((v, i) => i === 0 || v !== slice[i - 1]);
          assert.equal(counted.length, s.length);
          assert.ok(counted.length >= 5);
          for (let i = 1; i < counted.length; i++)
            assert.ok(s.direction === 'up' ? counted[i]! > counted[i - 1]! : counted[i]! < counted[i - 1]!);
        }
      }
      // runs = crossings + 1 over the useful observations
      const sides = series.filter((v) => v !== a.median).map((v) => Math.sign(v - a.median!));
      const expectedRuns = sides.length === 0 ? 0 : 1 + sides.filter((s, i) => i > 0 && s !== sides[i - 1]).length;
      assert.equal(a.runs, expectedRuns);
    }),
    { numRuns: 300 },
  );
});

test('describeRunChart says it in sentences, with dates and units', () => {
  const low = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12];
  const high = [20, 22, 21, 23, 20, 22, 21, 23, 20, 22];
  const values = [...low, ...high];
  const dates = values.map((_, i) =>
    `2023-${String((i % 12) + 1).padStart(2, '0')}-01`.replace('2023', String(2023 + Math.floor(i / 12))),
  );
  const text = describeRunChart(analyseRunChart(values, { direction: 'increase', baselinePoints: 10 }), {
    unit: '%',
    dates,
    values,
  });
  assert.deepEqual(text, [
    '20 points from 2023-01-01 to 2024-08-01.',
    'Baseline median 11.5%: the 10 points before 2023-11-01, when the first change was tested.',
    '10 runs: within the expected range (6 to 16 for 20 points off the centre line).',
    'Shift: 10 points above the baseline from 2023-11-01 to 2024-08-01, in the direction of improvement.',
    'The run chart shows improvement since the baseline.',
  ]);
  // The same points with no change tested: described, never credited.
  assert.deepEqual(describeRunChart(analyseRunChart(values, { direction: 'increase' }), { unit: '%', dates }), [
    '20 points from 2023-01-01 to 2024-08-01.',
    'Median 16.5%: every point is baseline (no change tested yet), so no pattern counts as improvement.',
    '2 runs: too few, a sign of a shift in the process (6 to 16 for 20 points off the centre line).',
    'Shift: 10 points below the median from 2023-01-01 to 2023-10-01, during the baseline.',
    'Shift: 10 points above the median from 2023-11-01 to 2024-08-01, during the baseline.',
  ]);
  // A fall after the baseline says since when the measure has moved against its aim.
  const fall = [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11];
  assert.deepEqual(
    describeRunChart(analyseRunChart(fall, { direction: 'increase', baselinePoints: 6, recordedBaseline: 30 }), {
      dates: dates.slice(0, 12),
    }),
    [
      '12 points from 2023-01-01 to 2023-12-01.',
      'Baseline 30: the recorded baseline (only 6 points before 2023-07-01, when the first change was tested).',
      '1 run; the runs test needs 10 to 60 points off the centre line (6 so far).',
      'Shift: 6 points below the baseline from 2023-07-01 to 2023-12-01, against the direction of improvement.',
      'The measure has moved against its aim since 2023-07-01.',
    ],
  );
  assert.deepEqual(describeRunChart(analyseRunChart([], { direction: 'increase' })), ['No data yet.']);
  assert.equal(
    describeRunChart(analyseRunChart([3, 4, 5], { direction: 'increase', recordedBaseline: 4 }))[1],
    'Baseline 4: the recorded baseline (only 3 points before the first change was tested). No change tested yet, so no pattern counts as improvement.',
  );
  assert.deepEqual(describeRunChart(analyseRunChart([3, 4], { direction: 'decrease' }), { unit: 'days' }), [
    '2 points.',
    'Median 3.5 days: every point is baseline (no change tested yet), so no pattern counts as improvement.',
    '2 runs; the runs test needs 10 to 60 points off the centre line (2 so far).',
    'No shift or trend yet.',
  ]);
  const spike = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 40];
  assert.equal(
    describeRunChart(analyseRunChart(spike, { direction: 'decrease' }), { values: spike }).at(-1),
    'Unusual point (40), far above the rest, against the direction of improvement.',
  );
});
