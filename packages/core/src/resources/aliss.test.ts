import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../../../../scripts/fixture-server.mjs';
import {
  ALISS_ATTRIBUTION,
  ALISS_DEFAULT_BASE_URL,
  createAlissDirectory,
  directoryErrorIssues,
  isRetryable,
  type DirectoryError,
  type DirectoryResult,
  type FetchLike,
} from '../test-all.js';

let server: FixtureServer;
before(async () => {
  server = await startFixtureServer({ delayMs: 5_000 });
});
after(async () => {
  await server.close();
});

const POSTCODE = 'G40 1AA';

function expectError<T>(result: DirectoryResult<T>): DirectoryError {
  assert.equal(result.ok, false, 'expected the call to fail');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function requestsSince(start: number) {
  return server.requests.slice(start);
}

describe('ALISS client against the fixture server', () => {
  test('defaults to the public v4 API', () => {
    assert.equal(createAlissDirectory().baseUrl, ALISS_DEFAULT_BASE_URL);
    assert.equal(ALISS_DEFAULT_BASE_URL, 'https://www.aliss.org/api/v4/');
  });

  test('follows next pages until the limit, and the cursor continues where it stopped', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl(), pageSize: 10 });
    const start = server.requests.length;
    const first = await aliss.search({ postcode: POSTCODE, limit: 25 });
    assert.ok(first.ok);
    assert.equal(first.value.resources.length, 25);
    assert.equal(first.value.total, 48);
    assert.equal(first.value.pagesFetched, 3);
    assert.deepEqual(
      requestsSince(start).map((r) => r.query['page'] ?? '1'),
      ['1', '2', '3'],
    );
    assert.ok(first.value.next, 'more results remain, so there is a cursor');

    const rest = await aliss.search({ postcode: POSTCODE, limit: 100, cursor: first.value.next! });
    assert.ok(rest.ok);
    assert.equal(rest.value.resources.length, 23, 'the 5 left on page 3 and pages 4 and 5');
    assert.equal(rest.value.next, undefined);
    const ids = [...first.value.resources, ...rest.value.resources].map((r) => r.id);
    assert.equal(new Set(ids).size, 48, 'no result is repeated or skipped across the cursor');
  });

  test('sends q, postcode, category and page_size as ALISS names them', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const start = server.requests.length;
    const result = await aliss.search({
      text: 'walk',
      postcode: 'g40 1aa',
      category: 'walking',
      radius: 3000,
      locationType: 'local',
      limit: 5,
    });
    assert.ok(result.ok);
    const [request] = requestsSince(start);
    assert.deepEqual(request!.query, {
      q: 'walk',
      postcode: 'G40 1AA',
      category: 'walking',
      location_type: 'local',
      radius: '3000',
      page_size: '5',
    });
    assert.ok(result.value.resources.length > 0);
    for (const r of result.value.resources) assert.ok(r.categories.some((c) => c.slug === 'walking'));
  });

  test('maps an ALISS service to a CommunityResource with its provenance and CC BY 4.0 attribution', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const result = await aliss.search({ text: 'Brightwater Walk', postcode: POSTCODE });
    assert.ok(result.ok);
    const walk = result.value.resources[0]!;
    assert.equal(walk.name, 'Brightwater Walk and Talk Group');
    assert.match(walk.id, /^aliss:[0-9a-f-]+$/);
    assert.equal(walk.id, `aliss:${walk.provenance.sourceId}`);
    assert.equal(walk.status, 'active');
    assert.equal(walk.organisation?.name, 'Brightwater Community Trust');
    assert.deepEqual(
      walk.categories.map((c) => c.slug),
      ['physical-activity', 'walking', 'social-connection'],
    );
    assert.equal(walk.locations[0]!.postcode, 'G40 9ZX');
    assert.equal(walk.locations[0]!.type, 'physical');
    assert.equal(typeof walk.locations[0]!.latitude, 'number');
    assert.equal(walk.contact.phone, '0141 496 0101');
    assert.deepEqual(walk.accessibilityFeatures, ['Hearing loop', 'Large print materials']);
    assert.equal(walk.provenance.source, 'aliss');
    assert.equal(walk.provenance.licence.name, 'CC BY 4.0');
    assert.equal(walk.provenance.licence.url, 'https://creativecommons.org/licenses/by/4.0/');
    assert.match(walk.provenance.url ?? '', /^https:\/\/aliss\.example\/services\//);
    assert.match(walk.provenance.lastReviewed ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.match(walk.provenance.lastUpdated ?? '', /^\d{4}-\d{2}-\d{2}T/);
    // The attribution travels with the results and with each resource.
    assert.deepEqual(result.value.source.attribution[0], ALISS_ATTRIBUTION);
    assert.ok(result.value.source.attribution.some((a) => a.text === 'Contains contributions from ALISS users'));
    assert.deepEqual(walk.provenance.attribution, result.value.source.attribution);
  });

  test('accessibility features given as {name, slug} objects, websites without a scheme, and extra fields are all read', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const result = await aliss.search({ text: 'Brightwater', postcode: POSTCODE, limit: 50 });
    assert.ok(result.ok);
    const withObjects = result.value.resources.find((r) => r.accessibilityFeatures.includes('Wheelchair accessible'));
    assert.ok(withObjects, 'features published as objects become their names');
    const bare = result.value.resources.find((r) => r.name === 'Brightwater Art Room')!;
    assert.equal(
      bare.contact.website,
      'https://www.example.org/brightwater-art-room',
      '"www.example.org/…" becomes an https link',
    );
  });

  test('untrusted text is kept as text, and script URLs are dropped', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const result = await aliss.search({ text: 'Còmhlan', postcode: POSTCODE });
    assert.ok(result.ok, 'an unknown extra field (opening_hours_note) does not fail validation');
    const song = result.value.resources[0]!;
    assert.equal(song.name, 'Còmhlan Ciùil <b>Singing</b> Group');
    assert.match(song.description, /<script>alert\("x"\)<\/script>/);
    assert.equal(song.contact.website, undefined, 'javascript: URL dropped');
    assert.equal(song.contact.referralUrl, undefined, 'data: URL dropped');
    assert.equal(song.contact.email, 'sing@example.org');
    assert.equal('opening_hours_note' in song, false);
  });

  test('a search without a postcode is refused before anything is sent (ALISS v4 needs one)', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const start = server.requests.length;
    const error = expectError(await aliss.search({ text: 'walk' }));
    assert.equal(error.kind, 'invalid-query');
    assert.deepEqual(directoryErrorIssues(error), [{ path: 'postcode', message: 'is required by ALISS' }]);
    assert.equal(server.requests.length, start);
  });

  test('a malformed query is refused with the field named', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const error = expectError(await aliss.search({ postcode: 'not a postcode', limit: 0 }));
    assert.equal(error.kind, 'invalid-query');
    assert.deepEqual(
      directoryErrorIssues(error).map((i) => i.path),
      ['postcode', 'limit'],
    );
  });

  test('HTTP 500 is an http error with the status, retryable, and the postcode stays out of the message', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('500') });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'http');
    assert.equal(error.kind === 'http' && error.status, 500);
    assert.match(error.message, /ALISS answered with an error \(HTTP 500 Internal Server Error\)/);
    assert.equal(isRetryable(error), true);
    assert.doesNotMatch(JSON.stringify(error), /G40/);
    assert.equal(error.endpoint, `${server.url}/mode/500/api/v4/services/`);
  });

  test('a refused search reports the directory’s reason (HTTP 400)', async () => {
    const fetch: FetchLike = async () => ({
      ok: false,
      status: 400,
      text: async () => JSON.stringify({ postcode: ['Object with postcode=G40 1AA does not exist.'] }),
    });
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl(), fetch });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'http');
    assert.match(error.message, /HTTP 400 Bad Request\): postcode: Object with postcode=G40 1AA does not exist\./);
    assert.equal(isRetryable(error), false);
  });

  test('invalid JSON is a malformed answer', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('invalid-json') });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'malformed');
    assert.deepEqual(error.kind === 'malformed' && error.issues, [{ path: '', message: 'is not valid JSON' }]);
    assert.match(error.message, /ALISS sent an answer this toolkit cannot read \(the answer is not valid JSON\)/);
  });

  test('an HTML page instead of JSON (a captive portal) is a malformed answer', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('html') });
    assert.equal(expectError(await aliss.search({ postcode: POSTCODE })).kind, 'malformed');
  });

  test('schema drift reports every missing or mistyped field with its JSON path', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('drift') });
    const error = expectError(await aliss.search({ postcode: POSTCODE, limit: 2 }));
    assert.equal(error.kind, 'malformed');
    if (error.kind !== 'malformed') return;
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    assert.equal(byPath['data[0].name'], 'is required');
    assert.equal(byPath['data[0].organisation'], 'is required');
    assert.equal(byPath['data[0].id'], 'must be text, not a whole number');
    assert.equal(byPath['data[1].name'], 'is required');
    assert.equal(isRetryable(error), false);
    // In the CLI contract the paths point into the response.
    assert.ok(directoryErrorIssues(error).some((i) => i.path === 'response.data[0].name'));
  });

  test('a missing envelope field is reported at the root', async () => {
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      text: async () => JSON.stringify({ meta: {}, count: 0, results: [] }),
    });
    const aliss = createAlissDirectory({ fetch });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.deepEqual(error.kind === 'malformed' && error.issues, [
      { path: 'data', message: 'is required', messageCode: 'required', params: {} },
    ]);
  });

  test('a slow answer times out', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('slow'), timeoutMs: 50 });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /ALISS did not answer within 50 ms/);
    assert.equal(isRetryable(error), true);
  });

  test('a body that stops half-way times out too', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('slow-body'), timeoutMs: 50 });
    assert.equal(expectError(await aliss.search({ postcode: POSTCODE })).kind, 'timeout');
  });

  test('a stubbed fetch that never settles still times out', async () => {
    const fetch: FetchLike = () => new Promise(() => {});
    const aliss = createAlissDirectory({ fetch, timeoutMs: 20 });
    assert.equal(expectError(await aliss.search({ postcode: POSTCODE })).kind, 'timeout');
  });

  test('a dropped connection is a network error', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('reset') });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /^Could not reach ALISS \(127\.0\.0\.1:\d+\)/);
  });

  test('nothing listening is a network error ("connection refused")', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const aliss = createAlissDirectory({ baseUrl: `http://127.0.0.1:${port}/api/v4/` });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /connection refused/);
  });

  test('cancelling with an AbortSignal gives an aborted error', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('slow'), timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = aliss.search({ postcode: POSTCODE }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = expectError(await pending);
    assert.equal(error.kind, 'aborted');
    assert.equal(isRetryable(error), false);
  });

  test('an already-aborted signal sends nothing', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const start = server.requests.length;
    const error = expectError(await aliss.search({ postcode: POSTCODE }, { signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'aborted');
    assert.equal(server.requests.length, start);
  });

  test('a failure on page 2 fails the whole search: nothing half-returned', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('fail-page-2'), pageSize: 10 });
    const error = expectError(await aliss.search({ postcode: POSTCODE, limit: 30 }));
    assert.equal(error.kind, 'http');
  });

  test('a next link to another host is refused, not followed', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('foreign-next'), pageSize: 10 });
    const error = expectError(await aliss.search({ postcode: POSTCODE, limit: 30 }));
    assert.equal(error.kind, 'malformed');
    assert.equal(error.kind === 'malformed' && error.issues[0]!.path, 'next');
  });

  test('a forged cursor is refused', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const forged = JSON.stringify({ u: 'http://elsewhere.invalid/api/v4/services/?page=2', s: 0 });
    assert.equal(expectError(await aliss.search({ postcode: POSTCODE, cursor: forged })).kind, 'invalid-query');
    assert.equal(expectError(await aliss.search({ postcode: POSTCODE, cursor: 'garbage' })).kind, 'invalid-query');
  });

  test('getById finds a service by its id (with or without the aliss: prefix); unknown ids are undefined', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const found = await aliss.search({ postcode: POSTCODE, limit: 1 });
    assert.ok(found.ok);
    const first = found.value.resources[0]!;
    const byId = await aliss.getById(first.id);
    assert.ok(byId.ok);
    assert.deepEqual(byId.value, first);
    const bare = await aliss.getById(first.provenance.sourceId);
    assert.ok(bare.ok);
    assert.equal(bare.value?.name, first.name);
    const missing = await aliss.getById('aliss:00000000-0000-4000-8000-000000000000');
    assert.deepEqual(missing, { ok: true, value: undefined });
    const start = server.requests.length;
    assert.equal(expectError(await aliss.getById('../../etc/passwd')).kind, 'invalid-query');
    assert.equal(server.requests.length, start, 'an id that is not an ALISS id is never sent');
  });

  test('getById reports failures as typed errors too', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl('drift') });
    const error = expectError(await aliss.getById('9e377a12-1001-4001-8001-000000000001'));
    assert.equal(error.kind, 'malformed');
    assert.ok(error.kind === 'malformed' && error.issues.some((i) => i.path === 'data.name'));
  });

  test('listCategories flattens the nested category tree', async () => {
    const aliss = createAlissDirectory({ baseUrl: server.alissBaseUrl() });
    const result = await aliss.listCategories();
    assert.ok(result.ok);
    const walking = result.value.find((c) => c.slug === 'walking');
    assert.deepEqual(walking, { name: 'Walking', slug: 'walking', depth: 1, parent: 'physical-activity' });
    assert.equal(result.value[0]!.depth, 0);
  });

  test('a base URL that is not a web address makes every call an invalid-query error, without throwing', async () => {
    const aliss = createAlissDirectory({ baseUrl: 'ftp://example.org/' });
    const error = expectError(await aliss.search({ postcode: POSTCODE }));
    assert.equal(error.kind, 'invalid-query');
    assert.deepEqual(directoryErrorIssues(error), [
      { path: 'baseUrl', message: 'must be a web address starting http:// or https://' },
    ]);
  });
});
