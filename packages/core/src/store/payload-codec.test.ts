import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore, fail, joinPath, ok, payloadCodec, type Result, type ValidationIssue } from '../test-all.js';

/** A payload validator for the tests: a list of positive whole numbers. */
function counts(payload: unknown): Result<number[], ValidationIssue> {
  if (!Array.isArray(payload)) return fail([{ path: '', message: 'must be a list' }]);
  const bad = payload.findIndex((n) => !Number.isInteger(n) || n < 1);
  return bad === -1 ? ok([...payload]) : fail([{ path: `[${bad}]`, message: 'must be a positive whole number' }]);
}

const codec = payloadCodec('test.counts', 'counts', counts);
const stamp = { id: 'c-1', revision: 2, savedAt: '2025-04-01T09:00:00.000Z', savedBy: 'CLP' };

test('payloadCodec keeps the stamp and the validated payload, and nothing else', () => {
  const result = codec.validate({ ...stamp, counts: [1, 2], extra: 'dropped' });
  assert.deepEqual(result, { ok: true, value: { ...stamp, counts: [1, 2] } });
  assert.equal(codec.kind, 'test.counts');
});

test('payloadCodec reports a broken stamp at its JSON path, before looking at the payload', () => {
  const result = codec.validate({ ...stamp, revision: 'two', savedAt: 'yesterday', counts: 'not checked' });
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.errors.map((e) => e.path), ['revision', 'savedAt']);
  assert.equal(codec.validate(null).ok, false);
});

test('payloadCodec puts payload errors under the field name', () => {
  const nested = codec.validate({ ...stamp, counts: [1, 0] });
  assert.deepEqual(nested.ok ? [] : nested.errors, [{ path: 'counts[1]', message: 'must be a positive whole number' }]);
  const whole = codec.validate({ ...stamp, counts: 'seven' });
  assert.deepEqual(whole.ok ? [] : whole.errors, [{ path: 'counts', message: 'must be a list' }]);
});

test('payloadCodec hands the checked stamp to the payload validator', () => {
  const own = payloadCodec('test.own', 'items', (items: unknown, { id }) =>
    Array.isArray(items) && items.every((i) => i === id)
      ? ok(items as string[])
      : fail([{ path: '', message: `must all be ${id}` }]),
  );
  assert.equal(own.validate({ ...stamp, items: ['c-1'] }).ok, true);
  assert.equal(own.validate({ ...stamp, items: ['c-2'] }).ok, false);
});

test('a memory store keeps payload documents, and refuses a bad one without writing', async () => {
  const store = createMemoryStore(codec, { now: () => new Date('2025-04-01T09:00:00.000Z') });
  const saved = await store.save(
    { id: 'c-1', revision: 0, savedAt: '', savedBy: '', counts: [3] },
    { expectedRevision: 0, author: 'CLP' },
  );
  assert.equal(saved.ok, true);
  const refused = await store.save(
    { id: 'c-1', revision: 1, savedAt: '', savedBy: '', counts: [-1] },
    { expectedRevision: 1, author: 'CLP' },
  );
  assert.deepEqual(refused.ok ? [] : refused.errors.map((e) => e.path), ['counts[0]']);
  assert.deepEqual((await store.get('c-1'))?.counts, [3]);
});

test('joinPath writes paths as our errors do', () => {
  assert.equal(joinPath('events', '[3].at'), 'events[3].at');
  assert.equal(joinPath('register', 'entries'), 'register.entries');
  assert.equal(joinPath('response', ''), 'response');
  assert.equal(joinPath('', 'x'), 'x');
});
