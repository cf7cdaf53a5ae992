import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createAlissDirectory,
  createMemoryDirectory,
  DIRECTORY_MESSAGES_EN,
  directoryErrorIssues,
  normaliseQuery,
  type DirectoryError,
  type DirectoryMessageCode,
  type DirectoryMessageParams,
  type ResourceQuery,
} from '../resources/index.js';
import { getJson, malformed } from '../resources/http.js';
import type { FetchLike } from '../resources/platform.js';
import { renderWith } from './types.js';

/** A coded message renders back to the English beside it, word for word. */
function assertRendersBack(item: { message: string; messageCode?: string; params?: object }): void {
  assert.ok(item.messageCode, `no code beside "${item.message}"`);
  assert.equal(renderWith(DIRECTORY_MESSAGES_EN, item.messageCode!, item.params as never), item.message);
}

const refused = (query: unknown): DirectoryError => {
  const result = normaliseQuery(query as ResourceQuery);
  assert.equal(result.ok, false);
  return (result as { error: DirectoryError }).error;
};

test('a query that cannot be sent says so in the same English, each field issue and the error as codes', () => {
  // The sentences as the directories wrote them before they became codes.
  const cases: [unknown, string, string, string][] = [
    [null, '', 'must be an object', 'The search cannot be sent: must be an object.'],
    [{ text: 5 }, 'text', 'must be text', 'The search cannot be sent: text must be text.'],
    [
      { text: 'x'.repeat(201) },
      'text',
      'must be at most 200 characters',
      'The search cannot be sent: text must be at most 200 characters.',
    ],
    [
      { postcode: 'nowhere' },
      'postcode',
      'must be a UK postcode, e.g. "G40 1AA"',
      'The search cannot be sent: postcode must be a UK postcode, e.g. "G40 1AA".',
    ],
    [
      { radius: 0 },
      'radius',
      'must be a whole number of metres from 1 to 200000',
      'The search cannot be sent: radius must be a whole number of metres from 1 to 200000.',
    ],
    [
      { category: 'a b' },
      'category',
      'must be a category id made of letters, digits, "-", "_", "." or ":"',
      'The search cannot be sent: category must be a category id made of letters, digits, "-", "_", "." or ":".',
    ],
    [
      { locationType: 'moon' },
      'locationType',
      'must be "local" or "national"',
      'The search cannot be sent: locationType must be "local" or "national".',
    ],
    [
      { limit: 501 },
      'limit',
      'must be a whole number from 1 to 500',
      'The search cannot be sent: limit must be a whole number from 1 to 500.',
    ],
    [
      { cursor: 7 },
      'cursor',
      'is not a cursor this directory gave',
      'The search cannot be sent: cursor is not a cursor this directory gave.',
    ],
  ];
  for (const [query, path, issue, message] of cases) {
    const error = refused(query);
    assert.equal(error.kind, 'invalid-query');
    assert.equal(error.message, message);
    assert.equal(error.messageCode, 'directory.cannot-send');
    assertRendersBack(error);
    const first = error.kind === 'invalid-query' ? error.issues[0]! : undefined;
    assert.equal(first?.path, path);
    assert.equal(first?.message, issue);
    assertRendersBack(first!);
    // The CLI's issues stay {path, message}.
    assert.deepEqual(directoryErrorIssues(error)[0], { path, message: issue });
  }
  assert.deepEqual(refused({ radius: 0 }).params, { field: 'radius', issue: 'directory.radius', maximum: 200000 });
});

test('a directory that refuses a search or a cursor says so in the same English, as codes', async () => {
  const aliss = createAlissDirectory({ fetch: (() => Promise.reject(new Error('not called'))) as FetchLike });
  const noPostcode = await aliss.search({ text: 'walking' });
  assert.equal(!noPostcode.ok && noPostcode.error.message, 'ALISS needs a postcode to search around.');
  assert.equal(
    !noPostcode.ok && noPostcode.error.kind === 'invalid-query' && noPostcode.error.issues[0]!.message,
    'is required by ALISS',
  );
  const badCursor = await aliss.search({ cursor: 'nonsense' });
  assert.equal(
    !badCursor.ok && badCursor.error.message,
    'The search cannot be continued: the cursor is not one ALISS gave.',
  );
  const badId = await aliss.getById('not an id');
  assert.equal(!badId.ok && badId.error.message, 'That is not an ALISS service id.');
  const memory = createMemoryDirectory({
    source: { id: 'local', name: 'Local list', licence: { name: 'Own' }, attribution: [] },
    resources: [],
  });
  assert.ok(memory.ok);
  const stale = await memory.value.search({ cursor: 'nonsense' });
  assert.equal(
    !stale.ok && stale.error.message,
    'The search cannot be continued: the cursor is not one this directory gave.',
  );
  for (const result of [noPostcode, badCursor, badId, stale]) {
    assert.equal(result.ok, false);
    if (result.ok) continue;
    assertRendersBack(result.error);
    if (result.error.kind === 'invalid-query') for (const issue of result.error.issues) assertRendersBack(issue);
  }
});

