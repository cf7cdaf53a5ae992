/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely to break them */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  LINKS_FRAMEWORK,
  alignPlanToFramework,
  createPlan,
  formatIssues,
  parsePlanDocument,
  serializePlanDocument,
  validatePlan,
  type Plan,
  type PlanIssue,
} from '../test-all.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');
const sample = (): Plan & Record<string, unknown> => JSON.parse(SAMPLE_TEXT);

function errorsOf(input: unknown, options?: Parameters<typeof parsePlanDocument>[1]): Record<string, string> {
  const result = parsePlanDocument(input, options);
  assert.equal(result.ok, false, 'expected the document to be refused');
  if (result.ok) return {};
  return Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
}

function issuesOf(input: unknown): readonly PlanIssue[] {
  const result = parsePlanDocument(input);
  assert.equal(result.ok, false, 'expected the document to be refused');
  return result.ok ? [] : result.errors;
}

test('the sample plan parses, with all 7 capacities and 5 themes of the framework', () => {
  const result = parsePlanDocument(JSON.parse(SAMPLE_TEXT));
  assert.ok(result.ok, result.ok ? '' : formatIssues(result.errors));
  assert.deepEqual(Object.keys(result.value.capacities).sort(), LINKS_FRAMEWORK.capacities.map((c) => c.id).sort());
  assert.deepEqual(Object.keys(result.value.themes).sort(), LINKS_FRAMEWORK.themes.map((t) => t.id).sort());
  assert.equal(result.value.practice.cohort, 'programme');
  // Serialising and reading again gives the same plan.
  const again = parsePlanDocument(JSON.parse(serializePlanDocument(result.value)));
  assert.ok(again.ok);
  assert.deepEqual(again.value, result.value);
});

test('every problem is reported with its JSON path and a plain-English message', () => {
  const doc = sample() as any;
  doc.capacities.signposting.aims[0].target = '30';
  doc.capacities.signposting.aims[0].targetDate = '2024-02-30';
  doc.capacities['team-wellbeing'].measures[0].kind = 'output';
  doc.capacities['team-wellbeing'].measures[0].points[3].value = 'high';
  doc.capacities.awareness.aims[0].statement = '   ';
  doc.practice.cohort = 'control';
  doc.savedAt = '2025-03-14 16:20';
  doc.status = 'approved';
  doc.capacities['shared-learning'].selfAssessedLevel = 2.3;
  const byPath = errorsOf(doc);
  assert.equal(byPath['capacities.signposting.aims[0].target'], 'must be a number, not text');
  assert.equal(byPath['capacities.signposting.aims[0].targetDate'], 'must be a real calendar date written YYYY-MM-DD');
  assert.equal(
    byPath['capacities.team-wellbeing.measures[0].kind'],
    'must be one of "outcome", "process", "balancing"',
  );
  assert.equal(byPath['capacities.team-wellbeing.measures[0].points[3].value'], 'must be a number, not text');
  assert.equal(byPath['capacities.awareness.aims[0].statement'], 'must not be empty');
  assert.equal(byPath['practice.cohort'], 'must be one of "programme", "comparison"');
  assert.equal(byPath['savedAt'], 'must be a date and time written like 2024-05-01T09:30:00Z');
  assert.equal(byPath['status'], 'must be one of "draft", "submitted", "agreed", "under-review"');
  assert.equal(byPath['capacities.shared-learning.selfAssessedLevel'], 'must be a level from 0 to 5 in steps of 0.5');
  assert.equal(Object.keys(byPath).length, 9);
});

test('impossible calendar dates are refused, real leap days accepted', () => {
  for (const [date, ok] of [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-1-5', false],
    ['05/01/2024', false],
  ] as const) {
    const doc = sample() as any;
    doc.capacities.awareness.evidence = [{ id: 'e1', date, text: 'Note' }];
    const result = parsePlanDocument(doc);
    assert.equal(result.ok, ok, date);
  }
});

