/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely */
// Property tests: the hand-written fast path of the plan schema
// (fast-validation.ts) against zod's interpreted schema, on random valid and
// broken plans. Whenever the fast path accepts, the schema (with the JSON
// safety checks) accepts too, with the same value, keys in the same order;
// for JSON documents the fast path accepts every plan the schema accepts, so
// valid plans never take the slow path. Errors always come from the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseWith } from '../validation/parse.js';
import { LIMITS } from '../validation/limits.js';
import { generateDemoData } from '../demo-data/index.js';
import { planSchema } from './schema.js';
import { fastParsePlan } from './fast-validation.js';
import { applySharedEdit, slotAt } from '../validation/test-edits.js';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as unknown;
const DEMO = generateDemoData({ practices: 3, seed: 'fast-path', months: 6 }).plans.map(
  (plan) => JSON.parse(JSON.stringify(plan)) as unknown,
);

/** Values near every edge the plan schema checks, valid and not. */
const edgy = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    ' padded ',
    '\u00a0nbsp\u00a0',
    'x'.repeat(LIMITS.shortText),
    `${'x'.repeat(LIMITS.shortText)} `,
    'x'.repeat(LIMITS.shortText + 1),
    '😀'.repeat(100),
    '😀'.repeat(101),
    `a${'😀'.repeat(100)}`,
    'x'.repeat(LIMITS.longText + 1),
    '2024-02-29',
    '2023-02-29',
    '2024-12-31',
    '2024-05-01T09:30:00Z',
    '2024-05-01T09:30:00.123+01:00',
    '2024-05-01T24:00:00Z',
    'aim-1',
    'a.b:c_d-e',
    '-aim',
    'team-wellbeing',
    'Team-Wellbeing',
    'constructor',
    '1.0.0',
    '1.0',
    'Dr 1234567890',
    'Dr 123456789',
    'programme',
    'increase',
    'outcome',
    'adopt',
    'agreed',
    'links.plan',
    0,
    -0,
    0.5,
    2.5,
    4.75,
    5,
    5.5,
    -1,
    1e12,
    1e12 + 1,
    -1e12,
    1_000_000,
    1_000_001,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    true,
    [],
    {},
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** One edit to a plan: replace a value, remove a key or entry, add an unknown key, pad a string. */
const editArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'unknown-key', 'pad', 'optional', 'stretch', 'choice'),
  value: edgy,
  limit: fc.constantFrom(64, 128, LIMITS.shortText, 2 * LIMITS.shortText, LIMITS.longText),
  over: fc.constantFrom(-1, 0, 1),
});

const OPTIONAL_FIELDS = [
  'locality',
  'name',
  'target',
  'unit',
  'targetDate',
  'measureId',
  'baseline',
  'date',
  'note',
  'description',
  'spread',
  'do',
  'study',
  'act',
  'completedDate',
  'owner',
  'selfAssessedLevel',
];

/** Every value of every closed choice in the plan schema. */
const CHOICES = [
  'programme',
  'comparison',
  'outcome',
  'process',
  'balancing',
  'increase',
  'decrease',
  'adopt',
  'adapt',
  'abandon',
  'draft',
  'submitted',
  'agreed',
  'under-review',
  'Under-review',
];

function applyEdit(
  document: any,
  edit: { at: number; kind: string; value: unknown; limit: number; over: number },
): void {
  const slot = slotAt(document, edit.at);
  if (!slot || applySharedEdit(slot.parent, slot.key, edit.kind, edit.value)) return;
  const { parent, key } = slot;
  switch (edit.kind) {
    case 'unknown-key':
      if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key]))
        parent[key][typeof edit.value === 'string' && edit.value ? edit.value : 'unexpected'] = 1;
      break;
    case 'pad':
      if (typeof parent[key] === 'string') parent[key] = ` ${parent[key]}\n`;
      break;
    case 'stretch':
      // A text lengthened to a limit, one under or one over (ids stay ids, dates stop being dates).
      if (typeof parent[key] === 'string')
        parent[key] = parent[key] + 'x'.repeat(Math.max(0, edit.limit + edit.over - parent[key].length));
      break;
    case 'choice':
      parent[key] = CHOICES[edit.at % CHOICES.length];
      break;
    case 'optional':
      if (!Array.isArray(parent))
        parent[OPTIONAL_FIELDS[edit.at % OPTIONAL_FIELDS.length]!] = structuredClone(edit.value);
      break;
  }
}

