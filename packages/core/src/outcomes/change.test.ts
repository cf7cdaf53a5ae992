import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareOutcomeChange, pairedChange, pairResponses } from './change.js';
import { ONS4 } from './ons4.js';
import type { Instrument, OutcomeResponse } from './types.js';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-10) =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance,
    `${actual} is not within ${tolerance} of ${expected}`,
  );

let next = 0;
function response(
  person: string,
  practiceId: string,
  timepoint: 'baseline' | 'follow-up',
  date: string,
  answers: Record<string, number | null>,
  instrumentId = 'ons4',
): OutcomeResponse {
  return { id: `r-${++next}`, instrumentId, person, practiceId, timepoint, date, answers };
}

/** ONS4 answers; items not given are left out (not answered). */
const ons = (life: number, worthwhile: number, happy: number, anxious: number) => ({
  'life-satisfaction': life,
  worthwhile,
  happiness: happy,
  anxiety: anxious,
});

// Worked example, programme practice "p1", 5 people (ONS4):
//   life satisfaction baseline [5, 4, 6, 3, 7], follow-up [7, 5, 6, 6, 8] → changes [2, 1, 0, 3, 1]
//   anxiety           baseline [8, 7, 9, 6, 8], follow-up [4, 5, 5, 3, 4] → changes [−4, −2, −4, −3, −4]
// Comparison practice "c1", 4 people:
//   life satisfaction baseline [6, 5, 4, 7], follow-up [7, 5, 3, 7] → changes [1, 0, −1, 0]
//   anxiety           baseline [5, 5, 5, 5], follow-up [5, 6, 4, 5] → changes [0, 1, −1, 0]
const PROGRAMME = [
  [5, 7, 8, 4],
  [4, 5, 7, 5],
  [6, 6, 9, 5],
  [3, 6, 6, 3],
  [7, 8, 8, 4],
] as const;
const COMPARISON = [
  [6, 7, 5, 5],
  [5, 5, 5, 6],
  [4, 3, 5, 4],
  [7, 7, 5, 5],
] as const;

function workedExample(): OutcomeResponse[] {
  const out: OutcomeResponse[] = [];
  PROGRAMME.forEach(([lifeBefore, lifeAfter, anxBefore, anxAfter], i) => {
    out.push(response(`prog-${i}`, 'p1', 'baseline', '2024-01-10', ons(lifeBefore, 6, 6, anxBefore)));
    out.push(response(`prog-${i}`, 'p1', 'follow-up', '2024-07-10', ons(lifeAfter, 6, 6, anxAfter)));
  });
  COMPARISON.forEach(([lifeBefore, lifeAfter, anxBefore, anxAfter], i) => {
    out.push(response(`comp-${i}`, 'c1', 'baseline', '2024-01-12', ons(lifeBefore, 6, 6, anxBefore)));
    out.push(response(`comp-${i}`, 'c1', 'follow-up', '2024-07-12', ons(lifeAfter, 6, 6, anxAfter)));
  });
  return out;
}

const cohortOf = (id: string) => (id === 'p1' ? 'programme' : id === 'c1' ? 'comparison' : undefined);

describe('pairedChange (worked example)', () => {
  const programmeOnly = workedExample().filter((r) => r.practiceId === 'p1');
  const change = pairedChange(ONS4, programmeOnly);

  it('reports the four ONS4 items separately, with no total', () => {
    assert.deepEqual(
      change.measures.map((m) => [m.id, m.better]),
      [
        ['life-satisfaction', 'higher'],
        ['worthwhile', 'higher'],
        ['happiness', 'higher'],
        ['anxiety', 'lower'],
      ],
    );
    assert.equal(change.paired, 5);
  });

  it('life satisfaction: mean change 1.4, 95% CI −0.016 to 2.816, n 5 — unclear', () => {
    // changes [2, 1, 0, 3, 1]: sum 7, d̄ = 1.4
    // deviations [0.6, −0.4, −1.4, 1.6, −0.4], squares sum 0.36+0.16+1.96+2.56+0.16 = 5.2, s² = 5.2/4 = 1.3
    // SE = √(1.3/5) = √0.26 = 0.5099020; t(0.975, 4) = 2.7764451
    // CI = 1.4 ± 2.7764451 × 0.5099020 = 1.4 ± 1.4157148 = [−0.0157148, 2.8157148]: it includes 0
    const life = change.measures[0]!;
    assert.equal(life.n, 5);
    close(life.baselineMean, 5); // (5+4+6+3+7)/5 = 25/5
    close(life.followUpMean, 6.4); // (7+5+6+6+8)/5 = 32/5
    close(life.mean, 1.4);
    close(life.sd, Math.sqrt(1.3));
    close(life.ci!.lower, -0.015714776982272305);
    close(life.ci!.upper, 2.815714776982272);
    assert.equal(life.verdict, 'unclear');
  });

  it('anxiety: mean change −3.4, 95% CI −4.511 to −2.289 — better, because lower is better', () => {
    // changes [−4, −2, −4, −3, −4]: sum −17, d̄ = −3.4
    // deviations [−0.6, 1.4, −0.6, 0.4, −0.6], squares sum 0.36+1.96+0.36+0.16+0.36 = 3.2, s² = 0.8
    // SE = √(0.8/5) = √0.16 = 0.4; CI = −3.4 ± 2.7764451 × 0.4 = −3.4 ± 1.1105780 = [−4.5105780, −2.2894220]
    const anxiety = change.measures[3]!;
    close(anxiety.mean, -3.4);
    close(anxiety.se, 0.4);
    close(anxiety.ci!.lower, -4.510578042079118);
    close(anxiety.ci!.upper, -2.2894219579208825);
    assert.equal(anxiety.verdict, 'better');
  });

  it('no change at all gives a zero-width interval at 0, which is unclear', () => {
    const worthwhile = change.measures[1]!;
    close(worthwhile.mean, 0);
    assert.deepEqual(worthwhile.ci, { lower: 0, upper: 0 });
    assert.equal(worthwhile.verdict, 'unclear');
  });
});

