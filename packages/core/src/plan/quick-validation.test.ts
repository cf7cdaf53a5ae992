// quickValidatePlan: validatePlan's answer without the zod schema, or no answer. The plan editor's
// store codec relies on it before its validation code has loaded (a host seeding a provider's store).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateDemoData } from '../demo-data/index.js';
import { validatePlan } from './document.js';
import { quickValidatePlan } from './quick-validation.js';
import { enableCompiledPlanValidation } from './compiled-validation.js';
import { planDateSchema, planDateTimeSchema } from './schema.js';
import { regexes } from 'zod/v4/core';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const DEMO = generateDemoData({ practices: 3, seed: 'quick-validation', months: 6 }).plans.map(
  (plan) => JSON.parse(JSON.stringify(plan)) as Record<string, unknown>,
);

test('a valid plan gets the very result validatePlan gives (a fresh copy), without the schema', () => {
  for (const plan of [SAMPLE, ...DEMO]) {
    const quick = quickValidatePlan(plan);
    assert.ok(quick?.ok, 'the fast path answers for a valid plan');
    assert.deepEqual(quick, validatePlan(plan));
    assert.notEqual(quick.value, plan);
  }
});

test('a plan of the right shape that breaks a rule is refused as validatePlan refuses it', () => {
  const broken = structuredClone(SAMPLE) as { capacities: Record<string, { aims: { measureId?: string }[] }> };
  const capacity = Object.values(broken.capacities).find((c) => c.aims.length > 0)!;
  capacity.aims[0]!.measureId = 'no-such-measure';
  const quick = quickValidatePlan(broken);
  assert.equal(quick?.ok, false);
  assert.deepEqual(quick, validatePlan(broken));
});

test('no answer for a plan of the wrong shape (only the schema can say what is wrong), nor with the fast path off', () => {
  assert.equal(quickValidatePlan({ ...SAMPLE, title: 42 }), undefined);
  assert.equal(quickValidatePlan('not a plan'), undefined);
  enableCompiledPlanValidation(false);
  try {
    assert.equal(quickValidatePlan(SAMPLE), undefined);
  } finally {
    enableCompiledPlanValidation(true);
  }
});

test("the fast path's date patterns are the plan schemas' own (zod's regexes)", () => {
  const pattern = (schema: unknown) => (schema as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern;
  assert.equal(pattern(planDateSchema).source, regexes.date.source);
  assert.equal(
    pattern(planDateTimeSchema).source,
    regexes.datetime({ offset: true, local: false, precision: null }).source,
  );
});
