// PostgreSQL stopped and started again under a running server: while it is
// down the service answers 503 with Retry-After (health and appends, as
// problem+json), and once it is back the same process recovers by itself —
// no restart — with nothing lost.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  ROOT,
  append,
  createdEvent,
  devToken,
  devUsers,
  noteEvent,
  postgresDatabase,
  practicesOf,
  request,
  sleep,
  startServer,
  uid,
  userWith,
} from './helpers.mjs';
import { checkReferral, versionFrom } from './streams.mjs';

const cleanups = [];
/** What an append and a read got while the database was down (checked by the second test). */
const outage = {};
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Polls until `check()` is true, at most `tries` times `everyMs` apart. */
async function until(check, { tries = 240, everyMs = 250 } = {}) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

test('PostgreSQL stopped mid-run: 503 with Retry-After while down, recovery without restarting the server', async (t) => {
  const db = await postgresDatabase({ ownCluster: true });
  if (db.skip) return t.skip(db.skip);
  cleanups.push(() => db.cleanup());
  const { pgCtl } = await import(join(ROOT, 'scripts/postgres.mjs'));
  const server = await startServer({ databaseUrl: db.url });
  cleanups.push(() => server.stop());
  const pid = server.child.pid;

  const users = await devUsers(server.url);
  const referrer = userWith(users, 'referrer');
  const token = await devToken(server.url, referrer.id);
  const id = uid('ref');
  const created = await append(server.url, token, createdEvent(id, practicesOf(referrer)[0]), { expectedVersion: 0 });
  assert.ok([200, 201].includes(created.status), `created: ${created.status} ${JSON.stringify(created.body)}`);
  const before = await append(server.url, token, noteEvent(id, 'Before the outage'), { expectedVersion: 1 });
  assert.equal(versionFrom(before), 2);

  let up = false;
  try {
    pgCtl(db.cluster, 'stop');

    const down = await until(async () => (await request(`${server.url}/api/health`)).status === 503);
    assert.ok(down, 'health turns 503 once the database is down');
    const health = await request(`${server.url}/api/health`);
    assert.equal(health.status, 503);
    assert.match(health.headers.get('retry-after') ?? '', /^\d+$/, 'health 503 carries Retry-After in seconds');

    const during = await append(server.url, token, noteEvent(id, 'During the outage'), { expectedVersion: 2 });
    assert.match(during.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.doesNotMatch(JSON.stringify(during.body), /\bat .*\.(ts|js):\d+/, 'no stack trace in the answer');
    outage.append = during;
    outage.read = await request(`${server.url}/api/referrals/${id}`, { token });

    pgCtl(db.cluster, 'start');
    up = true;

    const back = await until(async () => (await request(`${server.url}/api/health`)).status === 200);
    assert.ok(back, 'health is 200 again once the database is back, without restarting the server');
    assert.equal(server.child.exitCode, null, 'the server process kept running');
    assert.equal(server.child.pid, pid);

    const afterOutage = await append(server.url, token, noteEvent(id, 'After the outage'), { expectedVersion: 2 });
    assert.ok(
      [200, 201].includes(afterOutage.status),
      `append after recovery: ${afterOutage.status} ${JSON.stringify(afterOutage.body)}`,
    );
    assert.equal(versionFrom(afterOutage), 3, 'the append during the outage wrote nothing');
    const { ids } = await checkReferral(server.url, token, id);
    assert.equal(ids.length, 3);
  } finally {
    if (!up) {
      try {
        pgCtl(db.cluster, 'start');
      } catch {
        // The cleanup removes the cluster either way.
      }
    }
  }
});

test('PostgreSQL stopped mid-run: appends and reads answer 503 with Retry-After while down', (t) => {
  if (!outage.append) return t.skip('the outage test above did not get that far');
  for (const [what, response] of Object.entries(outage)) {
    assert.equal(response.status, 503, `${what} while the database is down → 503 (${JSON.stringify(response.body)})`);
    assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, `${what}: 503 carries Retry-After`);
  }
});
