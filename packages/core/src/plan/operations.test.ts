import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  planMessage,
  type PlanMessageCode,
  PLAN_STATUS_TRANSITIONS,
  addAim,
  addChangeIdea,
  addEvidence,
  addMeasure,
  canChangeStatus,
  changeStatus,
  completePdsaCycle,
  createPlan,
  nextItemId,
  parsePlanDocument,
  recordDataPoint,
  recordSpread,
  removeAim,
  removeChangeIdea,
  removeDataPoint,
  removeEvidence,
  removeMeasure,
  setOwner,
  setSelfAssessedLevel,
  setTeam,
  setThemeFocus,
  setTitle,
  startPdsaCycle,
  updateAim,
  updateChangeIdea,
  updateMeasure,
  updatePdsaCycle,
  validatePlan,
  type Plan,
  type PlanResult,
  type PlanStatus,
} from '../test-all.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');

function samplePlan(): Plan {
  const result = parsePlanDocument(JSON.parse(SAMPLE_TEXT));
  assert.ok(result.ok);
  return result.value;
}

function emptyPlan(): Plan {
  const result = createPlan(
    { id: 'ruchill', name: 'Ruchill Practice (fictional)', cohort: 'programme', listSize: 6100 },
    undefined,
    {
      now: new Date('2024-01-10T12:00:00Z'),
    },
  );
  assert.ok(result.ok);
  return result.value;
}

function value(result: PlanResult): Plan {
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  assert.equal(validatePlan(result.value).ok, true, 'every operation returns a valid plan');
  return result.value;
}

/**
 * The refusal's issues. A plan rule's issue carries a `plan.*` message code
 * whose English is its message (checked here for every refusal); the code and
 * parameters are then left out, so the cases below read as path, message and
 * plan error code.
 */
function refused(result: PlanResult): { path: string; message: string; code: string }[] {
  assert.equal(result.ok, false, 'expected the operation to be refused');
  if (result.ok) return [];
  return result.errors.map((e) => {
    if (!e.messageCode?.startsWith('plan.')) return { ...e };
    assert.equal(planMessage(e.messageCode as PlanMessageCode, e.params as never), e.message, e.messageCode);
    const { messageCode: _code, params: _params, ...rest } = e;
    return rest;
  });
}

test('operations never mutate their input, and the result is a new frozen plan that shares untouched parts', () => {
  const before = samplePlan();
  const snapshot = JSON.stringify(before);
  const after = value(
    addAim(before, 'awareness', {
      statement: 'Every new member of staff attends the Links induction.',
      target: 100,
      unit: '%',
    }),
  );
  assert.equal(JSON.stringify(before), snapshot);
  assert.notEqual(after, before);
  assert.equal(after.capacities['signposting'], before.capacities['signposting'], 'structural sharing');
  assert.ok(Object.isFrozen(after.capacities['awareness']));
  assert.throws(() => {
    (after.capacities['awareness']!.aims as unknown[]).push({});
  }, TypeError);
});

