import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreHistory } from './history.js';
import { compareCohorts } from './cohorts.js';
import { levelDistribution, quantileSorted } from './stats.js';
import type { ScorableCapacityPlan, ScorablePlan, ScorablePractice } from './input.js';

/** Capacity content worth exactly 0, 0.5 or 1 under the default rubric. */
function capacity(level: 0 | 0.5 | 1): ScorableCapacityPlan {
  const empty = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
  if (level === 0) return empty;
  if (level === 0.5) return { ...empty, owner: { role: 'Practice manager' } };
  return { ...empty, owner: { role: 'Practice manager' }, team: ['GP'], aims: [{ id: 'a', statement: 'An aim' }] };
}

function plan(
  practice: ScorablePractice,
  revision: number,
  levels: Partial<Record<string, 0 | 0.5 | 1>>,
  savedAt = `2024-0${revision}-01T00:00:00Z`,
): ScorablePlan {
  const capacities: Record<string, ScorableCapacityPlan> = {};
  for (const [id, level] of Object.entries(levels)) capacities[id] = capacity(level!);
  return { id: `plan-${practice.id}`, practice, revision, savedAt, capacities, themes: {} };
}

const practice = (id: string, cohort: 'programme' | 'comparison'): ScorablePractice => ({
  id,
  name: `Practice ${id}`,
  cohort,
  listSize: 5000,
});

test('scoreHistory orders revisions and reports the change since the previous one', () => {
  const p = practice('p1', 'programme');
  const r1 = plan(p, 1, { awareness: 0.5 });
  const r2 = plan(p, 2, { awareness: 1, signposting: 0.5 });
  const r3 = plan(p, 3, { awareness: 1, signposting: 1, intelligence: 0.5 });
  const history = scoreHistory([r3, r1, r2]);
  assert.deepEqual(
    history.revisions.map((r) => r.revision),
    [1, 2, 3],
  );
  assert.equal(history.revisions[0]!.changes, null);
  assert.equal(history.revisions[0]!.overallChange, null);
  assert.equal(history.revisions[1]!.changes!['awareness'], 0.5);
  assert.equal(history.revisions[1]!.changes!['signposting'], 0.5);
  assert.equal(history.revisions[1]!.changes!['team-wellbeing'], 0);
  assert.deepEqual(history.changeSincePrevious, {
    'team-wellbeing': 0,
    'shared-learning': 0,
    awareness: 0,
    intelligence: 0.5,
    signposting: 0.5,
    'problem-solving': 0,
    'network-building': 0,
  });
  assert.equal(history.latest!.revision, 3);
  assert.equal(history.latest!.savedAt, '2024-03-01T00:00:00Z');
  assert.equal(history.latest!.score.asOf, '2024-03-01');
});

test('scoreHistory of nothing, or of one revision', () => {
  assert.deepEqual(scoreHistory([]), { revisions: [], latest: null, changeSincePrevious: null });
  const one = scoreHistory([plan(practice('p', 'programme'), 1, { awareness: 1 })]);
  assert.equal(one.revisions.length, 1);
  assert.equal(one.changeSincePrevious, null);
});

test('quartiles use linear interpolation (type 7), and distributions count each level', () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([5], 0.75), 5);
  assert.deepEqual(levelDistribution([1, 0.5, 1, 0]), {
    count: 4,
    median: 0.75,
    q1: 0.375,
    q3: 1,
    min: 0,
    max: 1,
    levelCounts: { '0': 1, '0.5': 1, '1': 2 },
  });
  assert.equal(levelDistribution([]), null);
});

test('compareCohorts: per-capacity distributions for each cohort, latest revision per practice', () => {
  const practices = [
    practice('a', 'programme'),
    practice('b', 'programme'),
    practice('c', 'programme'),
    practice('x', 'comparison'),
    practice('y', 'comparison'),
    practice('z', 'comparison'),
  ];
  const [a, b, c, x, y] = practices as [
    ScorablePractice,
    ScorablePractice,
    ScorablePractice,
    ScorablePractice,
    ScorablePractice,
  ];
  const plans = [
    plan(a, 1, { awareness: 0 }),
    plan(a, 2, { awareness: 1, signposting: 1 }), // latest for a
    plan(b, 1, { awareness: 1, signposting: 1 }),
    plan(c, 1, { awareness: 0.5, signposting: 0 }),
    plan(x, 1, { awareness: 0.5 }),
    plan(y, 1, { awareness: 0 }),
  ];
  const result = compareCohorts(practices, plans);
  assert.deepEqual(result.practices, { programme: 3, comparison: 2, withoutPlan: ['z'] });
  const awareness = result.capacities.find((cap) => cap.capacityId === 'awareness')!;
  assert.equal(awareness.name, 'Awareness');
  assert.deepEqual(awareness.programme, {
    count: 3,
    median: 1,
    q1: 0.75,
    q3: 1,
    min: 0.5,
    max: 1,
    levelCounts: { '0.5': 1, '1': 2 },
  });
  assert.deepEqual(awareness.comparison, {
    count: 2,
    median: 0.25,
    q1: 0.125,
    q3: 0.375,
    min: 0,
    max: 0.5,
    levelCounts: { '0': 1, '0.5': 1 },
  });
  assert.equal(awareness.medianDifference, 0.75);
  // c is 1 level below the programme median on signposting; nobody else is ≥ 1 behind
  assert.deepEqual(
    result.behind.map((r) => [r.practiceId, r.capacityId, r.level, r.cohortMedian, r.gap]),
    [['c', 'signposting', 0, 1, 1]],
  );
  assert.equal(result.behind[0]!.practiceName, 'Practice c');
  assert.equal(result.scores['a']!.revision, 2);
  assert.deepEqual(
    result.overall.programme && [result.overall.programme.count, result.overall.programme.median],
    [3, 0],
  );
});

test('compareCohorts: behindBy is configurable; a plan for an unlisted practice is included; asOf applies to all', () => {
  const stray = practice('s', 'comparison');
  const a = practice('a', 'comparison');
  const result = compareCohorts([a], [plan(a, 1, { awareness: 1 }), plan(stray, 1, { awareness: 0.5 })], {
    behindBy: 0.5,
  });
  assert.equal(result.practices.comparison, 2);
  // median of [1, 0.5] is 0.75: 's' is only 0.25 behind, less than 0.5
  assert.deepEqual(result.behind, []);
  const strict = compareCohorts([a], [plan(a, 1, { awareness: 1 }), plan(stray, 1, { awareness: 0 })], {
    behindBy: 0.5,
  });
  assert.deepEqual(
    strict.behind.map((r) => [r.practiceId, r.capacityId, r.gap]),
    [['s', 'awareness', 0.5]],
  );
  const dated = compareCohorts([a], [plan(a, 1, { awareness: 1 })], { asOf: '2020-01-01' });
  assert.equal(dated.scores['a']!.asOf, '2020-01-01');
  assert.deepEqual(compareCohorts([], []).capacities[0]!.programme, null);
});
