// The one-of-each helpers core's areas share: withoutUndefined, the seeded
// generator and seed hash, the random id, median and quantile, DAY_MS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutUndefined } from './object.js';
import { hashSeed, mulberry32, randomId } from './random.js';
import { medianOf, quantileSorted } from './stats.js';
import { DAY_MS } from './time.js';
import { createDemoRandom } from '../demo-data/random.js';
import { applyEvent, addAim, type ReferralEvent } from '../test-all.js';
import { script } from '../referral/fixtures.test.js';
import { parsePlanDocument } from '../plan/index.js';

test('withoutUndefined drops undefined keys at every depth and keeps everything else', () => {
  const input = { a: 1, b: undefined, c: { d: undefined, e: [1, { f: undefined, g: null }] }, h: new Date(0) };
  assert.deepEqual(withoutUndefined(input), { a: 1, c: { e: [1, { g: null }] }, h: new Date(0) });
  assert.equal(input.b, undefined, 'the input is not changed');
  assert.ok('b' in input);
  // Beyond the depth limit a value is returned untouched, for validation to judge.
  const deep = { x: { y: { z: undefined } } };
  assert.equal((withoutUndefined(deep, 1) as typeof deep).x.y, deep.x.y);
});

test('withoutUndefined keeps a "__proto__" key as an own key rather than replacing the prototype', () => {
  const hostile = JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;
  const copy = withoutUndefined(hostile) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.ok(Object.prototype.hasOwnProperty.call(copy, '__proto__'));
  assert.equal(copy.polluted, undefined, 'nothing is inherited from the hostile key');
  assert.deepEqual(Object.keys(copy), ['a', '__proto__']);
});

test('a referral event with a "__proto__" key is refused, not applied with the key silently dropped', () => {
  const s = script('ref-proto');
  const created = s.created();
  const hostile = JSON.parse(
    JSON.stringify(created).replace(/^\{/, '{"__proto__":{"practiceId":"other-practice"},'),
  ) as ReferralEvent;
  const result = applyEvent(undefined, hostile);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.rejection.code, 'invalid-event');
    assert.match(result.rejection.reason, /__proto__/);
  }
  assert.equal(applyEvent(undefined, created).ok, true, 'the same event without the key is applied');
});

test('a plan edit with a "__proto__" key is refused with its path', async () => {
  const { readFileSync } = await import('node:fs');
  const parsed = parsePlanDocument(
    JSON.parse(readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8')),
  );
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const result = addAim(parsed.value, 'awareness', JSON.parse('{"statement":"x","__proto__":{"polluted":true}}'));
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!.path, /__proto__$/);
});

test('hashSeed is FNV-1a (32-bit): known values, always unsigned', () => {
  assert.equal(hashSeed(''), 0x811c9dc5);
  assert.equal(hashSeed('a'), 0xe40c292c);
  assert.equal(hashSeed('foobar'), 0xbf9cf968);
  for (const text of ['x', 'links', 'a much longer seed text than the others'])
    assert.ok(hashSeed(text) >= 0 && hashSeed(text) < 2 ** 32);
});

test('mulberry32 gives the same sequence for the same seed, in [0, 1), and the demo generator is built on it', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const c = mulberry32(43);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b()),
  );
  assert.notDeepEqual(
    xs.slice(0, 5),
    Array.from({ length: 5 }, () => c()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  // mulberry32's published first output for seed 42 (as a fraction of 2^32).
  assert.equal(mulberry32(42)(), 0.6011037519201636);
  const demo = createDemoRandom(7, 'plans');
  const direct = mulberry32(hashSeed('7\u0000plans') ^ 0x9e3779b9);
  for (let i = 0; i < 20; i++) assert.equal(demo.next(), direct());
});

test('randomId gives a prefixed, unique id', () => {
  const ids = new Set(Array.from({ length: 200 }, () => randomId('evt')));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.match(id, /^evt-[0-9a-f-]{36}$/);
});

test('medianOf and quantileSorted (type 7) agree, and neither changes its input', () => {
  const input = [5, 1, 4, 2, 3];
  assert.equal(medianOf(input), 3);
  assert.deepEqual(input, [5, 1, 4, 2, 3]);
  assert.equal(medianOf([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(medianOf([])));
  assert.equal(quantileSorted([1, 2, 3, 4], 0.25), 1.75);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), medianOf([4, 3, 2, 1]));
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test('DAY_MS is one day', () => {
  assert.equal(Date.parse('2025-01-02T00:00:00Z') - Date.parse('2025-01-01T00:00:00Z'), DAY_MS);
});

test('plan rules core states once: the level list matches the schema, spread needs an adopted cycle', async () => {
  const { canSpread, MATURITY_LEVELS, MAX_OPEN_CYCLES, selfAssessedLevelSchema } = await import('../plan/index.js');
  const { safeParse } = await import('zod/mini');
  for (const level of MATURITY_LEVELS)
    assert.equal(safeParse(selfAssessedLevelSchema, level).success, true, `${level}`);
  for (const level of [-0.5, 0.25, 5.5])
    assert.equal(safeParse(selfAssessedLevelSchema, level).success, false, `${level}`);
  assert.equal(MATURITY_LEVELS.length, 11);
  assert.equal(MAX_OPEN_CYCLES, 1);
  const cycle = { id: 'c1', plan: 'p', prediction: 'x', startDate: '2025-01-01' };
  assert.equal(canSpread({ cycles: [] }), false);
  assert.equal(canSpread({ cycles: [{ ...cycle, completedDate: '2025-02-01', study: 's', act: 'adapt' }] }), false);
  assert.equal(canSpread({ cycles: [{ ...cycle, completedDate: '2025-02-01', study: 's', act: 'adopt' }] }), true);
});
