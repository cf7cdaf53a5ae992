/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely to break them */
// validatePlan and parsePlanDocument check a plan's shape with a hand-written
// fast path first (fast-validation.ts; enableCompiledPlanValidation(false)
// turns it off). These tests hold it to the interpreted schema: for the
// sample plan and thousands of broken copies of it, both must accept the same
// documents with the same value, and refuse the same documents with the same
// errors at the same paths. fast-validation.test.ts adds random documents.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { LIMITS } from '../validation/limits.js';
import { parseCheckedWith } from '../validation/parse.js';
import { pathsOf } from '../validation/test-edits.js';
import { generateDemoData } from '../demo-data/index.js';
import { planSchema } from './schema.js';
import { parsePlanDocument, validatePlan } from './document.js';
import { enableCompiledPlanValidation } from './compiled-validation.js';
import { fastParsePlan } from './fast-validation.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');

/** Values that break fields in every way the schema checks: types, emptiness, length, range, steps, formats, identifiers. */
const REPLACEMENTS: readonly unknown[] = [
  null,
  true,
  0,
  -0,
  0.25,
  -1,
  7,
  1e13,
  -1e13,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  '   ',
  ' padded ',
  'x',
  'x'.repeat(LIMITS.shortText + 1),
  'x'.repeat(LIMITS.longText + 1),
  '2024-02-29',
  '2023-02-29',
  '2024-02-30',
  '2024-13-01',
  '2024-1-01',
  '2024-05-01T09:30:00Z',
  '2024-05-01T09:30:00+01:00',
  '2024-05-01 09:30',
  'team wellbeing',
  'Team-Wellbeing',
  'aim 1',
  '-aim',
  '1.0',
  '1.0.0',
  'programme',
  'comparison',
  'adopt',
  'increase',
  'outcome',
  'draft',
  'submitted',
  'agreed',
  'under-review',
  'process',
  'balancing',
  'decrease',
  'adapt',
  'abandon',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  ` ${'x'.repeat(LIMITS.shortText)} `,
  'x'.repeat(LIMITS.shortText),
  '😀'.repeat(100),
  4.5,
  'links.plan',
  'Dr 1234567890',
  '😀'.repeat(101),
  [],
  [1],
  {},
  { extra: 1 },
];

type Path = readonly (string | number)[];

function edit(document: unknown, path: Path, change: (parent: any, key: string | number) => void): unknown {
  const copy = structuredClone(document) as any;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  change(parent, path[path.length - 1]!);
  return copy;
}

/** The sample plan, broken one place at a time: each value replaced, each key removed, an unknown key added to each object. */
function* brokenCopies(document: unknown): Generator<unknown> {
  yield document;
  for (const path of pathsOf(document)) {
    for (const replacement of REPLACEMENTS) {
      yield edit(document, path, (parent, key) => {
        parent[key] = structuredClone(replacement);
      });
    }
    yield edit(document, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    });
    yield edit(document, path, (parent, key) => {
      const value = parent[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) value.unexpected = 'x';
    });
  }
  // An optional field present as undefined (possible in memory, not in JSON).
  yield edit(document, ['capacities', 'team-wellbeing', 'aims', 0, 'unit'], (parent, key) => {
    parent[key] = undefined;
  });
}

/**
 * The sample plan cut down to one of everything the schema knows (owner with
 * a name, team, a full aim, a measure with a baseline and points with and
 * without a note, a change idea with completed cycles and spread, evidence,
 * a self-assessed level, a bare capacity, themes with and without focus
 * areas), so that breaking it everywhere stays quick.
 */
function compactSample(): any {
  const plan = JSON.parse(SAMPLE_TEXT);
  const full = plan.capacities['team-wellbeing'];
  const measure = full.measures[0];
  const noted = measure.points.findIndex((point: any) => point.note !== undefined);
  assert.ok(noted > 0, 'the sample has a data point with a note');
  measure.points = [measure.points[0], measure.points[noted]];
  full.measures = [measure];
  full.team = full.team.slice(0, 2);
  full.evidence = full.evidence.slice(0, 1);
  assert.ok(full.changeIdeas[0].spread && full.changeIdeas[0].cycles.length > 0, 'the sample spreads a change');
  assert.ok(full.owner.name && full.selfAssessedLevel !== undefined);
  plan.capacities = { 'team-wellbeing': full, awareness: plan.capacities.awareness };
  plan.themes = {
    'adapting-to-diagnosis': plan.themes['adapting-to-diagnosis'],
    'dying-well': plan.themes['dying-well'],
  };
  return plan;
}

