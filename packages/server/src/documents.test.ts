import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createNetworkRegister } from '@links-approach/core/network';
import { DEMO_PRACTICES } from './config.js';
import { loadMigrations, migrate } from './db/database.js';
import { as, assertProblem, body, forEachBackend } from './test-support.js';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const plan = (title: string) => ({ ...SAMPLE, id: 'plan-ash', practice: DEMO_PRACTICES[0], title });

forEachBackend('revisioned documents', ({ service }) => {
  const put = async (user: string, url: string, payload: unknown, ifMatch?: string) =>
    service().app.inject({
      method: 'PUT',
      url,
      headers: { ...(await as(service(), user)), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      payload: payload as Record<string, unknown>,
    });

  test('a plan is saved with If-Match, read with its ETag, and every revision is kept', async () => {
    const first = await put('pm-ash', '/api/plans/plan-ash', plan('First'), '"0"');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['etag'], '"1"');
    assert.equal(body(first)['savedBy'], 'pm-ash');
    const second = await put('pm-ash', '/api/plans/plan-ash', plan('Second'), '"1"');
    assert.equal(second.headers['etag'], '"2"');
    const read = await service().app.inject({
      method: 'GET',
      url: '/api/plans/plan-ash',
      headers: await as(service(), 'clp-ash'),
    });
    assert.equal(read.headers['etag'], '"2"');
    assert.equal(body(read)['title'], 'Second');
    const history = body<{ revisions: { revision: number; title: string }[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/plans/plan-ash/history',
        headers: await as(service(), 'pm-ash'),
      }),
    );
    assert.deepEqual(
      history.revisions.map((r) => [r.revision, r.title]),
      [
        [1, 'First'],
        [2, 'Second'],
      ],
    );
  });

  test('a stale If-Match is 412 saying who saved the current revision and when, like the stores’ conflict error', async () => {
    const stale = await put('pm-ash', '/api/plans/plan-ash', plan('Stale'), '"1"');
    const problem = assertProblem(stale, 412, 'conflict');
    assert.equal(problem['currentRevision'], 2);
    assert.equal(problem['currentSavedBy'], 'pm-ash');
    assert.match(String(problem['currentSavedAt']), /^\d{4}-\d\d-\d\dT/);
    assert.match(
      String(problem['detail']),
      /revision 2 is stored \(saved by pm-ash at .+\): someone else saved a newer version/,
    );
    assertProblem(await put('pm-ash', '/api/plans/plan-ash', plan('No precondition')), 428, 'revision-required');
  });

  test('plan rules: an invalid plan is 422 with paths; only a practice manager at the practice saves it', async () => {
    const invalid = await put('pm-ash', '/api/plans/plan-ash', { ...plan('Bad'), status: 'sideways' }, '"2"');
    const problem = assertProblem(invalid, 422);
    assert.ok((problem['errors'] as { path: string }[]).some((e) => e.path === 'body.status'));
    // Each issue keeps core's message code and parameters beside its English, for a client in another language.
    const status = (problem['errors'] as { path: string; code: string; messageCode?: string; params?: unknown }[]).find(
      (e) => e.path === 'body.status',
    )!;
    assert.equal(status.code, 'invalid');
    assert.equal(status.messageCode, 'not-a-choice');
    assert.deepEqual(status.params, { choices: ['"draft"', '"submitted"', '"agreed"', '"under-review"'], more: false });
    assertProblem(await put('clp-ash', '/api/plans/plan-ash', plan('By CLP'), '"2"'), 403, 'forbidden');
    assertProblem(await put('pm-birch', '/api/plans/plan-ash', plan('Other practice'), '"2"'), 404, 'not-found');
    assertProblem(
      await service().app.inject({
        method: 'GET',
        url: '/api/plans/plan-ash',
        headers: await as(service(), 'gp-birch'),
      }),
      404,
    );
  });

  test('the network register and outcome responses follow the same revision rules', async () => {
    const register = createNetworkRegister('practice-ash');
    const saved = await put('clp-ash', '/api/network/practice-ash', register, '"0"');
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.headers['etag'], '"1"');
    assertProblem(await put('clp-ash', '/api/network/practice-ash', register, '"0"'), 412, 'conflict');
    assertProblem(
      await put('clp-ash', '/api/network/practice-ash', createNetworkRegister('practice-birch'), '"1"'),
      422,
    );
    const outcomes = { kind: 'links.outcome-responses', schemaVersion: 1, responses: [] };
    assert.equal((await put('clp-ash', '/api/outcomes/practice-ash', outcomes, '"0"')).statusCode, 200);
    assertProblem(await put('gp-ash', '/api/outcomes/practice-ash', outcomes, '"1"'), 403, 'forbidden');
    const read = await service().app.inject({
      method: 'GET',
      url: '/api/network/practice-ash/history',
      headers: await as(service(), 'gp-ash'),
    });
    assert.equal(body<{ revisions: unknown[] }>(read).revisions.length, 1);
  });

  test('migrations are idempotent and forward-only: running them again changes nothing', async () => {
    const migrations = loadMigrations();
    assert.equal(await migrate(service().db), migrations[migrations.length - 1]!.version);
    const rows = await service().db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    assert.equal(rows[0]!.n, migrations.length);
  });
});