describe('compareOutcomeChange: difference in differences (worked example)', () => {
  const comparison = compareOutcomeChange(ONS4, workedExample(), cohortOf);

  it('life satisfaction: D = 1.4 − 0 = 1.4, Welch SE 0.6532, df 6.959, 95% CI −0.146 to 2.946', () => {
    // Programme: d̄ₚ = 1.4, sₚ² = 1.3, nₚ = 5 → sₚ²/nₚ = 0.26
    // Comparison changes [1, 0, −1, 0]: d̄꜀ = 0, s꜀² = (1+0+1+0)/3 = 2/3, n꜀ = 4 → s꜀²/n꜀ = 1/6
    // D = 1.4; SE = √(0.26 + 0.1666667) = √0.4266667 = 0.6531973
    // ν = 0.4266667² / (0.26²/4 + 0.1666667²/3) = 0.1820444 / 0.0261593 = 6.9590825
    // t(0.975, 6.9590825) = 2.3674456; CI = 1.4 ± 2.3674456 × 0.6531973 = 1.4 ± 1.5464090
    const life = comparison.measures[0]!;
    assert.equal(life.programme.n, 5);
    assert.equal(life.comparison.n, 4);
    close(life.comparison.mean, 0);
    close(life.comparison.sd, Math.sqrt(2 / 3));
    close(life.difference!.estimate, 1.4);
    close(life.difference!.se, 0.6531972647421808);
    close(life.difference!.df, 6.959082542828825);
    close(life.difference!.ci.lower, -0.14640900853158367, 1e-9);
    close(life.difference!.ci.upper, 2.9464090085315835, 1e-9);
    assert.equal(life.individualVerdict, 'unclear');
    // One practice per cohort: no cluster-aware interval, so no verdict, and too few practices.
    assert.deepEqual(life.clusters.practices, { programme: 1, comparison: 1 });
    assert.equal(life.clusters.primary, null);
    assert.equal(life.clusters.tooFewPractices, true);
    assert.equal(life.verdict, null);
  });

  it('anxiety: the programme fell by 3.4 more than the comparison — better, if people were independent', () => {
    // Comparison anxiety changes [0, 1, −1, 0]: d̄ = 0, s² = 2/3 (as above).
    // D = −3.4 − 0 = −3.4; SE = √(0.16 + 1/6) = √0.3266667 = 0.5715476
    // ν = 0.3266667² / (0.16²/4 + 0.1666667²/3) = 0.1067111 / (0.0064 + 0.0092593) = 6.8146
    const anxiety = comparison.measures[3]!;
    close(anxiety.difference!.estimate, -3.4);
    close(anxiety.difference!.se, Math.sqrt(0.16 + 1 / 6));
    close(anxiety.difference!.df, (0.16 + 1 / 6) ** 2 / (0.16 ** 2 / 4 + (1 / 6) ** 2 / 3));
    assert.ok(anxiety.difference!.ci.upper < 0);
    assert.equal(anxiety.individualVerdict, 'better');
  });

  it('counts each cohort separately and leaves out practices in neither cohort', () => {
    const extra = [
      ...workedExample(),
      response('elsewhere', 'x9', 'baseline', '2024-01-01', ons(1, 1, 1, 1)),
      response('elsewhere', 'x9', 'follow-up', '2024-06-01', ons(9, 9, 9, 9)),
      response('lost', 'p1', 'baseline', '2024-01-01', ons(1, 1, 1, 1)),
    ];
    const result = compareOutcomeChange(ONS4, extra, cohortOf);
    assert.equal(result.programme.paired, 5);
    assert.equal(result.programme.baselineOnly, 1);
    assert.equal(result.comparison.paired, 4);
    assert.equal(result.unassigned, 1);
    close(result.measures[0]!.difference!.estimate, 1.4);
  });

  it('gives no difference when a cohort has fewer than 2 pairs', () => {
    const oneComparison = workedExample().filter((r) => r.practiceId === 'p1' || r.person === 'comp-0');
    const result = compareOutcomeChange(ONS4, oneComparison, cohortOf);
    assert.equal(result.measures[0]!.comparison.n, 1);
    assert.equal(result.measures[0]!.difference, null);
    assert.equal(result.measures[0]!.verdict, null);
  });
});

