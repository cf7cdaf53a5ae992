// Horizontal scale: two stateless `links serve` processes over one
// PostgreSQL database. Appends through both keep every stream gapless and
// never lose or duplicate an event; a retried idempotency key sent to the
// other process returns the first result and writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  append,
  createdEvent,
  devToken,
  devUsers,
  postgresDatabase,
  practicesOf,
  startServer,
  uid,
  userWith,
} from './helpers.mjs';
import { appendNotes, assertGaplessInPostgres, checkReferral, versionFrom } from './streams.mjs';

const REFERRALS = 3;
const WORKERS_PER_SERVER = 2;
const NOTES_PER_WORKER = 8;

let db;
const servers = [];

before(async () => {
  db = await postgresDatabase();
  if (db.skip) return;
  // One after the other: both run the (idempotent) migrations at start.
  servers.push(await startServer({ databaseUrl: db.url }));
  servers.push(await startServer({ databaseUrl: db.url }));
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.cleanup?.();
});

test('appends through two server processes on one PostgreSQL keep each stream gapless, with no event lost or duplicated', async (t) => {
  if (db.skip) return t.skip(db.skip);
  const [a, b] = servers;
  const users = await devUsers(a.url);
  const referrer = userWith(users, 'referrer');
  const practice = practicesOf(referrer)[0];
  const tokenA = await devToken(a.url, referrer.id);
  const tokenB = await devToken(b.url, referrer.id);

  const referralIds = [];
  for (let i = 0; i < REFERRALS; i++) {
    const id = uid('ref');
    const created = await append(a.url, tokenA, createdEvent(id, practice), { expectedVersion: 0 });
    assert.ok([200, 201].includes(created.status), `created ${id}: ${created.status} ${JSON.stringify(created.body)}`);
    assert.equal(versionFrom(created), 1);
    referralIds.push(id);
  }

  // Every referral gets writers on both processes at once.
  const jobs = [];
  for (const id of referralIds) {
    for (const [server, token, name] of [
      [a, tokenA, 'a'],
      [b, tokenB, 'b'],
    ]) {
      for (let w = 0; w < WORKERS_PER_SERVER; w++) {
        jobs.push(appendNotes(server.url, token, id, { count: NOTES_PER_WORKER, startVersion: 1, tag: `${name}${w}` }));
      }
    }
  }
  const results = await Promise.all(jobs);
  const conflicts = results.reduce((n, r) => n + (r.statuses[409] ?? 0), 0);
  t.diagnostic(
    `${results.reduce((n, r) => n + r.acked.length, 0)} appends acknowledged, ${conflicts} conflicts answered 409`,
  );

  const perServer = WORKERS_PER_SERVER * 2;
  for (const [index, id] of referralIds.entries()) {
    const mine = results.slice(index * perServer, (index + 1) * perServer).flatMap((r) => r.acked);
    // Acknowledged versions are distinct: one event per version.
    const versions = mine.map((m) => m.version).sort((x, y) => x - y);
    assert.deepEqual(
      versions,
      Array.from({ length: mine.length }, (_, i) => i + 2),
      `${id}: each acknowledged append got its own version`,
    );
    // Read back through the other process than the one that created it, and through the first.
    for (const [server, token] of [
      [b, tokenB],
      [a, tokenA],
    ]) {
      const { ids, document } = await checkReferral(server.url, token, id);
      assert.equal(ids.length, 1 + mine.length, `${id}: every acknowledged event is stored, and nothing else`);
      const byVersion = new Map(mine.map((m) => [m.version, m.id]));
      for (const [v, eventId] of byVersion)
        assert.equal(ids[v - 1], eventId, `${id}: version ${v} holds the event acknowledged with it`);
      assert.ok(document);
    }
  }

  // A retried key sent to the other process returns the first result and stores nothing.
  const first = results[0].acked[0];
  const again = await append(b.url, tokenB, first.event, { expectedVersion: first.version - 1, key: first.key });
  assert.ok([200, 201].includes(again.status), `retry → ${again.status} ${JSON.stringify(again.body)}`);
  assert.equal(versionFrom(again), first.version, 'the retry answers with the first result');
  const { ids } = await checkReferral(a.url, tokenA, referralIds[0]);
  assert.equal(ids.filter((x) => x === first.id).length, 1, 'the retried event is stored once');
  await assertGaplessInPostgres(db.url);
});
