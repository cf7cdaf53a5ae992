// The hostile-input corpus (packages/server/test/hostile/corpus.mjs): at
// least 200 malformed or malicious requests through the real app
// (`buildService` + `app.inject()`), each answered with the right 4xx as
// `application/problem+json` with `errors: [{ path, message }]`, never a 5xx
// nor a stack trace, and no change to the stored data: a checksum of every
// data table (md5 of its rows in order) is the same before and after. The
// audit trail is left out of the checksum: refusals are audited on purpose.
// On PGlite always; on PostgreSQL too when one can be had (never skipped in CI).
import assert from 'node:assert/strict';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { after, test } from 'node:test';
import { buildService } from '@links-approach/server';
import { postgresDatabase } from '../process/helpers.mjs';
import { buildCorpus } from './corpus.mjs';

const DATA_TABLES = ['practices', 'referral_events', 'referrals', 'documents', 'idempotency_keys', 'schema_migrations'];

/** md5 and row count of each data table's rows, in a fixed order. */
async function checksum(db) {
  const out = {};
  for (const table of DATA_TABLES) {
    const rows = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

/** How long one request may take before the service counts as stuck. */
const ANSWER_WITHIN_MS = 20_000;

async function inject(app, request) {
  let timer;
  const stuck = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), ANSWER_WITHIN_MS);
  });
  const response = await Promise.race([
    app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    }),
    stuck,
  ]);
  clearTimeout(timer);
  if (!response) return { status: 0, headers: {}, text: '', stuck: true };
  return { status: response.statusCode, headers: response.headers, text: response.body };
}

async function token(app, user) {
  const r = await inject(app, {
    method: 'POST',
    url: '/api/dev/token',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ user }),
  });
  assert.equal(r.status, 200, r.text);
  return JSON.parse(r.text).token;
}

async function appendOk(app, bearer, referralId, event, expectedVersion, key) {
  const r = await inject(app, {
    method: 'POST',
    url: `/api/referrals/${referralId}/events`,
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      'if-match': `"${expectedVersion}"`,
      'idempotency-key': key,
    },
    payload: JSON.stringify({ event: { referralId, ...event } }),
  });
  assert.equal(r.status, 201, r.text);
  return JSON.parse(r.text);
}

const created = (id, practiceId) => ({
  id: `${id}-created`,
  type: 'created',
  at: '2025-03-01T09:00:00.000Z',
  status: 'requested',
  person: `person-${id}`,
  practiceId,
  route: 'gp',
  reasons: [{ themeId: 'living-well-day-to-day' }],
  urgency: 'routine',
});

/** Closes a service, giving up after 10 s (a stuck one is left to the process exit). */
async function closeWithin(service) {
  let timer;
  await Promise.race([
    service.close().catch(() => {}),
    new Promise((resolve) => (timer = setTimeout(resolve, 10_000))),
  ]);
  clearTimeout(timer);
}