test('aims: add with a generated id, update (undefined clears a field), link to a measure, remove', () => {
  let plan = emptyPlan();
  plan = value(addAim(plan, 'signposting', { statement: 'Offer information about local support routinely.' }));
  plan = value(
    addAim(plan, 'signposting', { statement: 'Second aim', target: 20, unit: 'referrals', targetDate: '2025-03-31' }),
  );
  assert.deepEqual(
    plan.capacities['signposting']!.aims.map((a) => a.id),
    ['aim-1', 'aim-2'],
  );

  const badLink = refused(updateAim(plan, 'signposting', 'aim-1', { measureId: 'measure-1' }));
  assert.deepEqual(badLink, [
    {
      path: 'capacities.signposting.aims[0].measureId',
      message: 'names the measure "measure-1", which this capacity does not have',
      code: 'not-found',
    },
  ]);

  plan = value(
    addMeasure(plan, 'signposting', {
      name: 'Referrals to CLP per month',
      kind: 'outcome',
      unit: 'referrals',
      direction: 'increase',
    }),
  );
  plan = value(updateAim(plan, 'signposting', 'aim-2', { measureId: 'measure-1', unit: undefined, target: 25 }));
  const aim = plan.capacities['signposting']!.aims[1]!;
  assert.deepEqual(aim, {
    id: 'aim-2',
    statement: 'Second aim',
    target: 25,
    targetDate: '2025-03-31',
    measureId: 'measure-1',
  });

  assert.deepEqual(refused(updateAim(plan, 'signposting', 'aim-2', { target: Number.NaN })), [
    {
      path: 'capacities.signposting.aims[1].target',
      message: 'must be a finite number',
      messageCode: 'not-finite',
      params: {},
      code: 'invalid',
    },
  ]);
  assert.deepEqual(refused(addAim(plan, 'signposting', { id: 'aim-1', statement: 'dup' })), [
    {
      path: 'capacities.signposting.aims[2].id',
      message: 'repeats the id "aim-1": ids must be unique in the list',
      code: 'duplicate',
    },
  ]);
  assert.deepEqual(
    refused(addAim(plan, 'signposting', { statement: '' })).map((e) => e.path),
    ['capacities.signposting.aims[2].statement'],
  );
  assert.deepEqual(refused(addAim(plan, 'wellbeing', { statement: 'x' })), [
    { path: 'capacities.wellbeing', message: 'is not a capacity of this plan', code: 'not-found' },
  ]);

  assert.deepEqual(refused(removeMeasure(plan, 'signposting', 'measure-1'))[0]!.code, 'in-use');
  plan = value(removeAim(plan, 'signposting', 'aim-2'));
  plan = value(removeMeasure(plan, 'signposting', 'measure-1'));
  assert.equal(plan.capacities['signposting']!.measures.length, 0);
  assert.equal(refused(removeAim(plan, 'signposting', 'aim-9'))[0]!.code, 'not-found');
  // Ids are not reused after removal while higher ones exist.
  plan = value(addAim(plan, 'signposting', { statement: 'Third' }));
  assert.equal(plan.capacities['signposting']!.aims[1]!.id, 'aim-2');
  assert.equal(nextItemId([{ id: 'aim-1' }, { id: 'aim-7' }, { id: 'x' }], 'aim'), 'aim-8');
});