/** The fast path against the schema on one document. */
function agree(document: unknown): 'fast' | 'refused' {
  const fast = fastParsePlan(document);
  const schema = parseWith(planSchema, document);
  if (fast !== undefined) {
    assert.ok(schema.ok, `the fast path accepted what the schema refuses: ${JSON.stringify(schema)}`);
    assert.deepStrictEqual(fast, schema.value);
    assert.equal(JSON.stringify(fast), JSON.stringify(schema.value), 'keys in the same order');
    return 'fast';
  }
  assert.ok(
    !schema.ok,
    `the schema accepts a JSON plan the fast path sent to it: ${JSON.stringify(document).slice(0, 300)}`,
  );
  return 'refused';
}

test('on random edits of real plans, the fast path accepts exactly what the schema accepts, with the same value', () => {
  const seen = { fast: 0, refused: 0 };
  fc.assert(
    fc.property(fc.constantFrom(SAMPLE, ...DEMO), fc.array(editArb, { minLength: 0, maxLength: 4 }), (base, edits) => {
      const document = structuredClone(base) as any;
      for (const edit of edits) applyEdit(document, edit);
      seen[agree(JSON.parse(JSON.stringify(document)))]++;
    }),
    { numRuns: 3000, seed: 20_251_202, endOnFailure: true },
  );
  // Both outcomes are exercised many times.
  assert.ok(seen.fast > 200, `accepted ${seen.fast}`);
  assert.ok(seen.refused > 200, `refused ${seen.refused}`);
});

test('input that is not JSON data never takes the fast path wrongly', () => {
  const base = structuredClone(SAMPLE) as any;
  const cases: [string, (plan: any) => void][] = [
    ['an optional field present as undefined', (plan) => (plan.practice.locality = undefined)],
    ['a class instance', (plan) => (plan.practice = Object.assign(new (class Practice {})(), plan.practice))],
    ['a null-prototype object', (plan) => (plan.framework = Object.assign(Object.create(null), plan.framework))],
    ['a symbol key in a record', (plan) => (plan.capacities[Symbol('x')] = plan.capacities.awareness)],
    [
      'a non-enumerable record entry',
      (plan) => Object.defineProperty(plan.themes, 'hidden-theme', { value: { focusAreas: [] }, enumerable: false }),
    ],
    ['a parsed __proto__ key', (plan) => Object.assign(plan, JSON.parse('{"practice":{"__proto__":{"x":1}}}'))],
    ['a "constructor" capacity', (plan) => (plan.capacities.constructor = plan.capacities.awareness)],
    ['a cycle', (plan) => plan.capacities.awareness.aims.push(plan)],
    ['a sparse list', (plan) => (plan.capacities.awareness.team.length += 1)],
    ['a getter', (plan) => Object.defineProperty(plan.practice, 'name', { get: () => 'Got', enumerable: true })],
    ['Infinity', (plan) => (plan.capacities.awareness.selfAssessedLevel = Infinity)],
    ['NaN', (plan) => (plan.revision = Number.NaN)],
  ];
  for (const [name, change] of cases) {
    const document = structuredClone(base);
    change(document);
    const fast = fastParsePlan(document);
    const schema = parseWith(planSchema, document);
    if (fast !== undefined) {
      assert.ok(schema.ok, name);
      assert.deepStrictEqual(fast, schema.value, name);
    }
  }
});

test('the fast path returns fresh objects and trims text as the schema does', () => {
  const plan = structuredClone(SAMPLE) as any;
  plan.title = '  Padded title \n';
  const fast = fastParsePlan(plan) as any;
  assert.equal(fast.title, 'Padded title');
  assert.notEqual(fast.practice, plan.practice);
  assert.notEqual(fast.capacities['team-wellbeing'].aims, plan.capacities['team-wellbeing'].aims);
});
