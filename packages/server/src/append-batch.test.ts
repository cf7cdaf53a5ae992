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

/**
 * A database that records the referral ids of each statement it is sent.
 * `answer` decides each statement's outcome (resolves: committed; throws: failed).
 */
function recordingDatabase(answer: (ids: string[]) => Promise<void> = async () => {}) {
  const sent: string[][] = [];
  const db = {
    async query(_sql: string, values: readonly unknown[] = [], options: { name?: string } = {}) {
      const ids = options.name === 'links_append_to_stream' ? [values[0] as string] : (values[0] as string[]);
      sent.push(ids);
      await answer(ids);
      return [];
    },
  } as unknown as Database;
  return { db, sent };
}

test('appends that arrive in one turn go to the database as one statement, one column per field', async () => {
  const { db, sent } = recordingDatabase();
  const batcher = new AppendBatcher(db);
  await Promise.all(['r1', 'r2', 'r3'].map((id) => batcher.write(params(id))));
  assert.deepEqual(sent, [['r1', 'r2', 'r3']]);
  // One append alone in its turn is a statement of its own.
  await batcher.write(params('r4'));
  assert.deepEqual(sent, [['r1', 'r2', 'r3'], ['r4']]);
});

test('while the statements allowed are at the database, later appends wait and then go out together', async () => {
  let release: () => void = () => {};
  const { db, sent } = recordingDatabase((ids) =>
    // The first append's write stays at the database until released.
    ids[0] === 'r1' ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
  );
  const batcher = new AppendBatcher(db, 1);
  const first = batcher.write(params('r1'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(sent, [['r1']]);
  const later = ['r2', 'r3', 'r4'].map((id) => batcher.write(params(id)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(sent, [['r1']], 'nothing more goes out while the first write is at the database');
  release();
  await Promise.all([first, ...later]);
  assert.deepEqual(sent, [['r1'], ['r2', 'r3', 'r4']]);
});

test('when a batch fails, each append is written again on its own and only its own failure reaches it', async () => {
  const { db, sent } = recordingDatabase(async (ids) => {
    if (ids.length > 1) throw Object.assign(new Error('race'), { code: '23505' });
    if (ids[0] === 'r2') throw Object.assign(new Error('version taken'), { code: '22012' });
  });
  const batcher = new AppendBatcher(db);
  const results = await Promise.allSettled(['r1', 'r2', 'r3'].map((id) => batcher.write(params(id))));
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.equal(((results[1] as PromiseRejectedResult).reason as { code: string }).code, '22012');
  assert.deepEqual(sent, [['r1', 'r2', 'r3'], ['r1'], ['r2'], ['r3']]);
});
