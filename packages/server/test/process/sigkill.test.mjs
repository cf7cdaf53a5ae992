// The server killed with SIGKILL during a burst of appends: after a restart
// on the same data every acknowledged event is stored, no partial event
// exists (streams gapless, projection = replay of the events), and a client
// retrying its unanswered appends with the same idempotency keys ends with
// each event stored exactly once. On a PGlite data folder and on PostgreSQL.
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
  sleep,
  startServer,
  tempDir,
  uid,
  userWith,
} from './helpers.mjs';
import { assertGaplessInPostgres, checkReferral, versionFrom } from './streams.mjs';

const CLIENTS = 8;
const KILL_AFTER_ACKS = 40;
const MAX_APPENDS_PER_CLIENT = 200;

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function killDuringBurst(t, serverOptions) {
  let server = await startServer(serverOptions);
  cleanups.push(() => server.stop());
  const users = await devUsers(server.url);
  const referrer = userWith(users, 'referrer');
  const practice = practicesOf(referrer)[0];
  let token = await devToken(server.url, referrer.id);

  const referralIds = [];
  for (let i = 0; i < CLIENTS; i++) {
    const id = uid('ref');
    const created = await append(server.url, token, createdEvent(id, practice), { expectedVersion: 0 });
    assert.ok([200, 201].includes(created.status), `created: ${created.status} ${JSON.stringify(created.body)}`);
    referralIds.push(id);
  }

  // Each client owns one referral and appends back to back until the connection dies.
  let ackCount = 0;
  const clients = referralIds.map(async (id, c) => {
    const acked = [];
    const unanswered = [];
    let version = 1;
    for (let n = 0; n < MAX_APPENDS_PER_CLIENT; n++) {
      const event = noteEvent(id, `Burst ${c}.${n}`);
      const key = uid('key');
      let response;
      try {
        response = await append(server.url, token, event, { expectedVersion: version, key, timeoutMs: 20_000 });
      } catch {
        unanswered.push({ event, key, expectedVersion: version });
        break; // The server is gone.
      }
      if (response.status !== 200 && response.status !== 201) {
        throw new Error(`client ${c}: unexpected ${response.status} ${JSON.stringify(response.body)}`);
      }
      version = versionFrom(response);
      acked.push({ id: event.id, version });
      ackCount += 1;
    }
    return { id, acked, unanswered };
  });

  // Kill once the burst is well under way.
  for (let i = 0; i < 2400 && ackCount < KILL_AFTER_ACKS; i++) await sleep(25);
  assert.ok(ackCount >= KILL_AFTER_ACKS, `the burst got going (${ackCount} acknowledged)`);
  server.child.kill('SIGKILL');
  const exit = await server.exited;
  assert.equal(exit.signal, 'SIGKILL');
  const results = await Promise.all(clients);
  const total = results.reduce((n, r) => n + r.acked.length, 0);
  const inFlight = results.reduce((n, r) => n + r.unanswered.length, 0);
  t.diagnostic(`killed after ${total} acknowledged appends with ${inFlight} in flight`);

  // Restart on the same data.
  server = await startServer({ ...serverOptions, port: undefined });
  token = await devToken(server.url, referrer.id);
  for (const r of results) {
    const { ids } = await checkReferral(server.url, token, r.id);
    for (const a of r.acked)
      assert.equal(ids[a.version - 1], a.id, `${r.id}: acknowledged event at version ${a.version} survived`);
    const known = new Set([...r.acked.map((a) => a.id), ...r.unanswered.map((u) => u.event.id)]);
    for (const id of ids.slice(1)) assert.ok(known.has(id), `${r.id}: stored event ${id} was sent by a client`);
    assert.ok(ids.length - 1 <= r.acked.length + r.unanswered.length, `${r.id}: nothing beyond what was sent`);

    // The client retries what it never heard back about, with the same key.
    for (const u of r.unanswered) {
      const retry = await append(server.url, token, u.event, { expectedVersion: u.expectedVersion, key: u.key });
      assert.ok(
        [200, 201].includes(retry.status),
        `${r.id}: retried key → ${retry.status} ${JSON.stringify(retry.body)}`,
      );
    }
    const final = await checkReferral(server.url, token, r.id);
    for (const u of r.unanswered) {
      assert.equal(
        final.ids.filter((x) => x === u.event.id).length,
        1,
        `${r.id}: the retried event is stored exactly once`,
      );
    }
    assert.equal(final.ids.length, 1 + r.acked.length + r.unanswered.length, `${r.id}: every sent event stored once`);
  }
  if (serverOptions.databaseUrl) await assertGaplessInPostgres(serverOptions.databaseUrl);
}

test('SIGKILL during a burst of appends on a PGlite data folder loses no acknowledged event and leaves no partial one', async (t) => {
  const dataDir = tempDir();
  cleanups.push(() => removeDir(dataDir));
  await killDuringBurst(t, { dataDir });
});

test('SIGKILL during a burst of appends on PostgreSQL loses no acknowledged event and leaves no partial one', async (t) => {
  const db = await postgresDatabase();
  if (db.skip) return t.skip(db.skip);
  cleanups.push(() => db.cleanup());
  await killDuringBurst(t, { databaseUrl: db.url });
});