after(() => enableCompiledPlanValidation(true));

test('the fast path is on by default, needs no eval, and can be turned off for comparison', () => {
  const sample = JSON.parse(SAMPLE_TEXT);
  assert.ok(fastParsePlan(sample), 'the sample plan takes the fast path');
  // Shipped code builds no functions from text (a CSP without unsafe-eval would refuse it).
  const RealFunction = globalThis.Function;
  const realEval = globalThis.eval;
  const refuse = () => {
    throw new EvalError('refused by the test, as a Content Security Policy without unsafe-eval would');
  };
  try {
    (globalThis as any).Function = refuse;
    globalThis.eval = refuse;
    assert.equal(validatePlan(sample).ok, true);
    assert.equal(parsePlanDocument(structuredClone(sample)).ok, true);
    sample.capacities['team-wellbeing'].aims[0].target = 'seventy';
    assert.deepEqual(validatePlan(sample), {
      ok: false,
      errors: [
        {
          path: 'capacities.team-wellbeing.aims[0].target',
          message: 'must be a number, not text',
          messageCode: 'wrong-type',
          params: { expected: 'number', received: 'string' },
          code: 'invalid',
        },
      ],
    });
  } finally {
    (globalThis as any).Function = RealFunction;
    globalThis.eval = realEval;
  }
  enableCompiledPlanValidation(false);
  assert.equal(validatePlan(JSON.parse(SAMPLE_TEXT)).ok, true);
  enableCompiledPlanValidation();
});

/** validatePlan, parsePlanDocument and the schema step alone, interpreted and with the fast path. */
function bothWays(document: unknown) {
  enableCompiledPlanValidation(false);
  const interpreted = [validatePlan(document), parsePlanDocument(document), parseCheckedWith(planSchema, document)];
  enableCompiledPlanValidation();
  const fast = fastParsePlan(document);
  const compiled = [
    validatePlan(document),
    parsePlanDocument(document),
    fast !== undefined ? { ok: true, value: fast } : parseCheckedWith(planSchema, document),
  ];
  if (fast !== undefined)
    assert.equal(
      JSON.stringify(fast),
      JSON.stringify(interpreted[2]!.ok && (interpreted[2] as any).value),
      'same keys in the same order',
    );
  return { interpreted, compiled };
}

test('the fast path and the interpreted plan schema accept and refuse the same documents, with the same value or the same errors', () => {
  const sample = compactSample();
  let accepted = 0;
  let refused = 0;
  for (const document of brokenCopies(sample)) {
    const { interpreted, compiled } = bothWays(document);
    assert.deepEqual(compiled, interpreted, `differs for ${JSON.stringify(document).slice(0, 200)}`);
    // Valid plans never take the slow path (in memory an optional field may be present as undefined: the schema's job).
    const json = isDeepStrictEqual(JSON.parse(JSON.stringify(document)), document);
    if (interpreted[2]!.ok && json && fastParsePlan(document) === undefined)
      assert.fail(`the fast path sent a valid plan to the schema: ${JSON.stringify(document).slice(0, 300)}`);
    if (interpreted[2]!.ok) accepted++;
    else refused++;
  }
  // The battery exercises both outcomes, many times over.
  assert.ok(accepted > 100, `accepted ${accepted}`);
  assert.ok(refused > 1000, `refused ${refused}`);
  // And the whole sample plan, as written.
  const whole = bothWays(JSON.parse(SAMPLE_TEXT));
  assert.deepEqual(whole.compiled, whole.interpreted);
  assert.equal(whole.compiled[0]!.ok, true);
});

test('the fast path and the interpreted plan schema agree on generated plans of every shape', () => {
  const data = generateDemoData({ practices: 12, seed: 'compiled-schema', months: 30 });
  assert.ok(data.plans.length >= 12);
  for (const plan of data.plans) {
    const { interpreted, compiled } = bothWays(JSON.parse(JSON.stringify(plan)));
    assert.equal(interpreted[0]!.ok, true);
    assert.deepEqual(compiled, interpreted);
  }
});
