import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppendBatcher, type AppendWriteParams } from './append-batch.js';
import type { Database } from './db/database.js';

const params = (referralId: string): AppendWriteParams => [
  referralId,
  2,
  `${referralId}-e2`,
  'practice-ash',
  '{}',
  'gp-ash',
  'requested',
  '{}',
  '2025-03-04T09:00:00Z',
  null,
  'hash',
  '{}',
  'referrer',
];

/** A database that records the statements it is sent and fails the batch statement when told to. */
function recordingDatabase(failBatch: boolean) {
  const sent: { name: string | undefined; params: readonly unknown[] }[] = [];
  const db = {
    async query(_sql: string, values: readonly unknown[] = [], options: { name?: string } = {}) {
      sent.push({ name: options.name, params: values });
      if (failBatch && options.name === 'links_append_batch') throw Object.assign(new Error('race'), { code: '23505' });
      return [];
    },
  } as unknown as Database;
  return { db, sent };
}

test('appends that arrive in one turn go to the database as one statement, one column per field', async () => {
  const { db, sent } = recordingDatabase(false);
  const alone: string[] = [];
  const batcher = new AppendBatcher(db, async (p) => {
    alone.push(p[0]);
  });
  await Promise.all(['r1', 'r2', 'r3'].map((id) => batcher.write(params(id))));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.name, 'links_append_batch');
  assert.deepEqual(sent[0]!.params[0], ['r1', 'r2', 'r3']);
  assert.deepEqual(sent[0]!.params[1], [2, 2, 2]);
  assert.deepEqual(alone, []);
  // One append alone in its turn is written on its own.
  await batcher.write(params('r4'));
  assert.equal(sent.length, 1);
  assert.deepEqual(alone, ['r4']);
});

test('while the statements allowed are at the database, later appends wait and then go out together', async () => {
  const sent: unknown[][] = [];
  let release: () => void = () => {};
  const db = {
    async query(_sql: string, values: readonly unknown[] = []) {
      sent.push(values[0] as unknown[]);
      return [];
    },
  } as unknown as Database;
  const alone: string[] = [];
  const batcher = new AppendBatcher(
    db,
    (p) => {
      alone.push(p[0]);
      // The first append's write stays at the database until released.
      return alone.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    },
    1,
  );
  const first = batcher.write(params('r1'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(alone, ['r1']);
  const later = ['r2', 'r3', 'r4'].map((id) => batcher.write(params(id)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(sent.length, 0, 'nothing more goes out while the first write is at the database');
  release();
  await Promise.all([first, ...later]);
  assert.deepEqual(sent, [['r2', 'r3', 'r4']]);
});

test('when a batch fails, each append is written again on its own and only its own failure reaches it', async () => {
  const { db } = recordingDatabase(true);
  const batcher = new AppendBatcher(db, async (p) => {
    if (p[0] === 'r2') throw Object.assign(new Error('version taken'), { code: '22012' });
  });
  const results = await Promise.allSettled(['r1', 'r2', 'r3'].map((id) => batcher.write(params(id))));
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.equal(((results[1] as PromiseRejectedResult).reason as { code: string }).code, '22012');
});
