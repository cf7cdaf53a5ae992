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
import { assertGaplessInPostgres, checkReferral, versionFrom } from './streams.mjs';

const CLIENTS = 50;
const ROUNDS = 4;
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function fiftyClients(server) {
  const users = await devUsers(server.url);
  const referrer = userWith(users, 'referrer');
  const practice = practicesOf(referrer)[0];
  const token = await devToken(server.url, referrer.id);
  const id = uid('ref');
  const created = await append(server.url, token, createdEvent(id, practice), { expectedVersion: 0 });
  assert.ok([200, 201].includes(created.status), `created: ${created.status} ${JSON.stringify(created.body)}`);

  // Each round: all 50 clients send an event written against the same version at once.
  // Exactly one wins; the other 49 get 409 with the new current version.
  const winners = [];
  for (let round = 0; round < ROUNDS; round++) {
    const version = 1 + round;
    const events = Array.from({ length: CLIENTS }, (_, i) => noteEvent(id, `Round ${round} client ${i}`));
    const answers = await Promise.all(
      events.map((event) => append(server.url, token, event, { expectedVersion: version })),
    );
    const statuses = answers.map((r) => r.status);
    const won = answers.flatMap((r, i) => (r.status === 201 ? [{ r, event: events[i] }] : []));
    assert.equal(
      won.length,
      1,
      `round ${round}: exactly one of ${CLIENTS} appends at version ${version} wins (statuses ${JSON.stringify(statuses)})`,
    );
    assert.equal(versionFrom(won[0].r), version + 1);
    const lost = answers.filter((r) => r.status === 409);
    assert.equal(
      lost.length,
      CLIENTS - 1,
      `round ${round}: the other ${CLIENTS - 1} get 409 Conflict (statuses ${JSON.stringify(statuses)})`,
    );
    for (const r of lost) {
      assert.equal(versionFrom(r), version + 1, '409 carries the current version');
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    winners.push(won[0].event.id);
  }

  const { ids } = await checkReferral(server.url, token, id);
  assert.deepEqual(
    ids.slice(1),
    winners,
    'the stream holds exactly the winner of each round, in order: one event per version',
  );
}

test('50 clients appending to one referral at once on PGlite: one event per version, replay equals projection', async () => {
  const dataDir = tempDir();
  const server = await startServer({ dataDir });
  cleanups.push(() => removeDir(dataDir));
  cleanups.push(() => server.stop());
  await fiftyClients(server);
});

test('50 clients appending to one referral at once on PostgreSQL: one event per version, replay equals projection', async (t) => {
  const db = await postgresDatabase();
  if (db.skip) return t.skip(db.skip);
  cleanups.push(() => db.cleanup());
  const server = await startServer({ databaseUrl: db.url });
  cleanups.push(() => server.stop());
  await fiftyClients(server);
  await assertGaplessInPostgres(db.url);
});