/** Sets up two practices' referrals and tokens, then runs the corpus and checks every answer and the data. */
async function runCorpus(t, service) {
  const { app, db } = service;
  const ctx = {
    token: await token(app, 'gp-ash'),
    clpToken: await token(app, 'clp-ash'),
    otherToken: await token(app, 'gp-birch'),
    evaluatorToken: await token(app, 'evaluator'),
    practice: 'practice-ash',
    otherPractice: 'practice-birch',
    referral: 'hostile-ref-ash',
    otherReferral: 'hostile-ref-birch',
    version: 2,
    usedKey: 'hostile-used-key',
  };
  await appendOk(app, ctx.token, ctx.referral, created(ctx.referral, ctx.practice), 0, 'setup-1');
  await appendOk(
    app,
    ctx.token,
    ctx.referral,
    { id: 'setup-note', type: 'note-added', at: '2025-03-01T10:00:00.000Z', text: 'Set up' },
    1,
    ctx.usedKey,
  );
  await appendOk(app, ctx.otherToken, ctx.otherReferral, created(ctx.otherReferral, ctx.otherPractice), 0, 'setup-2');

  const corpus = buildCorpus(ctx);
  assert.ok(corpus.length >= 200, `the corpus holds at least 200 requests (${corpus.length})`);
  const before = await checksum(db);
  const auditBefore = (await db.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

  const failures = [];
  // HOSTILE_SKIP=regex leaves out matching cases (for investigating one failure at a time).
  const skip = process.env.HOSTILE_SKIP ? new RegExp(process.env.HOSTILE_SKIP) : undefined;
  const byStatus = {};
  for (const request of corpus) {
    if (process.env.HOSTILE_TRACE) console.error(`→ ${request.name}`);
    if (skip && skip.test(request.name)) continue;
    const r = await inject(app, request);
    if (r.stuck) {
      failures.push(
        `${request.name}: no answer within ${ANSWER_WITHIN_MS / 1000} s — the service is stuck; later requests not sent`,
      );
      break;
    }
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const problems = [];
    if (r.status >= 500) problems.push(`a ${r.status}`);
    if (!request.expect.includes(r.status))
      problems.push(`status ${r.status}, expected ${request.expect.join(' or ')}`);
    if (!/^application\/problem\+json/.test(String(r.headers['content-type'] ?? '')))
      problems.push(`content type ${r.headers['content-type']}`);
    let body;
    try {
      body = JSON.parse(r.text);
    } catch {
      problems.push('body is not JSON');
    }
    if (body) {
      if (body.status !== r.status) problems.push('problem status differs from the HTTP status');
      const issues = body.errors;
      if (
        !Array.isArray(issues) ||
        issues.length === 0 ||
        !issues.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message.length > 0)
      ) {
        problems.push(`errors not [{ path, message }]: ${JSON.stringify(issues)?.slice(0, 200)}`);
      }
    }
    if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/.test(r.text))
      problems.push('a stack trace or source path in the body');
    if (problems.length) failures.push(`${request.name}: ${problems.join('; ')} — ${r.text.slice(0, 240)}`);
  }
  t.diagnostic(`${corpus.length} hostile requests; statuses ${JSON.stringify(byStatus)}`);

  const polluted = {};
  assert.equal(polluted.polluted, undefined, 'Object.prototype was not polluted');
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.deepEqual(failures, [], `every hostile request is refused properly (${failures.length} not)`);
  assert.deepEqual(await checksum(db), before, 'no stored data changed (checksum of every data table)');
  const auditAfter = (await db.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;
  const writes = (
    await db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'write' AND seq > (SELECT max(seq) - $1 FROM audit_log)",
      [auditAfter - auditBefore],
    )
  )[0].n;
  assert.equal(writes, 0, 'the audit trail records no write during the corpus');
  // And the service still works for a normal request afterwards.
  const health = await inject(app, { method: 'GET', url: '/api/health' });
  assert.equal(health.status, 200);
}

const services = [];
after(async () => {
  for (const s of services) await closeWithin(s);
});

test('hostile corpus on PGlite: the right 4xx as problem+json for each of 200+ requests, no 5xx, no change to stored data', async (t) => {
  const service = await buildService({
    database: { dataDir: 'memory://' },
    devAuth: true,
    rateLimit: false,
    logger: false,
  });
  services.push(service);
  await runCorpus(t, service);
});

test('hostile corpus on PostgreSQL: the right 4xx as problem+json for each of 200+ requests, no 5xx, no change to stored data', async (t) => {
  const pg = await postgresDatabase();
  if (pg.skip) return t.skip(pg.skip);
  const service = await buildService({
    database: { databaseUrl: pg.url },
    devAuth: true,
    rateLimit: false,
    logger: false,
  });
  services.push({
    close: async () => {
      await closeWithin(service);
      await pg.cleanup();
    },
  });
  await runCorpus(t, service);
});
