// Live changes across processes: two `links serve` processes on one
// PostgreSQL. A change appended through process A reaches a client of
// process B (PostgreSQL LISTEN/NOTIFY), and the other way round, in order;
// a SIGTERM to a process with a stream open still exits promptly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createChangeFeed } from '@links-approach/core/service';
import {
  append,
  createdEvent,
  devToken,
  devUsers,
  noteEvent,
  postgresDatabase,
  practicesOf,
  startServer,
  uid,
  userWith,
} from './helpers.mjs';

let db;
const servers = [];

before(async () => {
  db = await postgresDatabase();
  if (db.skip) return;
  servers.push(await startServer({ databaseUrl: db.url }));
  servers.push(await startServer({ databaseUrl: db.url }));
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.cleanup?.();
});

async function until(check, what, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), `timed out waiting for ${what}`);
}

test('a change appended through process A reaches a client of process B, and one through B a client of A, in order', async (t) => {
  if (db.skip) return t.skip(db.skip);
  const [a, b] = servers;
  const users = await devUsers(a.url);
  const referrer = userWith(users, 'referrer');
  const clp = userWith(users, 'clp', practicesOf(referrer)[0]);
  const practice = practicesOf(referrer)[0];
  const heardAtA = [];
  const heardAtB = [];
  const feedA = createChangeFeed({ baseUrl: a.url, getToken: () => devToken(a.url, clp.id) });
  const feedB = createChangeFeed({ baseUrl: b.url, getToken: () => devToken(b.url, clp.id) });
  const stops = [feedA.subscribe((c) => heardAtA.push(c)), feedB.subscribe((c) => heardAtB.push(c))];
  try {
    await until(() => feedA.status.state === 'live' && feedB.status.state === 'live', 'both feeds live');
    const tokenA = await devToken(a.url, referrer.id);
    const tokenB = await devToken(b.url, referrer.id);
    const id = uid('ref');
    const created = await append(a.url, tokenA, createdEvent(id, practice), { expectedVersion: 0 });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await until(() => heardAtB.some((c) => c.id === id), 'process B to hear of the append through A');
    const noted = await append(b.url, tokenB, noteEvent(id), { expectedVersion: 1 });
    assert.equal(noted.status, 201, JSON.stringify(noted.body));
    await until(
      () => heardAtA.filter((c) => c.id === id).length === 2 && heardAtB.filter((c) => c.id === id).length === 2,
      'both versions at both',
    );
    for (const heard of [heardAtA, heardAtB]) {
      assert.deepEqual(
        heard.filter((c) => c.id === id).map((c) => [c.kind, c.practiceId, c.version]),
        [
          ['referral', practice, 1],
          ['referral', practice, 2],
        ],
      );
    }
    assert.deepEqual(
      heardAtA.map((c) => c.seq),
      heardAtB.map((c) => c.seq),
      'both processes deliver the same changes in the same order',
    );
  } finally {
    for (const stop of stops) stop();
  }
});

test('SIGTERM with a change stream open: the process ends its streams and exits cleanly (code 0, not killed after 30 s)', async (t) => {
  if (db.skip) return t.skip(db.skip);
  const b = servers[1];
  const users = await devUsers(b.url);
  const clp = userWith(users, 'clp');
  const feed = createChangeFeed({
    baseUrl: b.url,
    getToken: () => devToken(b.url, clp.id),
    retry: { initialMs: 5_000, maxMs: 5_000 },
  });
  const stop = feed.subscribe(() => undefined);
  try {
    await until(() => feed.status.state === 'live', 'the feed to go live');
    const started = Date.now();
    const result = await b.stop('SIGTERM');
    const took = Date.now() - started;
    assert.equal(result.code, 0, `exit ${JSON.stringify(result)}`);
    t.diagnostic(`exited ${took} ms after SIGTERM`);
    await until(() => feed.status.state !== 'live', 'the feed to notice');
  } finally {
    stop();
  }
});
