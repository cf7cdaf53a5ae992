import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkJsonSafety } from './json-safety.js';
import { LIMITS } from './limits.js';
import { formatPath } from './path.js';
import type { ValidationIssue } from './result.js';

/**
 * The first implementation of checkJsonSafety (a recursive closure over a Set
 * of ancestors, Reflect.ownKeys, Array#forEach), kept here verbatim in
 * behaviour as the reference the faster walk must match issue for issue.
 */
function referenceCheck(input: unknown, maxIssues = 20): ValidationIssue[] {
  const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
  const issues: ValidationIssue[] = [];
  const path: PropertyKey[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (issues.length >= maxIssues) return;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) issues.push({ path: formatPath(path), message: 'must be a finite number' });
      return;
    }
    if (typeof value !== 'object') {
      const what = value === undefined ? 'undefined' : `a ${typeof value}`;
      issues.push({ path: formatPath(path), message: `must be JSON data, not ${what}` });
      return;
    }
    if (seen.has(value)) {
      issues.push({ path: formatPath(path), message: 'refers back to itself (a cycle); documents must be trees' });
      return;
    }
    if (path.length >= LIMITS.depth) {
      issues.push({ path: formatPath(path), message: `is nested more than ${LIMITS.depth} levels deep` });
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        visit(item);
        path.pop();
      });
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        issues.push({ path: formatPath(path), message: 'must be a plain JSON object' });
      } else {
        for (const key of Reflect.ownKeys(value)) {
          if (typeof key === 'symbol') continue;
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({
              path: formatPath([...path, key]),
              message: `uses the reserved key "${key}", which is not allowed`,
            });
            continue;
          }
          const child = (value as Record<string, unknown>)[key];
          if (child === undefined) continue;
          path.push(key);
          visit(child);
          path.pop();
        }
      }
    }
    seen.delete(value);
  };
  visit(input);
  return issues;
}

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { child: value };
  return value;
}

class Point {
  constructor(readonly x = 1) {}
}

