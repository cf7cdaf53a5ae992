// Appending to referral streams under contention, and checking what was
// stored: shared by the process-level tests.
import assert from 'node:assert/strict';
import { replay } from '@links-approach/core/referral';
import { append, noteEvent, readReferral, request, sleep, sql, uid } from './helpers.mjs';

/** The stream version a successful append or a 409 reports (body field, or the ETag). */
export function versionFrom(response) {
  const body = response.body ?? {};
  const candidates = [body.version, body.currentVersion, body.streamVersion, body.referral?.version];
  for (const value of candidates) if (Number.isInteger(value)) return value;
  const etag = response.headers?.get?.('etag');
  if (etag) {
    const match = /(\d+)"?$/.exec(etag);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The stored events of a referral document from `GET /api/referrals/{id}`, oldest first. */
export function storedEvents(document) {
  return document.events;
}

/** The state a referral document carries (core's replay of the stored stream). */
export function projectionOf(document) {
  return document.referral.state;
}

/**
 * The stored projection row of a referral as the caseload list returns it
 * (the summary: core's state without timeline and notes), found by walking
 * its practice's list (bounded).
 */
export async function listedProjection(base, token, practiceId, referralId) {
  let after = null;
  for (let page = 0; page < 200; page++) {
    const response = await request(
      `${base}/api/referrals?practice=${encodeURIComponent(practiceId)}&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      { token },
    );
    if (response.status !== 200) throw new Error(`GET referrals → ${response.status} ${JSON.stringify(response.body)}`);
    const row = response.body.referrals.find((r) => r.id === referralId);
    if (row) return row;
    after = response.body.next;
    if (!after) break;
  }
  throw new Error(`${referralId} is not in the caseload list of ${practiceId}`);
}

/** A state without timeline and notes. */
export function summaryOf(state) {
  return Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'timeline' && key !== 'notes'));
}

/**
 * One client appending `count` notes to a referral, with optimistic
 * concurrency: on 409 it takes the current version from the answer and tries
 * again (a fresh event each time, so events stay in time order). Bounded by
 * `maxAttempts`. Resolves the acknowledged `{ id, version, key }` and counts.
 */
export async function appendNotes(base, token, referralId, { count, startVersion, maxAttempts = 500, tag = 'c' }) {
  const acked = [];
  const statuses = {};
  let version = startVersion;
  let attempts = 0;
  while (acked.length < count) {
    attempts += 1;
    if (attempts > maxAttempts)
      throw new Error(`${tag}: gave up after ${maxAttempts} attempts (${JSON.stringify(statuses)})`);
    const event = noteEvent(referralId, `Note ${tag} ${acked.length}`);
    const key = uid('key');
    const response = await append(base, token, event, { expectedVersion: version, key });
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status === 200 || response.status === 201) {
      const stored = versionFrom(response);
      assert.ok(
        Number.isInteger(stored),
        `an acknowledged append reports its version: ${JSON.stringify(response.body)}`,
      );
      acked.push({ id: event.id, version: stored, key, event });
      version = stored;
    } else if (response.status === 409) {
      const current = versionFrom(response);
      assert.ok(Number.isInteger(current), `a 409 reports the current version: ${JSON.stringify(response.body)}`);
      version = current;
    } else if (response.status === 429) {
      await sleep(50);
    } else {
      throw new Error(`${tag}: unexpected ${response.status} ${JSON.stringify(response.body)}`);
    }
  }
  return { acked, statuses, attempts };
}

/**
 * Checks one stored stream: versions 1..N without a gap, no event id twice,
 * the projection's version N, and core's `replay` of the stored events equal
 * to the stored projection. Returns the stored event ids in order.
 */
export function assertConsistentStream(document, referralId) {
  const events = storedEvents(document);
  assert.ok(events.length > 0, `${referralId} has events`);
  // The events come ordered by version; the projection's version is the last one, so
  // versions 1..N exist with no gap exactly when their count equals the projection's version.
  assert.equal(
    document.referral.version,
    events.length,
    `${referralId}: stream versions are 1..${events.length} without a gap`,
  );
  const ids = events.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, `${referralId}: no event stored twice`);
  const replayed = replay(events);
  assert.deepEqual(replayed.rejected, [], `${referralId}: core replays every stored event`);
  assert.equal(replayed.state.referrals.length, 1);
  assert.deepEqual(
    JSON.parse(JSON.stringify(replayed.state.referrals[0])),
    JSON.parse(JSON.stringify(projectionOf(document))),
    `${referralId}: replay of the stored stream equals the stored projection`,
  );
  return ids;
}

/**
 * Reads a referral and checks it (see {@link assertConsistentStream}), and
 * checks its stored projection row (from the caseload list) against the
 * summary of core's replay of the stored stream.
 */
export async function checkReferral(base, token, referralId) {
  const document = await readReferral(base, token, referralId);
  const ids = assertConsistentStream(document, referralId);
  const listed = await listedProjection(base, token, document.referral.practiceId, referralId);
  assert.equal(
    listed.version,
    document.referral.version,
    `${referralId}: the projection row's version is the stream's`,
  );
  assert.deepEqual(
    JSON.parse(JSON.stringify(listed.state)),
    JSON.parse(JSON.stringify(summaryOf(replay(storedEvents(document)).state.referrals[0]))),
    `${referralId}: the stored projection equals the summary of core's replay of the stored stream`,
  );
  return { ids, document };
}

/**
 * Checks every stream in a PostgreSQL database directly: versions run 1..N
 * with no gap or repeat, and the projection row's version is N.
 */
export async function assertGaplessInPostgres(databaseUrl) {
  const rows = await sql(
    databaseUrl,
    `SELECT r.id, r.version AS projection, count(e.*)::int AS n, min(e.version) AS lo, max(e.version) AS hi,
            count(DISTINCT e.version)::int AS distinct_versions, count(DISTINCT e.event_id)::int AS distinct_ids
       FROM referrals r LEFT JOIN referral_events e ON e.referral_id = r.id
      GROUP BY r.id, r.version`,
  );
  assert.ok(rows.length > 0, 'the database holds referrals');
  for (const r of rows) {
    assert.deepEqual(
      { lo: r.lo, hi: r.hi, distinctVersions: r.distinct_versions, distinctIds: r.distinct_ids },
      { lo: 1, hi: r.n, distinctVersions: r.n, distinctIds: r.n },
      `${r.id}: stored versions are 1..${r.n}, each once, each a different event`,
    );
    assert.equal(r.projection, r.n, `${r.id}: the projection is at the last stored version`);
  }
  const orphans = await sql(
    databaseUrl,
    'SELECT count(*)::int AS n FROM referral_events e WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.id = e.referral_id)',
  );
  assert.equal(orphans[0].n, 0, 'no event without its projection row');
}
