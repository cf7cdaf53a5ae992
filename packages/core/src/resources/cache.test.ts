import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer, type FixtureServer } from '../../../../scripts/fixture-server.mjs';
import { createAlissDirectory, createCachedDirectory } from '../test-all.js';

let server: FixtureServer;
before(async () => {
  server = await startFixtureServer();
});
after(async () => {
  await server.close();
});

function clock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('cache in front of a directory', () => {
  test('a repeated search is answered without fetching again, until the time to live passes', async () => {
    const time = clock();
    const cached = createCachedDirectory(createAlissDirectory({ baseUrl: server.alissBaseUrl() }), {
      ttlMs: 60_000,
      now: time.now,
    });
    const start = server.requests.length;
    const first = await cached.search({ text: 'walk', postcode: 'G40 1AA' });
    assert.ok(first.ok);
    assert.equal(first.value.pagesFetched, 1);
    // Same search written differently (case, spacing of the postcode) is the same search.
    const second = await cached.search({ text: 'Walk ', postcode: 'g401aa' });
    assert.ok(second.ok);
    assert.equal(second.value.pagesFetched, 0, 'answered from the cache');
    assert.deepEqual(second.value.resources, first.value.resources);
    assert.equal(server.requests.length - start, 1, 'one request for two searches');
    assert.deepEqual(cached.stats, { hits: 1, misses: 1 });

    time.advance(59_999);
    await cached.search({ text: 'walk', postcode: 'G40 1AA' });
    assert.equal(server.requests.length - start, 1, 'still fresh just before the time to live');
    time.advance(1);
    const third = await cached.search({ text: 'walk', postcode: 'G40 1AA' });
    assert.ok(third.ok);
    assert.equal(third.value.pagesFetched, 1);
    assert.equal(server.requests.length - start, 2, 'fetched again once expired');
  });

  test('different searches are cached apart, and the least recently used is dropped when full', async () => {
    const cached = createCachedDirectory(createAlissDirectory({ baseUrl: server.alissBaseUrl() }), {
      maxEntries: 2,
      now: clock().now,
    });
    const start = server.requests.length;
    await cached.search({ text: 'walk', postcode: 'G40 1AA' }); // A
    await cached.search({ text: 'kitchen', postcode: 'G40 1AA' }); // B
    await cached.search({ text: 'walk', postcode: 'G40 1AA' }); // A again: hit, now most recent
    await cached.search({ text: 'carers', postcode: 'G40 1AA' }); // C: evicts B
    assert.equal(cached.size, 2);
    assert.equal(server.requests.length - start, 3);
    await cached.search({ text: 'walk', postcode: 'G40 1AA' }); // A: still cached
    assert.equal(server.requests.length - start, 3);
    await cached.search({ text: 'kitchen', postcode: 'G40 1AA' }); // B: evicted, fetched again
    assert.equal(server.requests.length - start, 4);
  });

  test('errors are not cached: a retry tries again', async () => {
    const cached = createCachedDirectory(createAlissDirectory({ baseUrl: server.alissBaseUrl('500') }), {
      now: clock().now,
    });
    const start = server.requests.length;
    assert.equal((await cached.search({ postcode: 'G40 1AA' })).ok, false);
    assert.equal((await cached.search({ postcode: 'G40 1AA' })).ok, false);
    assert.equal(server.requests.length - start, 2);
    assert.equal(cached.size, 0);
  });

  test('getById and categories are cached too; clear() forgets everything', async () => {
    const cached = createCachedDirectory(createAlissDirectory({ baseUrl: server.alissBaseUrl() }), {
      now: clock().now,
    });
    const start = server.requests.length;
    const id = 'aliss:9e377a12-1001-4001-8001-000000000001';
    assert.equal(
      ((await cached.getById(id)) as { value?: { name: string } }).value?.name,
      'Brightwater Walk and Talk Group',
    );
    await cached.getById(id);
    assert.ok(cached.listCategories);
    await cached.listCategories!();
    await cached.listCategories!();
    assert.equal(server.requests.length - start, 2);
    cached.clear();
    await cached.getById(id);
    assert.equal(server.requests.length - start, 3);
  });

  test('an invalid query is refused by the cache itself, without a request', async () => {
    const cached = createCachedDirectory(createAlissDirectory({ baseUrl: server.alissBaseUrl() }));
    const start = server.requests.length;
    const result = await cached.search({ postcode: 'nope' });
    assert.equal(result.ok, false);
    assert.equal(server.requests.length, start);
  });
});