test('measures: data points are kept in date order, one per date; replace and remove', () => {
  let plan = emptyPlan();
  plan = value(
    addMeasure(plan, 'shared-learning', {
      id: 'plt',
      name: '% of staff who report protected learning time monthly',
      kind: 'process',
      unit: '%',
      direction: 'increase',
      baseline: { value: 30, date: '2024-01-01' },
      points: [
        { date: '2024-03-01', value: 40 },
        { date: '2024-02-01', value: 35 },
      ],
    }),
  );
  const dates = () => plan.capacities['shared-learning']!.measures[0]!.points.map((p) => `${p.date}=${p.value}`);
  assert.deepEqual(dates(), ['2024-02-01=35', '2024-03-01=40']);
  plan = value(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-04-01', value: 48 }));
  plan = value(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-01-01', value: 31, note: 'first month' }));
  assert.deepEqual(dates(), ['2024-01-01=31', '2024-02-01=35', '2024-03-01=40', '2024-04-01=48']);

  assert.deepEqual(refused(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-03-01', value: 41 })), [
    {
      path: 'capacities.shared-learning.measures[0].points[2].date',
      message: 'already has a point on 2024-03-01 (value 40): a measure has one point per date',
      code: 'duplicate',
    },
  ]);
  plan = value(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-03-01', value: 41 }, { replace: true }));
  assert.deepEqual(dates(), ['2024-01-01=31', '2024-02-01=35', '2024-03-01=41', '2024-04-01=48']);

  assert.deepEqual(
    refused(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-02-30', value: 1 })).map((e) => e.path),
    ['capacities.shared-learning.measures[0].points[2].date'],
  );
  assert.equal(
    refused(recordDataPoint(plan, 'shared-learning', 'plt', { date: '2024-05-01', value: Infinity }))[0]!.message,
    'must be a finite number',
  );
  assert.equal(
    refused(recordDataPoint(plan, 'shared-learning', 'nope', { date: '2024-05-01', value: 1 }))[0]!.code,
    'not-found',
  );

  assert.equal(
    refused(
      addMeasure(plan, 'shared-learning', {
        name: 'x',
        kind: 'process',
        unit: 'u',
        direction: 'increase',
        points: [
          { date: '2024-01-01', value: 1 },
          { date: '2024-01-01', value: 2 },
        ],
      }),
    )[0]!.code,
    'duplicate',
  );

  plan = value(
    updateMeasure(plan, 'shared-learning', 'plt', {
      baseline: undefined,
      name: 'Protected learning time',
      direction: 'increase',
    }),
  );
  const measure = plan.capacities['shared-learning']!.measures[0]!;
  assert.equal(measure.baseline, undefined);
  assert.equal(measure.name, 'Protected learning time');
  assert.equal(measure.points.length, 4, 'update keeps the points');
  assert.equal(
    refused(updateMeasure(plan, 'shared-learning', 'plt', { kind: 'output' as never }))[0]!.path,
    'capacities.shared-learning.measures[0].kind',
  );

  plan = value(removeDataPoint(plan, 'shared-learning', 'plt', '2024-02-01'));
  assert.deepEqual(dates(), ['2024-01-01=31', '2024-03-01=41', '2024-04-01=48']);
  assert.equal(refused(removeDataPoint(plan, 'shared-learning', 'plt', '2024-02-01'))[0]!.code, 'not-found');
});

test('PDSA cycles: start with a prediction, one open at a time, complete with study and act, then spread', () => {
  let plan = emptyPlan();
  plan = value(addChangeIdea(plan, 'team-wellbeing', { title: 'Daily huddle' }));
  assert.equal(
    refused(recordSpread(plan, 'team-wellbeing', 'change-1', { date: '2024-06-01', note: 'Everyone' }))[0]!.code,
    'state',
  );
  plan = value(
    startPdsaCycle(plan, 'team-wellbeing', 'change-1', {
      plan: 'Huddle at 08:30 for two weeks',
      prediction: '8 of 12 attend',
      startDate: '2024-02-05',
    }),
  );
  const cycle = () => plan.capacities['team-wellbeing']!.changeIdeas[0]!.cycles[0]!;
  assert.equal(cycle().id, 'cycle-1');

  assert.deepEqual(
    refused(
      startPdsaCycle(plan, 'team-wellbeing', 'change-1', { plan: 'p', prediction: 'q', startDate: '2024-02-06' }),
    ),
    [
      {
        path: 'capacities.team-wellbeing.changeIdeas[0].cycles[1]',
        message: 'cannot start while cycles[0] ("cycle-1") is still open: complete it first',
        code: 'state',
      },
    ],
  );
  plan = value(updatePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', { do: 'Held on 9 of 10 days' }));
  assert.equal(cycle().do, 'Held on 9 of 10 days');

  assert.deepEqual(
    refused(
      completePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', {
        study: 'ok',
        act: 'adopt',
        completedDate: '2024-02-01',
      }),
    ),
    [
      {
        path: 'capacities.team-wellbeing.changeIdeas[0].cycles[0].completedDate',
        message: 'must not be before the start date 2024-02-05',
        code: 'invalid',
      },
    ],
  );
  assert.deepEqual(
    refused(
      completePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', {
        study: '',
        act: 'keep' as never,
        completedDate: '2024-02-16',
      }),
    ).map((e) => e.path),
    [
      'capacities.team-wellbeing.changeIdeas[0].cycles[0].study',
      'capacities.team-wellbeing.changeIdeas[0].cycles[0].act',
    ],
  );
  plan = value(
    completePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', {
      study: '7 of 12 attended; GPs missed it',
      act: 'adapt',
      completedDate: '2024-02-16',
    }),
  );
  assert.equal(cycle().act, 'adapt');
  assert.equal(cycle().do, 'Held on 9 of 10 days');
  assert.equal(
    refused(
      completePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', {
        study: 's',
        act: 'adopt',
        completedDate: '2024-02-17',
      }),
    )[0]!.code,
    'state',
  );
  assert.equal(
    refused(updatePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-1', { study: 'rewrite history' }))[0]!.code,
    'state',
  );

  plan = value(
    startPdsaCycle(plan, 'team-wellbeing', 'change-1', {
      plan: 'Move to 08:45',
      prediction: '10 of 12 attend',
      startDate: '2024-03-04',
    }),
  );
  plan = value(
    completePdsaCycle(plan, 'team-wellbeing', 'change-1', 'cycle-2', {
      do: 'Every day',
      study: '11 of 12 attended',
      act: 'adopt',
      completedDate: '2024-03-29',
    }),
  );
  plan = value(
    recordSpread(plan, 'team-wellbeing', 'change-1', {
      date: '2024-06-01',
      note: 'In the induction pack; every staff group leads in turn.',
    }),
  );
  assert.equal(plan.capacities['team-wellbeing']!.changeIdeas[0]!.spread?.date, '2024-06-01');
  plan = value(recordSpread(plan, 'team-wellbeing', 'change-1', undefined));
  assert.equal(plan.capacities['team-wellbeing']!.changeIdeas[0]!.spread, undefined);

  plan = value(
    updateChangeIdea(plan, 'team-wellbeing', 'change-1', {
      title: 'Daily whole-team huddle',
      description: 'Before surgery',
    }),
  );
  plan = value(updateChangeIdea(plan, 'team-wellbeing', 'change-1', { description: undefined }));
  assert.equal(plan.capacities['team-wellbeing']!.changeIdeas[0]!.description, undefined);
  assert.equal(plan.capacities['team-wellbeing']!.changeIdeas[0]!.cycles.length, 2, 'update keeps the cycles');
  plan = value(removeChangeIdea(plan, 'team-wellbeing', 'change-1'));
  assert.equal(plan.capacities['team-wellbeing']!.changeIdeas.length, 0);
});

