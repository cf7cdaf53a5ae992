import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoData } from '../demo-data/index.js';
import { compareCohorts } from '../maturity/index.js';
import { completedEvents, inProgressEvents, rejectedEvents, states } from '../fhir/test-referral.js';
import { evaluateProgramme, maturityOverTime, referralFiguresByCohort, type EvaluationPractice } from './evaluation.js';
import { ONS4 } from './ons4.js';
import type { OutcomeResponse } from './types.js';

const PRACTICES: EvaluationPractice[] = [
  { id: 'practice-1', name: 'Practice One', cohort: 'programme', listSize: 5000 },
  { id: 'practice-2', name: 'Practice Two', cohort: 'programme', listSize: 3000 },
  { id: 'practice-3', name: 'Practice Three', cohort: 'comparison', listSize: 4000 },
  { id: 'practice-4', cohort: 'comparison' },
];

describe('referralFiguresByCohort', () => {
  // practice-1: a completed referral (3 contacts) and one in progress (no contacts); practice-2: one rejected.
  const referrals = states([...completedEvents(), ...inProgressEvents(), ...rejectedEvents()]);

  it('gives referrals per 1,000 patients over the cohort and per practice, and the share seen 3+ times', () => {
    const figures = referralFiguresByCohort(PRACTICES, referrals, { asOf: '2025-02-01' });
    // Programme: 3 referrals / (5,000 + 3,000) patients × 1,000 = 0.375 → 0.4
    assert.equal(figures.programme.referrals, 3);
    assert.equal(figures.programme.listSize, 8000);
    assert.equal(figures.programme.per1000, 0.4);
    // practice-1: 2 / 5,000 × 1,000 = 0.4; practice-2: 1 / 3,000 × 1,000 = 0.333 → 0.3
    assert.deepEqual(
      figures.programme.practiceRates.map((p) => [p.practiceId, p.referrals, p.per1000]),
      [
        ['practice-1', 2, 0.4],
        ['practice-2', 1, 0.3],
      ],
    );
    // 3 people; one was seen 3 times.
    assert.deepEqual(figures.programme.seenThreeOrMore, { count: 1, of: 3, share: 1 / 3 });
    assert.equal(figures.programme.linkedToResource.count, 1);
    // Comparison practices have no CLP, so no referrals: a rate of 0 where the list size is known.
    assert.equal(figures.comparison.referrals, 0);
    assert.equal(figures.comparison.per1000, 0);
    assert.deepEqual(
      figures.comparison.practiceRates.map((p) => p.per1000),
      [0, null],
    );
    assert.equal(figures.comparison.seenThreeOrMore.share, null);
  });

  it('counts only referrals requested in the period', () => {
    const none = referralFiguresByCohort(PRACTICES, referrals, { asOf: '2025-02-01', period: { from: '2025-01-07' } });
    assert.equal(none.programme.referrals, 0);
    const all = referralFiguresByCohort(PRACTICES, referrals, {
      asOf: '2025-02-01',
      period: { from: '2025-01-06', to: '2025-01-06' },
    });
    assert.equal(all.programme.referrals, 3);
  });
});

describe('maturity by cohort', () => {
  const demo = generateDemoData({ practices: 8, seed: 11, months: 12 });

  it('agrees with compareCohorts on the latest plans', () => {
    const result = evaluateProgramme({ practices: demo.practices, plans: demo.plans, asOf: '2022-12-31' });
    const expected = compareCohorts(demo.practices, demo.plans, { asOf: '2022-12-31' });
    assert.deepEqual(result.maturity!.programme.overall, expected.overall.programme);
    assert.deepEqual(result.maturity!.comparison.overall, expected.overall.comparison);
    assert.equal(result.maturity!.programme.capacities.length, 7);
    assert.equal(result.referrals, null);
    assert.equal(result.outcomes, null);
  });

  it('takes each cohort’s median level on each date from the plans saved by then', () => {
    const points = maturityOverTime(demo.practices, demo.plans, ['2022-12-31', '2021-06-30', '2022-06-30']);
    assert.deepEqual(
      points.map((p) => p.date),
      ['2021-06-30', '2022-06-30', '2022-12-31'],
    );
    assert.deepEqual([points[0]!.programme, points[0]!.programmeCount], [null, 0], 'no plans before the period');
    const last = points[2]!;
    assert.equal(last.programmeCount + last.comparisonCount, 8);
    const latest = compareCohorts(demo.practices, demo.plans, { asOf: '2022-12-31' });
    assert.equal(last.programme, latest.overall.programme!.median);
    assert.equal(last.comparison, latest.overall.comparison!.median);
  });
});

