import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { BODY_LIMIT } from './problem.js';
import { loadMigrations } from './db/database.js';
import { as, assertProblem, body, forEachBackend } from './test-support.js';

forEachBackend('HTTP contract', ({ service, backend }) => {
  test('GET /api/health answers with the database kind and schema version', async () => {
    const response = await service().app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(body(response), {
      status: 'ok',
      database: backend,
      schemaVersion: loadMigrations().at(-1)!.version,
    });
  });

  test('the OpenAPI 3.1 document validates and lists exactly the routes registered', async () => {
    const response = await service().app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = body<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(response);
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors ?? null).slice(0, 2000));
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const expected = [
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/dev/users',
      'POST /api/dev/token',
      'GET /api/referrals',
      'GET /api/referrals/{id}',
      'POST /api/referrals/{id}/events',
      'GET /api/plans',
      'GET /api/plans/{id}',
      'GET /api/plans/{id}/history',
      'PUT /api/plans/{id}',
      'GET /api/network/{practice}',
      'GET /api/network/{practice}/history',
      'PUT /api/network/{practice}',
      'GET /api/outcomes/{practice}',
      'GET /api/outcomes/{practice}/history',
      'PUT /api/outcomes/{practice}',
      'GET /api/reports/cohort',
      'GET /api/fhir/Bundle',
      'GET /api/audit',
      'GET /api/practices',
      'GET /api/changes',
    ].sort();
    assert.deepEqual(documented, expected);
    // Every documented route is one the app routes.
    for (const line of documented) {
      const [method, path] = line.split(' ') as [string, string];
      const url = path.replace(/\{([a-z]+)\}/g, ':$1');
      assert.equal(
        service().app.hasRoute({ method: method as 'GET', url }),
        true,
        `${line} is documented but not routed`,
      );
    }
  });

  test('an unknown address is a JSON 404 and a wrong method a JSON 405 with Allow', async () => {
    assertProblem(await service().app.inject({ method: 'GET', url: '/api/nowhere' }), 404, 'not-found');
    const wrong = await service().app.inject({
      method: 'DELETE',
      url: '/api/referrals/r1',
      headers: await as(service(), 'gp-ash'),
    });
    assertProblem(wrong, 405, 'method-not-allowed');
    assert.equal(wrong.headers['allow'], 'GET');
  });

  test('no token is 401 problem+json with a Bearer challenge', async () => {
    const response = await service().app.inject({ method: 'GET', url: '/api/referrals' });
    assertProblem(response, 401, 'no-token');
    assert.match(String(response.headers['www-authenticate']), /^Bearer/);
  });

  test('a non-JSON body is 415, bad JSON 400, and a body over the limit 413', async () => {
    const headers = await as(service(), 'gp-ash');
    assertProblem(
      await service().app.inject({
        method: 'POST',
        url: '/api/referrals/r1/events',
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: 'hello',
      }),
      415,
      'unsupported-media-type',
    );
    assertProblem(
      await service().app.inject({
        method: 'POST',
        url: '/api/referrals/r1/events',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{"event": ',
      }),
      400,
      'invalid-json',
    );
    assertProblem(
      await service().app.inject({
        method: 'POST',
        url: '/api/referrals/r1/events',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({
          event: { id: 'x', referralId: 'r1', type: 'created', note: 'x'.repeat(BODY_LIMIT) },
        }),
      }),
      413,
      'body-too-large',
    );
  });

  test('a body that fails the schema is 400 with JSON paths from core in plain English', async () => {
    const response = await service().app.inject({
      method: 'POST',
      url: '/api/referrals/r1/events',
      headers: await as(service(), 'gp-ash'),
      payload: { expectedVersion: 'three', event: { id: 'e1', referralId: 'r1', type: 'created' } },
    });
    const problem = assertProblem(response, 400);
    assert.deepEqual(
      (problem['errors'] as { path: string }[]).map((e) => e.path),
      ['body.expectedVersion'],
    );
  });

  test('security headers are set and CORS is off unless an origin is allowed', async () => {
    const response = await service().app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['content-security-policy']);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });

  // Last: it closes this service's database.
  test('GET /api/health is 503 with Retry-After while the database is unreachable', async () => {
    await service().db.close();
    const response = await service().app.inject({ method: 'GET', url: '/api/health' });
    assertProblem(response, 503, 'database-unreachable');
    assert.ok(Number(response.headers['retry-after']) > 0);
  });
});