test('owner, team, evidence and self-assessed level', () => {
  let plan = emptyPlan();
  plan = value(setOwner(plan, 'intelligence', { role: 'Community Links Practitioner', name: 'Ali Rahman' }));
  assert.deepEqual(plan.capacities['intelligence']!.owner, {
    role: 'Community Links Practitioner',
    name: 'Ali Rahman',
  });
  assert.match(refused(setOwner(plan, 'intelligence', { role: 'Patient 1234567890' }))[0]!.message, /CHI number/);
  assert.equal(refused(setOwner(plan, 'intelligence', { role: '' }))[0]!.path, 'capacities.intelligence.owner.role');
  plan = value(setOwner(plan, 'intelligence', undefined));
  assert.equal(plan.capacities['intelligence']!.owner, undefined);

  plan = value(setTeam(plan, 'intelligence', ['Reception supervisor', 'CLP']));
  assert.deepEqual(refused(setTeam(plan, 'intelligence', ['CLP', 'clp'])), [
    { path: 'capacities.intelligence.team[1]', message: 'repeats "clp" (team[0])', code: 'duplicate' },
  ]);
  assert.equal(
    refused(
      setTeam(
        plan,
        'intelligence',
        Array.from({ length: 101 }, (_, i) => `Person ${i}`),
      ),
    )[0]!.message,
    'must have at most 100 entries',
  );

  plan = value(
    addEvidence(plan, 'intelligence', {
      date: '2024-05-01',
      text: '40 ALISS listings checked with their organisations.',
    }),
  );
  assert.equal(plan.capacities['intelligence']!.evidence[0]!.id, 'evidence-1');
  assert.equal(
    refused(addEvidence(plan, 'intelligence', { date: '2024-02-30', text: 'x' }))[0]!.path,
    'capacities.intelligence.evidence[1].date',
  );
  plan = value(removeEvidence(plan, 'intelligence', 'evidence-1'));
  assert.equal(plan.capacities['intelligence']!.evidence.length, 0);

  plan = value(setSelfAssessedLevel(plan, 'intelligence', 1.5));
  assert.equal(plan.capacities['intelligence']!.selfAssessedLevel, 1.5);
  for (const bad of [1.2, -0.5, 5.5, Number.NaN]) {
    assert.equal(
      refused(setSelfAssessedLevel(plan, 'intelligence', bad))[0]!.path,
      'capacities.intelligence.selfAssessedLevel',
      String(bad),
    );
  }
  plan = value(setSelfAssessedLevel(plan, 'intelligence', undefined));
  assert.equal(plan.capacities['intelligence']!.selfAssessedLevel, undefined);

  plan = value(setTitle(plan, 'Ruchill plan 2024'));
  assert.equal(plan.title, 'Ruchill plan 2024');
  assert.equal(refused(setTitle(plan, 'x'.repeat(201)))[0]!.message, 'must be at most 200 characters');
});