function hostileCases(): [name: string, value: unknown][] {
  const cycle: Record<string, unknown> = { a: { b: {} } };
  (cycle.a as Record<string, Record<string, unknown>>).b!.back = cycle;
  const arrayCycle: unknown[] = [1, { list: [] as unknown[] }];
  (arrayCycle[1] as { list: unknown[] }).list.push(arrayCycle);
  const shared = { same: true };
  const sparse: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const hidden = { visible: 1 };
  Object.defineProperty(hidden, 'secret', { value: () => 1, enumerable: false });
  Object.defineProperty(hidden, 'constructor', { value: 'x', enumerable: false });
  const withSymbol = { ok: 1, [Symbol('s')]: () => 1 };
  const nullProto = Object.assign(Object.create(null) as object, { fine: 1, bad: Number.NaN });
  const protoKey = JSON.parse('{"a":{"__proto__":{"polluted":true},"b":1}}') as unknown;
  const manyBad = { list: Array.from({ length: 30 }, () => Number.NaN), after: { constructor: 1, prototype: 2 } };
  const tooDeep = nested(LIMITS.depth + 3);
  const deepEnough = nested(LIMITS.depth);
  return [
    ['null', null],
    ['text', 'x'],
    ['number', 1],
    ['NaN at the root', Number.NaN],
    ['undefined at the root', undefined],
    ['a function at the root', () => 1],
    ['a plain document', { a: [1, 'two', true, null, { b: -0 }], c: {} }],
    ['non-finite numbers', { a: Infinity, b: [-Infinity, Number.NaN], c: { d: 1e308 * 10 } }],
    ['non-JSON values', { f: () => 1, s: Symbol('x'), b: 10n, list: [undefined, () => 2] }],
    ['undefined properties are absent ones', { a: undefined, b: 1 }],
    ['holes in sparse arrays are skipped', sparse],
    ['class instances, dates and maps', { p: new Point(), d: new Date(0), m: new Map(), r: /x/ }],
    ['null-prototype objects', nullProto],
    ['an object cycle', cycle],
    ['an array cycle', arrayCycle],
    ['a shared (not cyclic) reference', { one: shared, two: shared, list: [shared, shared] }],
    ['reserved keys', { constructor: 1, nested: { prototype: { x: Number.NaN } }, list: [{ ['__proto__']: 1 }] }],
    ['a parsed __proto__ key', protoKey],
    ['non-enumerable own properties', hidden],
    ['symbol keys', withSymbol],
    ['keys that need quoting', { 'odd key': Number.NaN, '0': undefined, list: [{ 'a.b': () => 1 }] }],
    ['more unsafe values than the cap; reserved keys after it', manyBad],
    ['nested past the depth limit', tooDeep],
    ['nested to the depth limit', deepEnough],
    [
      'sample plan',
      JSON.parse(readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8')),
    ],
  ];
}

/** Issues as the reference implementation writes them: path and English message. */
const plain = (issues: readonly { path: string; message: string }[]) =>
  issues.map(({ path, message }) => ({ path, message }));

test('unsafe input is located and described in plain English', () => {
  const cycle: Record<string, unknown> = { a: {} };
  (cycle.a as Record<string, unknown>).back = cycle;
  assert.deepEqual(
    checkJsonSafety(cycle).map((i) => [i.messageCode, i.params]),
    [['cycle', {}]],
  );
  assert.deepEqual(plain(checkJsonSafety(cycle)), [
    { path: 'a.back', message: 'refers back to itself (a cycle); documents must be trees' },
  ]);
  assert.deepEqual(plain(checkJsonSafety(JSON.parse('{"list":[{"__proto__":1}],"x":{"constructor":{}}}'))), [
    { path: 'list[0].__proto__', message: 'uses the reserved key "__proto__", which is not allowed' },
    { path: 'x.constructor', message: 'uses the reserved key "constructor", which is not allowed' },
  ]);
  assert.deepEqual(plain(checkJsonSafety({ a: [1, Number.NaN], 'odd key': () => 1, u: [undefined], p: new Point() })), [
    { path: 'a[1]', message: 'must be a finite number' },
    { path: '["odd key"]', message: 'must be JSON data, not a function' },
    { path: 'u[0]', message: 'must be JSON data, not undefined' },
    { path: 'p', message: 'must be a plain JSON object' },
  ]);
  assert.deepEqual(
    checkJsonSafety(nested(LIMITS.depth + 1)).map((issue) => issue.message),
    [`is nested more than ${LIMITS.depth} levels deep`],
  );
  assert.deepEqual(checkJsonSafety(nested(LIMITS.depth)), []);
  // A value used twice is fine; only a value inside itself is a cycle.
  const shared = { same: true };
  assert.deepEqual(checkJsonSafety({ one: shared, two: [shared, shared] }), []);
});

test('at most maxIssues unsafe values are reported; then the walk goes no deeper, but reserved keys beside it still count', () => {
  const issues = checkJsonSafety({
    list: Array.from({ length: 30 }, () => Number.NaN),
    after: { prototype: 1 },
    prototype: 2,
  });
  assert.equal(issues.filter((issue) => issue.message === 'must be a finite number').length, 20);
  assert.equal(issues.length, 21);
  assert.deepEqual(issues.at(-1), {
    path: 'prototype',
    message: 'uses the reserved key "prototype", which is not allowed',
    messageCode: 'reserved-key',
    params: { key: 'prototype' },
  });
  assert.equal(checkJsonSafety([Number.NaN, Number.NaN, Number.NaN], 2).length, 2);
});

test('matches the reference implementation issue for issue on hostile and ordinary input', () => {
  for (const [name, value] of hostileCases()) {
    for (const max of [20, 1, 3]) {
      assert.deepEqual(plain(checkJsonSafety(value, max)), referenceCheck(value, max), `${name} (maxIssues ${max})`);
    }
  }
});

test('matches the reference implementation on random documents', () => {
  // A small seeded generator (mulberry32), so a failure can be replayed.
  let seed = 20_240_501;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const scalars: readonly unknown[] = [
    'a',
    '',
    0,
    -1.5,
    true,
    false,
    null,
    Number.NaN,
    Infinity,
    undefined,
    () => 0,
    1n,
  ];
  const keys = ['a', 'b', 'constructor', 'prototype', '__proto__', 'odd key', '0', '12', 'x-y'];
  const generate = (depth: number, pool: object[]): unknown => {
    const roll = random();
    if (depth > 36 || roll < 0.35) return pick(scalars);
    if (roll < 0.4 && pool.length > 0) return pick(pool); // shared or cyclic reference
    if (roll < 0.45) return new Point();
    if (roll < 0.7) {
      const list: unknown[] = [];
      pool.push(list);
      const length = Math.floor(random() * 4);
      for (let i = 0; i < length; i++) list[i] = generate(depth + 1, pool);
      if (random() < 0.1) list.length += 1; // a trailing hole
      return list;
    }
    const object: Record<string, unknown> = random() < 0.1 ? (Object.create(null) as Record<string, unknown>) : {};
    pool.push(object);
    const count = Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const key = pick(keys);
      if (key === '__proto__')
        Object.defineProperty(object, key, {
          value: generate(depth + 1, pool),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      else object[key] = generate(depth + 1, pool);
    }
    return object;
  };
  for (let run = 0; run < 3000; run++) {
    const value = generate(0, []);
    const max = pick([20, 2, 5]);
    assert.deepEqual(plain(checkJsonSafety(value, max)), referenceCheck(value, max), `random document ${run}`);
  }
});
