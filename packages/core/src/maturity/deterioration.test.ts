// Issue 13, section 1: maturity must never reward a measure that got worse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planSchema } from '../plan/schema.js';
import { parseWith } from '../validation/parse.js';
import type { Plan } from '../plan/types.js';
import { scorePlan, type CapacityScore } from './score.js';
import { buildCriterionContext } from './criteria.js';
import { DEFAULT_RUBRIC_PARAMETERS } from './rubric.js';

const month = (i: number) => {
  const y = 2022 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

interface Shape {
  readonly values: readonly number[];
  readonly direction?: 'increase' | 'decrease';
  /** Month (index) the first PDSA cycle starts: the points before it are the baseline. */
  readonly changeAt?: number;
  /** The recorded baseline value, when there is one. */
  readonly baseline?: number;
  readonly target?: number;
  /** The cycle's Act is adopt (completed the day it starts). */
  readonly adopt?: boolean;
}

/** A plan whose signposting capacity holds everything up to level 2.5, and one measure with `values` monthly from 2022-01. */
function planWith(shape: Shape): Plan {
  const changeAt = shape.changeAt ?? 1;
  const last = Math.max(shape.values.length - 1, changeAt);
  return {
    kind: 'links.plan',
    schemaVersion: 2,
    id: 'plan-1',
    practice: { id: 'practice-1', name: 'Parkhead Health Centre', cohort: 'programme', listSize: 6200 },
    framework: { id: 'links-approach', version: '1.0.0' },
    title: 'Links business plan',
    status: 'agreed',
    revision: 1,
    savedAt: `${month(last)}T12:00:00Z`,
    savedBy: 'Practice manager',
    capacities: {
      signposting: {
        owner: { role: 'Community Links Practitioner' },
        team: ['Reception lead'],
        aims: [
          {
            id: 'aim-1',
            statement: 'Everyone who would benefit is offered information about local support.',
            target: shape.target ?? ((shape.direction ?? 'increase') === 'increase' ? 1000 : -1000),
            unit: 'signposts',
            targetDate: '2030-12-31',
            measureId: 'm-1',
          },
        ],
        measures: [
          {
            id: 'm-1',
            name: 'Signposts recorded',
            kind: 'outcome',
            unit: 'signposts',
            direction: shape.direction ?? 'increase',
            ...(shape.baseline !== undefined ? { baseline: { value: shape.baseline } } : {}),
            points: shape.values.map((value, i) => ({ date: month(i), value })),
          },
        ],
        changeIdeas: [
          {
            id: 'ci-1',
            title: 'ALISS search at reception',
            cycles: [
              {
                id: 'cy-1',
                plan: 'Try it on Mondays',
                prediction: 'More signposts',
                startDate: month(changeAt),
                do: 'Done',
                study: 'As predicted',
                act: shape.adopt ? 'adopt' : 'adapt',
                completedDate: month(changeAt),
              },
            ],
          },
        ],
        evidence: [],
      },
    },
    themes: {},
  };
}

const signposting = (plan: Plan, asOf?: string): CapacityScore =>
  scorePlan(plan, asOf ? { asOf } : {}).capacities.find((c) => c.capacityId === 'signposting')!;

/** The centre line the scorer judges the measure against. */
function centreOf(plan: Plan): number {
  const ctx = buildCriterionContext(plan, 'signposting', plan.savedAt.slice(0, 10), DEFAULT_RUBRIC_PARAMETERS);
  return ctx.measures[0]!.centre!;
}

test('the fixtures are valid plans', () => {
  const result = parseWith(planSchema, planWith({ values: [1, 2, 3], baseline: 1, adopt: true }));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
});

test('issue 13: an "increase" measure at 30 ×6 then 11 ×6 never scores Improvement, and the next step says so', () => {
  const values = [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11];
  for (const changeAt of [0, 1, 3, 6])
    for (const baseline of [undefined, 30]) {
      const s = signposting(planWith({ values, changeAt, ...(baseline !== undefined ? { baseline } : {}) }));
      assert.equal(s.level, 2.5, `change at ${changeAt}, baseline ${baseline}`);
      assert.equal(s.nextStep?.criterion, 'moving-toward-target');
      assert.match(s.nextStep!.reason, /the measure has moved against its aim since 2022-07-01/);
      const signal = s.criteria.find((c) => c.id === 'improvement-signal')!;
      assert.equal(signal.met, false);
      assert.match(signal.reason, /the measure has moved against its aim since 2022-07-01 \(a shift of 6 points below/);
    }
});

test('issue 13: a steady fall from 30 to 11 over 20 months, target 11, a change adopted, is not Sustainable', () => {
  const values = Array.from({ length: 20 }, (_, i) => 30 - i);
  const plan = planWith({ values, changeAt: 1, baseline: 30, target: 11, adopt: true });
  const s = signposting(plan);
  assert.equal(s.level, 2.5);
  assert.match(
    s.nextStep!.reason,
    /^“Signposts recorded” is at 11 signposts, not better than its baseline of 30 signposts: /,
  );
  // The fall is a trend from the last baseline point (30, in January).
  assert.match(
    s.nextStep!.reason,
    /the measure has moved against its aim since 2022-01-01 \(a trend of 20 points falling\)/,
  );
  for (const id of ['improvement-signal', 'target-met', 'target-sustained'])
    assert.equal(s.criteria.find((c) => c.id === id)!.met, false, id);
  assert.match(
    s.criteria.find((c) => c.id === 'target-sustained')!.reason,
    /has met its target of 11 signposts, but the measure has moved against its aim since/,
  );
});

test('a deterioration in any shape never reaches Improvement; a sustained improvement after the baseline does', () => {
  const shapes: Record<string, Shape> = {
    'rise then fall': { values: [10, 12, 14, 16, 18, 20, 22, 20, 17, 14, 11, 8, 6, 5], baseline: 10 },
    'steady decline': { values: Array.from({ length: 18 }, (_, i) => 40 - 2 * i), baseline: 40 },
    'late collapse': { values: [10, 11, 10, 12, 15, 18, 20, 21, 20, 22, 4, 3, 4, 3, 2, 3], baseline: 10 },
    'a "decrease" measure that rises': {
      values: [2, 2, 2, 5, 2, 2, 2, 8, 8, 8, 8, 8, 5],
      direction: 'decrease',
      changeAt: 7,
    },
  };
  for (const [name, shape] of Object.entries(shapes)) {
    const s = signposting(planWith({ ...shape, adopt: true }));
    assert.ok(s.level < 3.5, `${name}: ${s.level}`);
  }
  const improving = signposting(
    planWith({ values: [10, 11, 9, 10, 13, 15, 16, 18, 18, 19, 20, 21], changeAt: 4, baseline: 10, adopt: true }),
  );
  assert.equal(improving.level, 3.5);
  assert.match(
    improving.criteria.find((c) => c.id === 'improvement-signal')!.reason,
    /shows a shift of 8 points above its baseline of 10 signposts since the first change was tested \(2022-05-01\)/,
  );
});

test('a target counts only when the latest points meet it, not an early point', () => {
  // Baseline 10; a rise to 20 (target 18 met at 2022-07), then the latest point falls back to 17.
  const plan = planWith({ values: [10, 12, 14, 16, 18, 20, 17], baseline: 10, target: 18 });
  const s = signposting(plan);
  assert.equal(s.level, 3.5);
  assert.equal(s.nextStep?.criterion, 'target-met');
  assert.equal(
    s.nextStep?.reason,
    'The latest value of “Signposts recorded” is 17 signposts, short of its target of 18 signposts.',
  );
  // Baseline points at the target do not count either: a target met only before the change is not met.
  const before = signposting(planWith({ values: [20, 20, 20, 20], changeAt: 4, baseline: 20, target: 18 }));
  assert.equal(before.criteria.find((c) => c.id === 'target-met')!.met, false);
});

test('PDSA: a Study with no completion date scores no higher than the same cycle completed after the as-of date', () => {
  const base = planWith({ values: [10, 12, 14, 16, 18, 20], baseline: 10 });
  const cycle = base.capacities['signposting']!.changeIdeas[0]!.cycles[0]!;
  const open = structuredClone(base);
  delete (open.capacities['signposting']!.changeIdeas[0]!.cycles[0] as { completedDate?: string }).completedDate;
  delete (open.capacities['signposting']!.changeIdeas[0]!.cycles[0] as { act?: string }).act;
  const late = structuredClone(base);
  late.capacities['signposting']!.changeIdeas[0]!.cycles[0] = { ...cycle, completedDate: '2023-01-01' };
  const asOf = '2022-06-30';
  const openScore = signposting(open, asOf);
  const lateScore = signposting(late, asOf);
  assert.equal(lateScore.level, 2);
  assert.ok(openScore.level <= lateScore.level, `${openScore.level} > ${lateScore.level}`);
  assert.equal(openScore.level, 2);
  assert.equal(
    openScore.nextStep?.reason,
    'A PDSA cycle of “ALISS search at reception” has a Study written, but no completion date: a Study counts once the cycle is completed.',
  );
  assert.equal(
    lateScore.nextStep?.reason,
    'A PDSA cycle of “ALISS search at reception” is completed on 2023-01-01, after 2022-06-30: its Study counts from then.',
  );
  // Completed by the as-of date, it counts.
  assert.ok(signposting(base, asOf).level >= 2.5);
});

// --- properties -----------------------------------------------------------

const directionArb = fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease');

test('a fall right from the first change, with only a recorded baseline, is reported as moving against its aim, not a crash', () => {
  // fast-check's counterexample: no baseline points (the change starts at the first month), recorded baseline 0.
  const plan = planWith({ values: [0, -1, -2, -2, -2, -17, -1], changeAt: 0, baseline: 0, direction: 'increase' });
  const score = signposting(plan, month(13));
  assert.ok(score.level <= 2.5, `scored ${score.level}`);
  assert.match(score.nextStep?.reason ?? JSON.stringify(score), /moved against its aim since 2022-02-01/);
});

test('property: appending a sustained deterioration (≥ 6 points worse than the baseline) never raises the level', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 24 }),
      fc.nat({ max: 24 }),
      fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      directionArb,
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 6, maxLength: 12 }),
      fc.boolean(),
      (values, at, baseline, target, direction, worseBy, adopt) => {
        const changeAt = Math.min(at, values.length);
        const shape: Shape = {
          values,
          changeAt,
          direction,
          adopt,
          ...(baseline !== undefined ? { baseline } : {}),
          ...(target !== undefined ? { target } : {}),
        };
        const before = planWith(shape);
        const centre = centreOf(before);
        const sign = direction === 'increase' ? -1 : 1;
        const after = planWith({ ...shape, values: [...values, ...worseBy.map((d) => centre + sign * d)] });
        const asOf = month(values.length + worseBy.length + changeAt);
        const a = signposting(before, asOf).level;
        const b = signposting(after, asOf).level;
        assert.ok(b <= a, `level rose from ${a} to ${b}`);
        assert.ok(b <= 2.5, `a measure ending worse than its baseline scored ${b}`);
      },
    ),
    { numRuns: 300 },
  );
});