test('theme focus: focus areas with linked capacities, generated ids, unknown capacity or theme refused', () => {
  let plan = emptyPlan();
  plan = value(
    setThemeFocus(plan, 'navigating-systems', [
      { text: 'Help with benefits and housing applications', capacities: ['problem-solving', 'intelligence'] },
      { id: 'money', text: 'Money advice' },
    ]),
  );
  assert.deepEqual(plan.themes['navigating-systems']!.focusAreas, [
    {
      id: 'focus-1',
      text: 'Help with benefits and housing applications',
      capacities: ['problem-solving', 'intelligence'],
    },
    { id: 'money', text: 'Money advice', capacities: [] },
  ]);
  assert.deepEqual(refused(setThemeFocus(plan, 'navigating-systems', [{ text: 'x', capacities: ['housing'] }])), [
    {
      path: 'themes.navigating-systems.focusAreas[0].capacities[0]',
      message: 'is not a capacity of this plan',
      code: 'not-found',
    },
  ]);
  assert.equal(
    refused(setThemeFocus(plan, 'navigating-systems', [{ text: 'x', capacities: ['awareness', 'awareness'] }]))[0]!
      .code,
    'duplicate',
  );
  assert.equal(
    refused(
      setThemeFocus(plan, 'navigating-systems', [
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
      ]),
    )[0]!.path,
    'themes.navigating-systems.focusAreas[1].id',
  );
  assert.equal(refused(setThemeFocus(plan, 'money', []))[0]!.code, 'not-found');
  assert.equal(
    refused(setThemeFocus(plan, 'navigating-systems', [{ text: '' }]))[0]!.path,
    'themes.navigating-systems.focusAreas[0].text',
  );
  plan = value(setThemeFocus(plan, 'navigating-systems', []));
  assert.deepEqual(plan.themes['navigating-systems']!.focusAreas, []);
});

test('status changes follow the lifecycle; others are refused with the allowed moves', () => {
  let plan = emptyPlan();
  const path: PlanStatus[] = [
    'submitted',
    'draft',
    'submitted',
    'agreed',
    'under-review',
    'submitted',
    'agreed',
    'under-review',
    'agreed',
  ];
  for (const status of path) plan = value(changeStatus(plan, status));
  assert.equal(plan.status, 'agreed');
  assert.deepEqual(refused(changeStatus(plan, 'draft')), [
    {
      path: 'status',
      message: 'cannot change from "agreed" to "draft": from "agreed" a plan can move to "under-review"',
      code: 'transition',
    },
  ]);
  assert.equal(refused(changeStatus(plan, 'approved' as never))[0]!.code, 'invalid');
  assert.equal(canChangeStatus('draft', 'agreed'), false);
  const all: PlanStatus[] = ['draft', 'submitted', 'agreed', 'under-review'];
  for (const from of all)
    for (const to of all) assert.equal(canChangeStatus(from, to), PLAN_STATUS_TRANSITIONS[from].includes(to));
});

test('hostile operation input is refused cleanly and nothing is written', () => {
  const plan = samplePlan();
  const snapshot = JSON.stringify(plan);
  const hostile = JSON.parse('{"statement":"x","__proto__":{"polluted":true}}');
  assert.deepEqual(refused(addAim(plan, 'awareness', hostile)), [
    {
      path: 'capacities.awareness.aims[1].__proto__',
      message: 'uses the reserved key "__proto__", which is not allowed',
      messageCode: 'reserved-key',
      params: { key: '__proto__' },
      code: 'invalid',
    },
  ]);
  assert.equal(
    refused(addAim(plan, 'awareness', { statement: 'x', extra: 1 } as never))[0]!.message,
    'has an unknown field: "extra"',
  );
  assert.equal(
    refused(addAim(plan, 'awareness', { statement: 'x'.repeat(10_001) }))[0]!.message,
    'must be at most 10000 characters',
  );
  assert.equal(refused(addAim(plan, 'constructor', { statement: 'x' }))[0]!.code, 'not-found');
  assert.equal(refused(addAim(plan, '__proto__', { statement: 'x' }))[0]!.code, 'not-found');
  assert.equal(refused(recordDataPoint(plan, 'team-wellbeing', 'measure-1', null as never))[0]!.code, 'invalid');
  assert.equal(refused(setThemeFocus(plan, 'dying-well', 'not a list' as never))[0]!.code, 'invalid');
  assert.equal(JSON.stringify(plan), snapshot);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