test('a failed call says what happened in the same English, as a code with data parameters', async () => {
  const call = async (fetch: FetchLike, timeoutMs = 5000) => {
    const result = await getJson('https://directory.example/api/services?postcode=G40%201AA', {
      fetch,
      timeoutMs,
      sourceName: 'ALISS',
    });
    assert.equal(result.ok, false);
    const error = (result as { error: DirectoryError }).error;
    assertRendersBack(error);
    return error;
  };
  const answer = (status: number, body: string) =>
    (() => Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(body) })) as unknown as FetchLike;
  const refusedConnection = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  assert.equal(
    (await call(() => Promise.reject(refusedConnection))).message,
    'Could not reach ALISS (directory.example): connection refused.',
  );
  const unreachable = await call(() => Promise.reject(new Error('socket hang up')));
  assert.equal(unreachable.message, 'Could not reach ALISS (directory.example): socket hang up.');
  assert.deepEqual(unreachable.params, { source: 'ALISS', host: 'directory.example', detail: 'socket hang up' });
  assert.equal(
    (await call(() => Promise.reject(new Error('')))).message,
    'Could not reach ALISS (directory.example): unknown network error.',
  );
  assert.equal((await call(() => new Promise(() => {}), 20)).message, 'ALISS did not answer within 20 ms.');
  assert.equal((await call(() => new Promise(() => {}), 1500)).message, 'ALISS did not answer within 1.5 seconds.');
  const http = await call(answer(503, '{"detail": "Down for maintenance"}'));
  assert.equal(http.message, 'ALISS answered with an error (HTTP 503 Service Unavailable): Down for maintenance.');
  assert.deepEqual(http.params, { source: 'ALISS', status: 503, detail: 'Down for maintenance' });
  assert.equal((await call(answer(418, 'teapot'))).message, 'ALISS answered with an error (HTTP 418).');
  assert.equal(
    (await call(answer(200, '{not json'))).message,
    'ALISS sent an answer this toolkit cannot read (the answer is not valid JSON).',
  );
  const broken = await call((() =>
    Promise.resolve({
      ok: true,
      status: 200,
      text: () => Promise.reject(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } })),
    })) as unknown as FetchLike);
  assert.equal(broken.message, 'The connection to ALISS broke while reading its answer: connection reset.');
  const twoProblems = malformed('ALISS', undefined, [
    { path: 'data[0].name', message: 'is required' },
    { path: 'data[1]', message: 'must be an object' },
  ]);
  assert.equal(
    twoProblems.message,
    'ALISS sent an answer this toolkit cannot read (2 problems; first: data[0].name is required).',
  );
  assertRendersBack(twoProblems);
  assert.equal(malformed('ALISS', undefined, []).message, 'ALISS sent an answer this toolkit cannot read.');
});

test('each directory code has English, and every code is covered by a sample', () => {
  const samples: { readonly [C in DirectoryMessageCode]: [DirectoryMessageParams[C], string] } = {
    'directory.query-not-object': [{}, 'must be an object'],
    'directory.text-not-text': [{}, 'must be text'],
    'directory.text-too-long': [{ maximum: 200 }, 'must be at most 200 characters'],
    'directory.postcode': [{}, 'must be a UK postcode, e.g. "G40 1AA"'],
    'directory.radius': [{ maximum: 9 }, 'must be a whole number of metres from 1 to 9'],
    'directory.category': [{}, 'must be a category id made of letters, digits, "-", "_", "." or ":"'],
    'directory.location-type': [{}, 'must be "local" or "national"'],
    'directory.limit': [{ maximum: 9 }, 'must be a whole number from 1 to 9'],
    'directory.cursor': [{}, 'is not a cursor this directory gave'],
    'directory.postcode-aliss': [{}, 'is required by ALISS'],
    'directory.id-aliss': [{}, 'is not an ALISS service id'],
    'directory.id-feed': [{}, 'is not a service id'],
    'directory.cannot-send': [
      { field: 'limit', issue: 'directory.limit', maximum: 9 },
      'The search cannot be sent: limit must be a whole number from 1 to 9.',
    ],
    'directory.cursor-unknown': [
      { from: 'feed' },
      'The search cannot be continued: the cursor is not one this feed gave.',
    ],
    'directory.aliss-needs-postcode': [{}, 'ALISS needs a postcode to search around.'],
    'directory.not-an-id': [{ from: 'feed' }, 'That is not a service id of this feed.'],
    'directory.no-fetch': [{ source: 'ALISS' }, 'Cannot reach ALISS: this platform has no fetch.'],
    'directory.timeout': [{ source: 'ALISS', timeoutMs: 1000 }, 'ALISS did not answer within 1 second.'],
    'directory.unreachable': [
      { source: 'ALISS', host: 'x.example', cause: 'ENOTFOUND' },
      'Could not reach ALISS (x.example): address not found.',
    ],
    'directory.connection-broke': [
      { source: 'ALISS', cause: 'UND_ERR_SOCKET' },
      'The connection to ALISS broke while reading its answer: connection closed.',
    ],
    'directory.http-error': [{ source: 'ALISS', status: 404 }, 'ALISS answered with an error (HTTP 404 Not Found).'],
    'directory.malformed': [
      { source: 'Feed', problems: 1, path: 'contents', detail: 'must be a list' },
      'Feed sent an answer this toolkit cannot read (contents must be a list).',
    ],
    'directory.aborted': [{}, 'The search was cancelled.'],
  };
  for (const [code, [params, english]] of Object.entries(samples))
    assert.equal(renderWith(DIRECTORY_MESSAGES_EN, code, params), english, code);
  assert.deepEqual(Object.keys(samples).sort(), Object.keys(DIRECTORY_MESSAGES_EN).sort());
});
