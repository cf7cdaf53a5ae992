import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PLAN_SCHEMA_VERSION, planJsonSchema } from '../test-all.js';

const COMMITTED = new URL('../../../../docs/schemas/plan.schema.json', import.meta.url);

test('docs/schemas/plan.schema.json is the schema generated from the zod plan schema (regenerate with scripts/gen-schemas.mjs)', () => {
  const expected = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
  const committed = readFileSync(COMMITTED, 'utf8');
  assert.ok(
    committed === expected,
    'docs/schemas/plan.schema.json is out of date: run node --conditions=@links-approach/source --import tsx scripts/gen-schemas.mjs',
  );
});

test('the published schema describes the current document: kind, version, required fields, limits and key patterns', () => {
  const schema = JSON.parse(readFileSync(COMMITTED, 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.properties.kind, { type: 'string', const: 'links.plan' });
  assert.equal(schema.properties.schemaVersion.const, PLAN_SCHEMA_VERSION);
  assert.deepEqual([...schema.required].sort(), [
    'capacities',
    'framework',
    'id',
    'kind',
    'practice',
    'revision',
    'savedAt',
    'savedBy',
    'schemaVersion',
    'status',
    'themes',
    'title',
  ]);
  assert.equal(schema.additionalProperties, false);
  const capacity = schema.properties.capacities.additionalProperties;
  assert.equal(schema.properties.capacities.propertyNames.pattern, '^[a-z0-9]+(?:-[a-z0-9]+)*$');
  assert.equal(capacity.properties.aims.maxItems, 5000);
  assert.equal(capacity.properties.aims.items.properties.statement.maxLength, 10000);
  assert.deepEqual(capacity.properties.measures.items.properties.kind.enum, ['outcome', 'process', 'balancing']);
  assert.equal(capacity.properties.selfAssessedLevel.multipleOf, 0.5);
  // The date pattern is the calendar-aware one: it refuses 2024-02-30 and accepts 2024-02-29.
  const datePattern = new RegExp(capacity.properties.evidence.items.properties.date.pattern);
  assert.equal(datePattern.test('2024-02-29'), true);
  assert.equal(datePattern.test('2024-02-30'), false);
  assert.equal(datePattern.test('2023-02-29'), false);
});