test('rules across fields: unique ids, aim–measure links, point order, cycle completion, spread, framework ids', () => {
  const doc = sample() as any;
  const tw = doc.capacities['team-wellbeing'];
  tw.measures[1].id = 'measure-1';
  doc.capacities.intelligence.aims[0].measureId = 'measure-9';
  const points = doc.capacities['shared-learning'].measures[0].points;
  [points[4], points[5]] = [points[5], points[4]];
  points[9].date = points[8].date;
  const cycle = doc.capacities['shared-learning'].changeIdeas[0].cycles[1];
  delete cycle.study;
  cycle.completedDate = '2024-03-01';
  doc.capacities['shared-learning'].changeIdeas[0].cycles[2].act = 'adopt';
  doc.capacities.signposting.changeIdeas[0].spread = { date: '2025-01-01', note: 'Everyone uses it' };
  doc.capacities['digital-inclusion'] = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
  doc.themes['dying-well'].focusAreas = [
    { id: 'f', text: 'Anticipatory care plans', capacities: ['signposting', 'end-of-life'] },
  ];
  const byPath = errorsOf(doc);
  assert.match(byPath['capacities.team-wellbeing.measures[1].id']!, /repeats the id "measure-1" of measures\[0\]/);
  assert.equal(
    byPath['capacities.intelligence.aims[0].measureId'],
    'names the measure "measure-9", which this capacity does not have',
  );
  assert.match(byPath['capacities.shared-learning.measures[0].points[5].date']!, /must be after 2023-12-01/);
  assert.match(byPath['capacities.shared-learning.measures[0].points[9].date']!, /one point per date/);
  assert.match(byPath['capacities.shared-learning.changeIdeas[0].cycles[1].study']!, /is required to complete a cycle/);
  assert.match(
    byPath['capacities.shared-learning.changeIdeas[0].cycles[1].completedDate']!,
    /must not be before the start date 2024-04-01/,
  );
  assert.match(
    byPath['capacities.shared-learning.changeIdeas[0].cycles[2].act']!,
    /decided when the cycle is completed/,
  );
  assert.match(
    byPath['capacities.signposting.changeIdeas[0].spread']!,
    /needs a completed cycle that adopted the change/,
  );
  assert.equal(byPath['capacities.digital-inclusion'], 'is not a capacity of the framework links-approach 1.0.0');
  assert.equal(
    byPath['themes.dying-well.focusAreas[0].capacities[1]'],
    'is not a capacity of the framework links-approach 1.0.0',
  );

  // A host that loads a revised framework with the new capacity accepts it.
  const revised = structuredClone(LINKS_FRAMEWORK) as any;
  revised.version = '2.0.0';
  revised.capacities.push({
    id: 'digital-inclusion',
    name: 'Digital Inclusion',
    description: 'Help people get online.',
  });
  const clean = sample() as any;
  clean.capacities['digital-inclusion'] = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
  assert.equal(parsePlanDocument(clean).ok, false);
  assert.equal(parsePlanDocument(clean, { framework: revised }).ok, true);
  assert.equal(parsePlanDocument(clean, { framework: null }).ok, true);
});

test('two open cycles on one change idea are refused', () => {
  const doc = sample() as any;
  doc.capacities['shared-learning'].changeIdeas[0].cycles.push({
    id: 'cycle-4',
    plan: 'p',
    prediction: 'q',
    startDate: '2024-12-01',
  });
  const issues = issuesOf(doc);
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [['capacities.shared-learning.changeIdeas[0].cycles[3]', 'state']],
  );
});

test('the kind and schemaVersion envelope: wrong kind, missing, newer and unknown versions', () => {
  const newer = sample() as any;
  newer.schemaVersion = 9;
  const result = parsePlanDocument(newer);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    {
      path: 'schemaVersion',
      message: 'schemaVersion 9 is newer than this library understands (2)',
      messageCode: 'plan-document.version-newer',
      params: { version: 9, writes: 2 },
      code: 'version',
    },
  ]);

  const none = sample() as any;
  delete none.schemaVersion;
  assert.match(errorsOf(none)['schemaVersion']!, /is required/);
  const zero = sample() as any;
  zero.schemaVersion = 0;
  assert.equal(errorsOf(zero)['schemaVersion'], 'schemaVersion 0 is not a version of the plan format (1 and 2 are)');
  const text = sample() as any;
  text.schemaVersion = '2';
  assert.equal(errorsOf(text)['schemaVersion'], 'must be a whole number such as 2');
  const framework = { ...sample(), kind: 'links.framework' };
  assert.equal(errorsOf(framework)['kind'], 'is "links.framework", not "links.plan"');
  for (const input of [null, [], 'plan', 42, true]) {
    assert.match(errorsOf(input)['']!, /must be a plan document/);
  }
});