describe('evaluateProgramme: outcomes', () => {
  it('compares paired change between the cohorts by each person’s practice', () => {
    let n = 0;
    const r = (
      person: string,
      practiceId: string,
      timepoint: 'baseline' | 'follow-up',
      life: number,
    ): OutcomeResponse => ({
      id: `r${++n}`,
      instrumentId: 'ons4',
      person,
      practiceId,
      timepoint,
      date: timepoint === 'baseline' ? '2024-01-01' : '2024-07-01',
      answers: { 'life-satisfaction': life },
    });
    // Programme changes [2, 1, 0, 3, 1] (mean 1.4); comparison changes [1, 0, −1, 0] (mean 0): D = 1.4
    const responses = [
      ...[
        [5, 7],
        [4, 5],
        [6, 6],
        [3, 6],
        [7, 8],
      ].flatMap(([b, f], i) => [
        r(`p${i}`, i % 2 ? 'practice-1' : 'practice-2', 'baseline', b!),
        r(`p${i}`, 'practice-1', 'follow-up', f!),
      ]),
      ...[
        [6, 7],
        [5, 5],
        [4, 3],
        [7, 7],
      ].flatMap(([b, f], i) => [r(`c${i}`, 'practice-3', 'baseline', b!), r(`c${i}`, 'practice-3', 'follow-up', f!)]),
    ];
    const result = evaluateProgramme({
      practices: PRACTICES,
      outcomes: { instrument: ONS4, responses },
      asOf: '2024-08-01',
    });
    const life = result.outcomes!.measures[0]!;
    assert.equal(life.programme.n, 5);
    assert.equal(life.comparison.n, 4);
    assert.ok(Math.abs(life.difference!.estimate - 1.4) < 1e-12);
    assert.ok(Math.abs(life.difference!.df - 6.959082542828825) < 1e-9);
    assert.deepEqual(result.practices, { programme: 2, comparison: 2 });
  });
});

describe('examples/data/sample-outcomes.json', () => {
  it('is a valid, synthetic responses document for the demo cohort, and gives a difference per ONS4 item', async () => {
    const { readFileSync } = await import('node:fs');
    const { validateOutcomeResponses } = await import('./instrument.js');
    const text = readFileSync(new URL('../../../../examples/data/sample-outcomes.json', import.meta.url), 'utf8');
    const doc = validateOutcomeResponses(JSON.parse(text));
    assert.ok(doc.ok, !doc.ok ? JSON.stringify(doc.errors.slice(0, 3)) : '');
    assert.equal(doc.value.meta?.synthetic, true);
    // The demo page pairs these responses with generateDemoData({ practices: 12, seed: 2024 }).
    const demo = generateDemoData({ practices: 12, seed: 2024 });
    assert.deepEqual(doc.value.practices, demo.practices);
    const result = evaluateProgramme({
      practices: demo.practices,
      outcomes: { instrument: ONS4, responses: doc.value.responses },
      asOf: '2023-12-31',
    });
    assert.ok(result.outcomes!.programme.paired > 30 && result.outcomes!.comparison.paired > 20);
    assert.ok(result.outcomes!.measures.every((m) => m.difference !== null));
    // 6 programme and 6 comparison practices: enough for a practice-level interval without the too-few warning.
    for (const m of result.outcomes!.measures) {
      assert.deepEqual(m.clusters.practices, { programme: 6, comparison: 6 });
      assert.equal(m.clusters.tooFewPractices, false);
      assert.equal(m.clusters.primary?.df, 10);
    }
    const cr2 = evaluateProgramme({
      practices: demo.practices,
      outcomes: { instrument: ONS4, responses: doc.value.responses },
      asOf: '2023-12-31',
      clusterMethod: 'cr2',
    });
    assert.ok(
      cr2.outcomes!.measures.every((m) => m.clusters.method === 'cr2' && m.clusters.primary === m.clusters.cr2),
    );
  });
});
