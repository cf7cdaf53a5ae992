// 50 clients appending to one referral at once: exactly one event per
// version, and core's replay of the stored stream equals the stored
// projection. On PGlite (always) and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  append,
  createdEvent,
  devToken,
  devUsers,
  noteEvent,
  postgresDatabase,
  practicesOf,
  removeDir,
  startServer,
  tempDir,
  uid,
  userWith,
} from './helpers.mjs';
import { appendNotes, checkReferral, versionFrom } from './streams.mjs';

const CLIENTS = 50;
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function fiftyClients(t, server) {
  const users = await devUsers(server.url);
  const referrer = userWith(users, 'referrer');
  const practice = practicesOf(referrer)[0];
  const token = await devToken(server.url, referrer.id);
  const id = uid('ref');
  const created = await append(server.url, token, createdEvent(id, practice), { expectedVersion: 0 });
  assert.ok([200, 201].includes(created.status), `created: ${created.status} ${JSON.stringify(created.body)}`);

  // Round one: all 50 send the same expected version at once; exactly one wins.
  const first = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      append(server.url, token, noteEvent(id, `Round one ${i}`), { expectedVersion: 1 }),
    ),
  );
  const statuses = first.map((r) => r.status);
  const won = first.filter((r) => r.status === 200 || r.status === 201);
  assert.equal(won.length, 1, `exactly one of ${CLIENTS} appends at version 1 wins (statuses ${JSON.stringify(statuses)})`);
  const lost = first.filter((r) => r.status === 409);
  assert.equal(lost.length, CLIENTS - 1, `the other ${CLIENTS - 1} get 409 Conflict (statuses ${JSON.stringify(statuses)})`);
  for (const r of lost) {
    assert.equal(versionFrom(r), 2, '409 carries the current version');
    assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  }

  // Then every client keeps trying until each has one more event in.
  const results = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      appendNotes(server.url, token, id, { count: 1, startVersion: 2, tag: `c${i}`, maxAttempts: 400 }),
    ),
  );
  const acked = results.flatMap((r) => r.acked);
  const versions = acked.map((a) => a.version).sort((x, y) => x - y);
  assert.deepEqual(
    versions,
    Array.from({ length: CLIENTS }, (_, i) => i + 3),
    'every acknowledged append has its own version: exactly one event per version',
  );
  t.diagnostic(`${results.reduce((n, r) => n + (r.statuses[409] ?? 0), 0)} conflicts answered 409 on the way`);

  const { ids } = await checkReferral(server.url, token, id);
  assert.equal(ids.length, 2 + CLIENTS, 'created + round-one winner + one per client, nothing else');
  for (const a of acked) assert.equal(ids[a.version - 1], a.id, `version ${a.version} holds its acknowledged event`);
}

test('50 clients appending to one referral at once on PGlite: one event per version, replay equals projection', async (t) => {
  const dataDir = tempDir();
  const server = await startServer({ dataDir });
  cleanups.push(() => removeDir(dataDir));
  cleanups.push(() => server.stop());
  await fiftyClients(t, server);
});

test('50 clients appending to one referral at once on PostgreSQL: one event per version, replay equals projection', async (t) => {
  const db = await postgresDatabase();
  if (db.skip) return t.skip(db.skip);
  cleanups.push(() => db.cleanup());
  const server = await startServer({ databaseUrl: db.url });
  cleanups.push(() => server.stop());
  await fiftyClients(t, server);
});