/** Baseline values, then `gains` (each ≥ 1, non-decreasing) away from the centre line in the direction of improvement. */
const improvingArb = fc.record({
  baselineValues: fc.array(fc.integer({ min: 20, max: 40 }), { minLength: 1, maxLength: 14 }),
  recorded: fc.option(fc.integer({ min: 20, max: 40 }), { nil: undefined }),
  steps: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 18 }),
  first: fc.integer({ min: 1, max: 10 }),
  direction: directionArb,
});

function improvingShape(input: {
  baselineValues: number[];
  recorded: number | undefined;
  steps: number[];
  first: number;
  direction: 'increase' | 'decrease';
}): { shape: Shape; centre: number; gains: number[]; sign: number } {
  const { baselineValues, recorded, steps, first, direction } = input;
  const shape: Shape = {
    values: baselineValues,
    changeAt: baselineValues.length,
    direction,
    ...(recorded !== undefined ? { baseline: recorded } : {}),
  };
  const centre = centreOf(planWith(shape));
  const gains: number[] = [];
  let g = first;
  for (const s of steps) gains.push((g += s));
  return { shape, centre, gains, sign: direction === 'increase' ? 1 : -1 };
}

test('property: an improving series scores Improvement and keeps its level as the gain holds', () => {
  fc.assert(
    fc.property(improvingArb, fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), (input, more) => {
      const { shape, centre, gains, sign } = improvingShape(input);
      const improving = [...shape.values, ...gains.map((d) => centre + sign * d)];
      const level = signposting(planWith({ ...shape, values: improving }), month(improving.length + 1)).level;
      assert.ok(level >= 3.5, `an improving series scored ${level}`);
      let last = gains.at(-1)!;
      const held = [...improving, ...more.map((d) => centre + sign * (last += d))];
      const later = signposting(planWith({ ...shape, values: held }), month(held.length + 1)).level;
      assert.ok(later >= level, `holding the gain lowered the level from ${level} to ${later}`);
    }),
    { numRuns: 200 },
  );
});

test('property: reversing an improving series after its baseline never scores Improvement or above', () => {
  fc.assert(
    fc.property(improvingArb, (input) => {
      const { shape, centre, gains, sign } = improvingShape(input);
      // The same movement, the other way: what rose by d now falls by d.
      const reversed = [...shape.values, ...gains.map((d) => centre - sign * d)];
      const level = signposting(
        planWith({ ...shape, values: reversed, adopt: true }),
        month(reversed.length + 1),
      ).level;
      assert.ok(level < 3.5, `a reversed improvement scored ${level}`);
      // And the improvement run backwards in time (falling back toward the baseline) is never credited either.
      const backwards = [...shape.values, ...gains.map((d) => centre + sign * d).reverse()];
      const back = signposting(planWith({ ...shape, values: backwards, adopt: true }), month(backwards.length + 1));
      if (new Set(gains).size >= 5) assert.ok(back.level < 3.5, `an improvement run backwards scored ${back.level}`);
    }),
    { numRuns: 200 },
  );
});
