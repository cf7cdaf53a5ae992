import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemoData, generatePractices } from './generate.js';
import { createDemoRandom } from './random.js';
import { validatePlan } from '../plan/document.js';
import { scorePlan } from '../maturity/score.js';
import { compareCohorts } from '../maturity/cohorts.js';
import { scoreHistory } from '../maturity/history.js';
import { medianOf } from '../shared/stats.js';
import type { Plan } from '../plan/types.js';

test('the same seed gives the same data; another seed gives other data; Math.random is never used', () => {
  const original = Math.random;
  Math.random = () => {
    throw new Error('Math.random must not be used');
  };
  try {
    const a = generateDemoData({ practices: 6, seed: 42 });
    const b = generateDemoData({ practices: 6, seed: 42 });
    const c = generateDemoData({ practices: 6, seed: 43 });
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.notEqual(JSON.stringify(a.plans), JSON.stringify(c.plans));
  } finally {
    Math.random = original;
  }
});

test('random streams are independent and reproducible', () => {
  const x = createDemoRandom(7, 'plans');
  const y = createDemoRandom(7, 'plans');
  const z = createDemoRandom(7, 'referrals');
  const xs = Array.from({ length: 5 }, () => x.next());
  assert.deepEqual(
    xs,
    Array.from({ length: 5 }, () => y.next()),
  );
  assert.notDeepEqual(
    xs,
    Array.from({ length: 5 }, () => z.next()),
  );
  assert.ok(xs.every((v) => v >= 0 && v < 1));
  const r = createDemoRandom(1);
  for (let i = 0; i < 200; i++) {
    const n = r.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
  }
  assert.deepEqual(r.sample([1, 2, 3], 5).sort(), [1, 2, 3]);
});

test('practices: Glasgow-like localities, list sizes 3,000–12,000, an even cohort split, stable prefixes', () => {
  const practices = generatePractices(40, 'glasgow');
  assert.equal(new Set(practices.map((p) => p.id)).size, 40);
  assert.equal(new Set(practices.map((p) => p.name)).size, 40, 'names are unique');
  for (const p of practices) {
    assert.ok(p.listSize >= 3000 && p.listSize <= 12000, `${p.listSize}`);
    assert.match(p.locality ?? '', /^Glasgow City HSCP \((North East|North West|South)\)$/);
  }
  assert.equal(practices.filter((p) => p.cohort === 'programme').length, 20);
  assert.deepEqual(generatePractices(10, 'glasgow'), practices.slice(0, 10));
  assert.equal(generatePractices(10, 'glasgow', 0.3).filter((p) => p.cohort === 'programme').length, 3);
});

test('every generated revision is a valid plan (schema and plan rules)', () => {
  const data = generateDemoData({ practices: 12, seed: 5, measuresPerCapacity: 3 });
  assert.equal(data.meta.synthetic, true);
  assert.equal(data.plans.length, 12 * 8, '8 revisions (every 3 months over 24) per practice');
  for (const plan of data.plans) {
    const result = validatePlan(plan);
    assert.ok(result.ok, `${plan.id} r${plan.revision}: ${JSON.stringify(!result.ok && result.errors.slice(0, 3))}`);
  }
  const first = data.plans[0]!;
  assert.deepEqual([first.revision, first.savedAt, first.status], [1, '2022-03-28T16:00:00Z', 'draft']);
});

test('plans mature over time, and programme practices mature faster than comparison practices', () => {
  const data = generateDemoData({ practices: 40, seed: 11 });
  const byPractice = new Map<string, Plan[]>();
  for (const plan of data.plans) byPractice.set(plan.practice.id, [...(byPractice.get(plan.practice.id) ?? []), plan]);
  const meanOf = (cohort: string, pick: (plans: Plan[]) => Plan) =>
    medianOf(
      data.practices.filter((p) => p.cohort === cohort).map((p) => scorePlan(pick(byPractice.get(p.id)!)).overall.mean),
    );
  const programmeFirst = meanOf('programme', (plans) => plans[0]!);
  const programmeLast = meanOf('programme', (plans) => plans[plans.length - 1]!);
  const comparisonLast = meanOf('comparison', (plans) => plans[plans.length - 1]!);
  assert.ok(programmeLast > programmeFirst + 1.5, `programme ${programmeFirst} → ${programmeLast}`);
  assert.ok(programmeLast > comparisonLast + 1, `programme ${programmeLast} vs comparison ${comparisonLast}`);

  // The revisions of one programme practice climb, and the latest has run-chart evidence.
  const history = scoreHistory(byPractice.get(data.practices.find((p) => p.cohort === 'programme')!.id)!);
  const overall = history.revisions.map((r) => r.score.overall.mean);
  assert.ok(overall[overall.length - 1]! > overall[0]!);

  const comparison = compareCohorts(data.practices, data.plans);
  assert.deepEqual([comparison.practices.programme, comparison.practices.comparison], [20, 20]);
  for (const capacity of comparison.capacities) {
    assert.ok(capacity.medianDifference! > 0, `${capacity.capacityId}: programme ahead`);
  }
});

test('self-assessments sit near the evidence-based level, and can be switched off', () => {
  const data = generateDemoData({ practices: 10, seed: 3 });
  const last = data.plans.filter((p) => p.revision === 8);
  const flags = last.flatMap((p) => scorePlan(p).selfAssessmentFlags);
  assert.ok(flags.length > 0);
  assert.ok(flags.every((f) => Math.abs(f.difference) <= 1));
  const none = generateDemoData({ practices: 10, seed: 3, selfAssessment: false });
  assert.ok(none.plans.every((p) => Object.values(p.capacities).every((c) => c.selfAssessedLevel === undefined)));
});

test('benchmark shape: all measures monthly from the start', () => {
  const data = generateDemoData({
    practices: 6,
    seed: 1,
    measuresPerCapacity: 3,
    allMeasuresFromStart: true,
    revisionEveryMonths: 24,
    selfAssessment: false,
  });
  assert.equal(data.plans.length, 6);
  for (const plan of data.plans) {
    assert.equal(Object.keys(plan.capacities).length, 7);
    for (const capacity of Object.values(plan.capacities)) {
      assert.equal(capacity.measures.length, 3);
      for (const m of capacity.measures) assert.equal(m.points.length, 24);
    }
    assert.ok(validatePlan(plan).ok);
  }
  // still a spread of maturity, not all plans alike
  assert.ok(new Set(data.plans.map((p) => scorePlan(p).overall.mean)).size > 3);
});