describe('pairResponses', () => {
  it('takes the earliest baseline and the latest follow-up on or after it', () => {
    const responses = [
      response('a', 'p1', 'follow-up', '2024-03-01', ons(5, 5, 5, 5)),
      response('a', 'p1', 'baseline', '2024-02-01', ons(2, 2, 2, 2)),
      response('a', 'p1', 'baseline', '2024-01-01', ons(1, 1, 1, 1)),
      response('a', 'p1', 'follow-up', '2024-06-01', ons(9, 9, 9, 9)),
      response('b', 'p1', 'baseline', '2024-01-01', ons(1, 1, 1, 1)),
      response('c', 'p1', 'follow-up', '2024-01-01', ons(1, 1, 1, 1)),
      response('d', 'p1', 'baseline', '2024-05-01', ons(1, 1, 1, 1)),
      response('d', 'p1', 'follow-up', '2024-04-01', ons(1, 1, 1, 1)),
      response('a', 'p1', 'baseline', '2023-01-01', ons(0, 0, 0, 0), 'other-instrument'),
    ];
    const paired = pairResponses('ons4', responses);
    assert.equal(paired.pairs.length, 1);
    assert.equal(paired.pairs[0]!.baseline.date, '2024-01-01');
    assert.equal(paired.pairs[0]!.followUp.date, '2024-06-01');
    assert.deepEqual(paired.baselineOnly, ['b']);
    assert.deepEqual(paired.followUpOnly, ['c', 'd']);
  });

  it('leaves a skipped item out of that item only', () => {
    const responses = [
      response('a', 'p1', 'baseline', '2024-01-01', { ...ons(4, 4, 4, 4), anxiety: null }),
      response('a', 'p1', 'follow-up', '2024-06-01', ons(6, 4, 4, 2)),
      response('b', 'p1', 'baseline', '2024-01-01', ons(5, 5, 5, 5)),
      response('b', 'p1', 'follow-up', '2024-06-01', { 'life-satisfaction': 7, worthwhile: 5, happiness: 5 }),
    ];
    const change = pairedChange(ONS4, responses);
    assert.equal(change.measures[0]!.n, 2);
    close(change.measures[0]!.mean, 2); // (6−4 + 7−5)/2
    assert.equal(change.measures[3]!.n, 0);
    assert.equal(change.measures[3]!.mean, null);
    assert.equal(change.measures[3]!.verdict, null);
  });
});

describe('an instrument with a summed total', () => {
  const threeItems: Instrument = {
    kind: 'links.instrument',
    id: 'mini',
    version: '1.0.0',
    name: 'Mini scale',
    source: { citation: 'Made up for a test' },
    items: ['a', 'b', 'c'].map((id) => ({
      id,
      text: `Item ${id}?`,
      shortName: `Item ${id}`,
      options: [0, 1, 2, 3, 4].map((value) => ({ value, label: String(value) })),
      better: 'higher' as const,
    })),
    scoring: { items: false, total: { id: 'total', name: 'Total', method: 'sum', better: 'higher' } },
  };

  it('reports only the total, counting only complete answers', () => {
    // person x: total 1+1+1 = 3 → 4+4+3 = 11, change +8
    // person y: total 2+2+2 = 6 → 3+3+3 = 9,  change +3
    // person z: skipped c at follow-up → left out of the total
    // changes [8, 3]: mean 5.5, s² = (2.5² + 2.5²)/1 = 12.5, SE = √(12.5/2) = 2.5, t(0.975, 1) = 12.7062047
    const responses = [
      response('x', 'p1', 'baseline', '2024-01-01', { a: 1, b: 1, c: 1 }, 'mini'),
      response('x', 'p1', 'follow-up', '2024-05-01', { a: 4, b: 4, c: 3 }, 'mini'),
      response('y', 'p1', 'baseline', '2024-01-01', { a: 2, b: 2, c: 2 }, 'mini'),
      response('y', 'p1', 'follow-up', '2024-05-01', { a: 3, b: 3, c: 3 }, 'mini'),
      response('z', 'p1', 'baseline', '2024-01-01', { a: 2, b: 2, c: 2 }, 'mini'),
      response('z', 'p1', 'follow-up', '2024-05-01', { a: 4, b: 4, c: null }, 'mini'),
    ];
    const change = pairedChange(threeItems, responses);
    assert.deepEqual(
      change.measures.map((m) => m.id),
      ['total'],
    );
    const total = change.measures[0]!;
    assert.equal(total.n, 2);
    close(total.mean, 5.5);
    close(total.se, 2.5);
    close(total.ci!.lower, 5.5 - 12.706204736174707 * 2.5, 1e-9);
    assert.equal(total.verdict, 'unclear');
  });
});
