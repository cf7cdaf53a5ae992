import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSchema } from '../plan/schema.js';
import { parseWith } from '../validation/parse.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import { scorePlan, roundDownToHalf } from './score.js';
import { LINKS_RUBRIC, validateRubric, type Rubric } from './rubric.js';
import type { CapacityPlan, Plan } from '../plan/types.js';
import type { CriteriaRegistry } from './criteria.js';

type CapacityDraft = CapacityPlan;

const month = (i: number) => {
  const y = 2022 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

function emptyCapacity(): CapacityDraft {
  return { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
}

function planOf(capacities: Record<string, CapacityPlan>, extra: Partial<Plan> = {}): Plan {
  return {
    kind: 'links.plan',
    schemaVersion: 2,
    id: 'plan-1',
    practice: {
      id: 'practice-1',
      name: 'Parkhead Health Centre',
      cohort: 'programme',
      listSize: 6200,
      locality: 'Glasgow City HSCP (North East)',
    },
    framework: { id: 'links-approach', version: '1.0.0' },
    title: 'Links business plan',
    status: 'agreed',
    revision: 3,
    savedAt: '2024-06-30T12:00:00Z',
    savedBy: 'Practice manager',
    capacities,
    themes: {},
    ...extra,
  };
}

/**
 * 24 monthly values from Jan 2022: 6 around 10, a rise (indices 5–10:
 * 10 → 20, a trend of 6), with the last 15 points at or above the target of 18.
 */
const improvingValues = [10, 11, 9, 10, 11, 10, 12, 14, 16, 18, 20, 19, 21, 20, 22, 21, 20, 22, 23, 21, 22, 24, 22, 23];

/** Builds a signposting capacity holding the evidence for exactly `level`. */
function capacityAt(level: number, values = improvingValues): CapacityDraft {
  const c = emptyCapacity();
  if (level >= 0.5) c.owner = { role: 'Community Links Practitioner', name: 'A. Link' };
  if (level >= 1) {
    c.team = ['Reception lead', 'GP partner'];
    c.aims = [{ id: 'aim-1', statement: 'Everyone who would benefit is offered information about local support.' }];
  }
  if (level >= 1.5) {
    c.aims = [{ ...c.aims[0]!, target: 18, unit: 'signposts per week', targetDate: '2024-12-31', measureId: 'm-1' }];
    c.measures = [
      {
        id: 'm-1',
        name: 'Signposts recorded',
        kind: 'outcome',
        unit: 'signposts per week',
        direction: 'increase',
        points: [],
      },
    ];
  }
  if (level >= 2) {
    c.measures = [
      {
        ...c.measures[0]!,
        baseline: { value: 10, date: '2021-12-01' },
        points: [{ date: month(0), value: values[0]! }],
      },
    ];
    c.changeIdeas = [{ id: 'ci-1', title: 'ALISS search at reception', cycles: [] }];
  }
  if (level >= 2.5) {
    c.changeIdeas = [
      {
        ...c.changeIdeas[0]!,
        cycles: [
          {
            id: 'cy-1',
            plan: 'Try ALISS on Mondays',
            prediction: 'Five signposts',
            startDate: month(1),
            do: 'Done',
            study: 'Seven signposts, more than predicted',
            completedDate: month(2),
          },
        ],
      },
    ];
  }
  const pointsUpTo = (n: number) => values.slice(0, n).map((value, i) => ({ date: month(i), value }));
  if (level >= 3)
    c.measures = [{ ...c.measures[0]!, points: pointsUpTo(2).map((p, i) => (i === 1 ? { ...p, value: 12 } : p)) }];
  // 3.5: a run-chart signal (a trend of 5 rising points) without reaching the target of 18
  if (level >= 3.5)
    c.measures = [{ ...c.measures[0]!, points: [9, 10, 11, 12, 13].map((value, i) => ({ date: month(i), value })) }];
  // 4: the target (18) reached at the latest point, after a trend of improvement
  if (level >= 4) c.measures = [{ ...c.measures[0]!, points: pointsUpTo(10) }];
  // 4.5: the target held on the last 6 points
  if (level >= 4.5) {
    c.measures = [{ ...c.measures[0]!, points: pointsUpTo(15) }];
    c.changeIdeas = [
      { ...c.changeIdeas[0]!, cycles: [{ ...c.changeIdeas[0]!.cycles[0]!, act: 'adopt', completedDate: month(2) }] },
    ];
  }
  if (level >= 5) {
    c.measures = [{ ...c.measures[0]!, points: pointsUpTo(24) }];
    c.changeIdeas = [
      { ...c.changeIdeas[0]!, spread: { date: month(20), note: 'All reception staff now search ALISS.' } },
    ];
  }
  return c;
}

const LEVELS = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

test('test fixtures are valid plans under the plan schema', () => {
  for (const level of LEVELS) {
    const result = parseWith(planSchema, planOf({ signposting: capacityAt(level) }));
    assert.ok(result.ok, `level ${level}: ${JSON.stringify(!result.ok && result.errors)}`);
  }
});

test('an empty plan scores every one of the 7 capacities at 0, with a next step', () => {
  const score = scorePlan(planOf({}));
  assert.deepEqual(
    score.capacities.map((c) => c.capacityId),
    LINKS_FRAMEWORK.capacities.map((c) => c.id),
  );
  for (const c of score.capacities) {
    assert.equal(c.level, 0);
    assert.equal(c.levelName, 'Not addressed');
    assert.deepEqual(c.nextStep && [c.nextStep.level, c.nextStep.criterion], [0.5, 'capacity-addressed']);
    assert.equal(c.nextStep?.reason, 'The plan has nothing for this capacity yet.');
    assert.equal(c.criteria.length, 16, 'every criterion of the rubric is reported');
  }
  assert.deepEqual(score.overall, { level: 0, mean: 0, min: 0, max: 0 });
  assert.equal(score.weakest.capacityIds.length, 7);
});

test('each level of the ladder is earned by its own evidence, and the next step names the first gap', () => {
  const expectedNext: Record<number, string | null> = {
    0.5: 'team-named',
    1: 'aim-has-target-and-date',
    1.5: 'baseline-recorded',
    2: 'pdsa-studied',
    2.5: 'moving-toward-target',
    3: 'improvement-signal',
    3.5: 'target-met',
    4: 'target-sustained',
    4.5: 'target-sustained-long',
    5: null,
  };
  for (const level of LEVELS) {
    const score = scorePlan(planOf({ signposting: capacityAt(level) }));
    const signposting = score.capacities.find((c) => c.capacityId === 'signposting')!;
    assert.equal(signposting.level, level, `fixture for ${level}`);
    assert.equal(signposting.levelName, LINKS_RUBRIC.levels.find((l) => l.level === level)!.name);
    assert.equal(signposting.nextStep?.criterion ?? null, expectedNext[level], `next step at ${level}`);
    for (const criterion of signposting.criteria) {
      if (criterion.level <= level) assert.equal(criterion.met, true, `${criterion.id} met at ${level}`);
      assert.ok(criterion.reason.length > 10);
    }
  }
});

test('reasons are plain English and name the evidence', () => {
  const five = scorePlan(planOf({ signposting: capacityAt(5) })).capacities.find(
    (c) => c.capacityId === 'signposting',
  )!;
  const byId = Object.fromEntries(five.criteria.map((c) => [c.id, c.reason]));
  assert.equal(byId['owner-named'], 'Owned by A. Link (Community Links Practitioner).');
  assert.equal(
    byId['improvement-signal'],
    'The run chart of “Signposts recorded” shows a trend of 6 points rising since the first change was tested (2022-02-01).',
  );
  assert.equal(
    byId['moving-toward-target'],
    '“Signposts recorded” has moved from its baseline of 10 signposts per week to 23 signposts per week since the first change was tested (2022-02-01).',
  );
  assert.equal(byId['pdsa-studied'], 'A PDSA cycle of “ALISS search at reception” has been studied.');
  assert.equal(
    byId['target-sustained-long'],
    '“Signposts recorded” has met its target of 18 signposts per week on the last 15 points, with a run-chart signal of improvement.',
  );
  assert.equal(byId['change-spread'], '“ALISS search at reception” has spread as standard practice (2023-09-01).');

  const three = scorePlan(planOf({ signposting: capacityAt(3.5) })).capacities.find(
    (c) => c.capacityId === 'signposting',
  )!;
  assert.deepEqual(three.nextStep, {
    level: 4,
    levelName: 'Significant improvement',
    criterion: 'target-met',
    title: 'Reach the aim’s target on a measure that shows a signal of improvement',
    reason:
      'The latest value of “Signposts recorded” is 13 signposts per week, short of its target of 18 signposts per week.',
    // The same reason as a code with its parameters, for another language to say.
    messageCode: 'maturity.target-short',
    params: { measure: 'Signposts recorded', latest: '13 signposts per week', target: '18 signposts per week' },
  });
});

test('evidence for a higher level does not count while a lower level is missing', () => {
  const c = capacityAt(5);
  delete c.owner;
  const s = scorePlan(planOf({ signposting: c })).capacities.find((x) => x.capacityId === 'signposting')!;
  assert.equal(s.level, 0);
  assert.equal(s.nextStep?.criterion, 'owner-named');
  assert.ok(s.criteria.find((x) => x.id === 'change-spread')!.met, 'higher criteria are still reported as met');
});

test('asOf ignores later evidence; by default it is the day the plan was saved', () => {
  const plan = planOf({ signposting: capacityAt(5) });
  assert.equal(scorePlan(plan).asOf, '2024-06-30');
  assert.equal(scorePlan(plan).profile['signposting'], 5);
  // By 2023-01-15: 13 points, the last 4 at target; the change adopted but not spread.
  const earlier = scorePlan(plan, { asOf: '2023-01-15' });
  assert.equal(earlier.profile['signposting'], 4);
  // Before any cycle started, nothing was studied.
  assert.equal(scorePlan(plan, { asOf: '2022-01-15' }).profile['signposting'], 2);
  // Saved earlier than the spread: not outstanding.
  assert.equal(scorePlan({ ...plan, savedAt: '2023-06-30T09:00:00Z' }).profile['signposting'], 4.5);
});

test('a balancing measure is never evidence of improvement', () => {
  const c = capacityAt(5);
  c.measures = [{ ...c.measures[0]!, kind: 'balancing' }];
  const s = scorePlan(planOf({ signposting: c })).capacities.find((x) => x.capacityId === 'signposting')!;
  assert.equal(s.level, 2.5);
  assert.equal(s.nextStep?.reason, 'No outcome or process measure has a baseline yet.');
});

test('a measure that should decrease meets its target from above', () => {
  const c = capacityAt(
    5,
    improvingValues.map((v) => 40 - v),
  );
  c.aims = [{ ...c.aims[0]!, target: 22 }];
  c.measures = [{ ...c.measures[0]!, direction: 'decrease', baseline: { value: 30 } }];
  assert.equal(scorePlan(planOf({ signposting: c })).profile['signposting'], 5);
  // the same numbers as an "increase" measure never move beyond baseline
  c.measures = [{ ...c.measures[0]!, direction: 'increase' }];
  assert.equal(scorePlan(planOf({ signposting: c })).profile['signposting'], 2.5);
});

test('a target met without a run-chart signal is not significant improvement', () => {
  const c = capacityAt(5, [10, 19]);
  const s = scorePlan(planOf({ signposting: c })).capacities.find((x) => x.capacityId === 'signposting')!;
  assert.equal(s.level, 3);
  assert.match(s.nextStep!.reason, /No run chart shows a shift/);
  const target = s.criteria.find((x) => x.id === 'target-met')!;
  assert.equal(target.met, false);
  assert.equal(
    target.reason,
    '“Signposts recorded” has met its target of 18 signposts per week, but its run chart shows no shift or trend of improvement yet.',
  );
});

test('overall, weakest capacity, theme coverage and self-assessment flags', () => {
  const plan = planOf(
    {
      'team-wellbeing': { ...capacityAt(2), selfAssessedLevel: 3 },
      'shared-learning': capacityAt(1.5),
      awareness: { ...capacityAt(2.5), selfAssessedLevel: 2.5 },
      intelligence: capacityAt(3),
      signposting: { ...capacityAt(5), selfAssessedLevel: 4 },
      'problem-solving': capacityAt(1),
      'network-building': capacityAt(1),
    },
    {
      themes: {
        'living-well-day-to-day': {
          focusAreas: [{ id: 'fa-1', text: 'Social isolation', capacities: ['signposting'] }],
        },
        'navigating-systems': { focusAreas: [{ id: 'fa-2', text: 'Welfare benefits', capacities: [] }] },
        'dying-well': { focusAreas: [] },
      },
    },
  );
  const score = scorePlan(plan);
  assert.deepEqual(score.profile, {
    'team-wellbeing': 2,
    'shared-learning': 1.5,
    awareness: 2.5,
    intelligence: 3,
    signposting: 5,
    'problem-solving': 1,
    'network-building': 1,
  });
  // mean 16 / 7 = 2.2857… → rounded down to 2
  assert.deepEqual(score.overall, { level: 2, mean: 2.29, min: 1, max: 5 });
  assert.deepEqual(score.weakest, { level: 1, capacityIds: ['problem-solving', 'network-building'] });
  assert.deepEqual(score.themeCoverage, {
    covered: ['living-well-day-to-day', 'navigating-systems'],
    missing: ['adapting-to-diagnosis', 'facing-challenges-and-crises', 'dying-well'],
    count: 2,
    total: 5,
  });
  assert.deepEqual(
    score.selfAssessmentFlags.map((f) => [f.capacityId, f.selfAssessed, f.evidence, f.difference]),
    [
      ['team-wellbeing', 3, 2, 1],
      ['signposting', 4, 5, -1],
    ],
  );
  assert.equal(
    score.selfAssessmentFlags[0]!.message,
    'The team rates Team Wellbeing at 3; the evidence in the plan supports 2 (1 higher than the evidence).',
  );
  assert.equal(score.capacities.find((c) => c.capacityId === 'awareness')!.selfAssessedLevel, 2.5);
  assert.deepEqual([score.planId, score.practiceId, score.revision], ['plan-1', 'practice-1', 3]);
});

test('scoring never modifies the plan', () => {
  const plan = planOf({ signposting: capacityAt(5) });
  const before = JSON.stringify(plan);
  deepFreeze(plan);
  scorePlan(plan);
  assert.equal(JSON.stringify(plan), before);
});

test('roundDownToHalf', () => {
  assert.deepEqual([2.2857, 2.5, 2.4999999999999, 0.49, 5].map(roundDownToHalf), [2, 2.5, 2.5, 0, 5]);
});

test('the rubric parameters set how long "sustained" is', () => {
  const strict: Rubric = { ...LINKS_RUBRIC, parameters: { sustainedPoints: 10, outstandingPoints: 20 } };
  const plan = planOf({ signposting: capacityAt(5) });
  // 15 latest points at target: sustained (10) but not outstanding (20)
  const s = scorePlan(plan, { rubric: strict }).capacities.find((x) => x.capacityId === 'signposting')!;
  assert.equal(s.level, 4.5);
  assert.equal(
    s.nextStep?.reason,
    '“Signposts recorded” has met its target of 18 signposts per week on the last 15 points; on the last 20 points is needed.',
  );
});

test('the default rubric is valid, frozen, and says it is our adaptation', () => {
  const result = validateRubric(structuredClone(LINKS_RUBRIC));
  assert.ok(result.ok);
  assert.match(LINKS_RUBRIC.source ?? '', /Our adaptation of the IHI Assessment Scale for Collaboratives/);
  assert.deepEqual(
    LINKS_RUBRIC.levels.map((l) => l.level),
    [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5],
  );
  assert.throws(() => {
    (LINKS_RUBRIC.levels as { name: string }[])[1]!.name = 'x';
  }, TypeError);
});

test('a host rubric is validated with JSON paths and plain-English messages', () => {
  const broken = structuredClone(LINKS_RUBRIC) as unknown as Record<string, unknown> & {
    levels: Record<string, unknown>[];
  };
  broken.levels[2]!.level = 0.75;
  broken.levels[3]!.criteria = [];
  broken.levels[0]!.criteria = ['owner-named'];
  broken.parameters = { sustainedPoints: 12, outstandingPoints: 6 };
  const result = validateRubric(broken);
  assert.ok(!result.ok);
  const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
  assert.equal(byPath['levels[2].level'], 'must be a level from 0 to 5 in steps of 0.5');

  const shape = structuredClone(LINKS_RUBRIC) as unknown as {
    levels: { level: number; criteria: string[] }[];
    parameters: unknown;
  };
  shape.levels[3]!.criteria = [];
  shape.levels[0]!.criteria = ['owner-named'];
  shape.levels[5]!.level = 1;
  shape.parameters = { sustainedPoints: 12, outstandingPoints: 6 };
  const second = validateRubric(shape);
  assert.ok(!second.ok);
  const paths = Object.fromEntries(second.errors.map((e) => [e.path, e.message]));
  assert.match(paths['levels[3].criteria'] ?? '', /at least one criterion/);
  assert.match(paths['levels[0].criteria'] ?? '', /must be empty/);
  assert.match(paths['levels[5].level'] ?? '', /ascending order/);
  assert.match(paths['parameters.outstandingPoints'] ?? '', /at least sustainedPoints/);

  const unknown = structuredClone(LINKS_RUBRIC) as unknown as { levels: { criteria: string[] }[] };
  unknown.levels[1]!.criteria = ['owner-named', 'has-a-website'];
  const third = validateRubric(unknown);
  assert.ok(!third.ok);
  assert.equal(third.errors[0]!.path, 'levels[1].criteria[1]');
  assert.match(
    third.errors[0]!.message,
    /^is not a known criterion: "has-a-website"\. Known criteria: capacity-addressed, owner-named/,
  );
});

test('a host rubric with its own criteria drives the score, the next step and the level names', () => {
  const criteria: CriteriaRegistry = {
    'evidence-noted': {
      id: 'evidence-noted',
      title: 'Write an evidence note',
      evaluate: (ctx) =>
        (ctx.capacity?.evidence.length ?? 0) > 0
          ? { met: true, reason: 'Evidence noted.' }
          : { met: false, reason: 'No evidence notes.' },
    },
  };
  const input = {
    kind: 'links.rubric',
    id: 'simple',
    version: '2.0.0',
    name: 'Simple',
    levels: [
      { level: 1, name: 'Owned', description: 'An owner.', criteria: ['owner-named'] },
      { level: 3, name: 'Evidenced', description: 'Evidence noted.', criteria: ['evidence-noted'] },
    ],
  };
  assert.equal(validateRubric(input).ok, false, 'unknown without the host criteria');
  const result = validateRubric(input, { criteria });
  assert.ok(result.ok);
  const c = capacityAt(0.5);
  const s1 = scorePlan(planOf({ awareness: c }), { rubric: result.value, criteria }).capacities.find(
    (x) => x.capacityId === 'awareness',
  )!;
  assert.deepEqual([s1.level, s1.levelName, s1.nextStep?.title], [1, 'Owned', 'Write an evidence note']);
  c.evidence = [{ id: 'e1', date: '2024-01-01', text: 'Team meeting minutes' }];
  const s2 = scorePlan(planOf({ awareness: c }), { rubric: result.value, criteria }).capacities.find(
    (x) => x.capacityId === 'awareness',
  )!;
  assert.deepEqual([s2.level, s2.levelName, s2.nextStep], [3, 'Evidenced', null]);
  assert.deepEqual(scorePlan(planOf({}), { rubric: result.value, criteria }).rubric, {
    id: 'simple',
    version: '2.0.0',
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