test('hostile input: reserved keys, non-finite numbers, huge strings and lists get a clear error, never a crash', () => {
  const proto = JSON.parse(SAMPLE_TEXT.replace('"team": []', '"team": [], "__proto__": { "polluted": true }'));
  assert.equal(
    errorsOf(proto)['capacities.problem-solving.__proto__'],
    'uses the reserved key "__proto__", which is not allowed',
  );
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);

  const ctor = sample() as any;
  ctor.capacities.constructor = { prototype: {} };
  assert.ok(errorsOf(ctor)['capacities.constructor']);

  const infinite = JSON.parse(SAMPLE_TEXT.replace('"target": 70', '"target": 1e400'));
  assert.equal(errorsOf(infinite)['capacities.team-wellbeing.aims[0].target'], 'must be a finite number');

  const huge = sample() as any;
  huge.capacities['team-wellbeing'].aims[0].target = 1e15;
  assert.equal(errorsOf(huge)['capacities.team-wellbeing.aims[0].target'], 'must be at most 1000000000000');

  const long = sample() as any;
  long.title = 'x'.repeat(201);
  long.capacities.awareness.aims[0].statement = 'y'.repeat(10_001);
  const longErrors = errorsOf(long);
  assert.equal(longErrors['title'], 'must be at most 200 characters');
  assert.equal(longErrors['capacities.awareness.aims[0].statement'], 'must be at most 10000 characters');

  const many = sample() as any;
  many.capacities.awareness.evidence = Array.from({ length: 5001 }, (_, i) => ({
    id: `e${i}`,
    date: '2024-01-01',
    text: 'x',
  }));
  assert.equal(errorsOf(many)['capacities.awareness.evidence'], 'must have at most 5000 entries');

  let deep: unknown = {};
  for (let i = 0; i < 100_000; i++) deep = { n: deep };
  const deepDoc = { ...sample(), capacities: deep };
  assert.equal(parsePlanDocument(deepDoc).ok, false);

  const chi = sample() as any;
  chi.savedBy = 'Patient 0101901234';
  assert.match(errorsOf(chi)['savedBy']!, /looks like a CHI number/);

  const extra = sample() as any;
  extra.capacities.awareness.aims[0].owner = 'someone';
  assert.equal(errorsOf(extra)['capacities.awareness.aims[0]'], 'has an unknown field: "owner"');
  const badKey = sample() as any;
  badKey.capacities['Sign Posting'] = badKey.capacities.signposting;
  assert.match(errorsOf(badKey)['capacities["Sign Posting"]']!, /is not a capacity id/);
});

test('validatePlan returns a copy: changing the input afterwards does not change the plan', () => {
  const input = sample();
  const result = validatePlan(input);
  assert.ok(result.ok);
  (input as any).capacities.awareness.aims[0].statement = 'changed';
  assert.notEqual(result.value.capacities['awareness']!.aims[0]!.statement, 'changed');
});

test('createPlan starts an empty draft for every capacity and theme; alignPlanToFramework fills gaps', () => {
  const created = createPlan(
    { id: 'possilpark', name: 'Possilpark Medical Practice (fictional)', cohort: 'comparison', listSize: 5200 },
    LINKS_FRAMEWORK,
    { now: new Date('2024-05-01T09:30:00Z'), author: 'Practice manager' },
  );
  assert.ok(created.ok, created.ok ? '' : formatIssues(created.errors));
  const plan = created.value;
  assert.equal(plan.status, 'draft');
  assert.equal(plan.revision, 0);
  assert.equal(plan.savedAt, '2024-05-01T09:30:00.000Z');
  assert.equal(plan.title, 'Links business plan: Possilpark Medical Practice (fictional)');
  assert.equal(Object.keys(plan.capacities).length, 7);
  assert.equal(Object.keys(plan.themes).length, 5);
  assert.deepEqual(plan.capacities['signposting'], { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] });

  const bad = createPlan({ id: '', name: 'X', cohort: 'programme', listSize: -1 } as never);
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => e.path),
    ['practice.id', 'practice.listSize'],
  );

  const partial = sample() as any;
  delete partial.capacities['network-building'];
  delete partial.themes['dying-well'];
  const parsed = parsePlanDocument(partial);
  assert.ok(parsed.ok);
  const aligned = alignPlanToFramework(parsed.value);
  assert.deepEqual(aligned.capacities['network-building'], {
    team: [],
    aims: [],
    measures: [],
    changeIdeas: [],
    evidence: [],
  });
  assert.deepEqual(aligned.themes['dying-well'], { focusAreas: [] });
  assert.equal(parsed.value.capacities['network-building'], undefined, 'the input plan is unchanged');
  assert.equal(alignPlanToFramework(aligned), aligned, 'nothing missing: same object back');
});
