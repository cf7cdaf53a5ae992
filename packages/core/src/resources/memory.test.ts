import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createMemoryDirectory, parseAlissSearchPage, type CommunityResource, type Directory } from '../test-all.js';

const services = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/aliss/services.json', import.meta.url), 'utf8'),
) as unknown[];

function directory(): Directory {
  const page = parseAlissSearchPage({ meta: null, count: services.length, next: null, previous: null, data: services });
  assert.ok(page.ok);
  const made = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
  assert.ok(made.ok);
  return made.value;
}

describe('in-memory directory', () => {
  test('text matches every word in any order and case, across name, description and organisation', async () => {
    const result = await directory().search({ text: 'TRUST kelvinbrook kitchen' });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.resources.map((r) => r.name),
      ['Kelvinbrook Community Kitchen'],
    );
    assert.equal(result.value.pagesFetched, 0);
  });

  test('category filters by slug', async () => {
    const result = await directory().search({ category: 'carers', limit: 100 });
    assert.ok(result.ok);
    assert.ok(result.value.resources.length > 3);
    assert.ok(result.value.resources.every((r) => r.categories.some((c) => c.slug === 'carers')));
  });

  test('postcode keeps the same area, nearest district first, and area-wide services last', async () => {
    const result = await directory().search({ postcode: 'EH6 1AA', limit: 100 });
    assert.ok(result.ok);
    const names = result.value.resources.map((r) => r.name);
    assert.deepEqual(names, [
      'Leithmount Money Matters Drop-in',
      'Leithmount Community Kitchen',
      'Scotland-wide Listening Line',
    ]);
    const glasgow = await directory().search({ postcode: 'G20 1AA', limit: 100 });
    assert.ok(glasgow.ok);
    const postcodes = glasgow.value.resources.map((r) => r.locations[0]?.postcode ?? '');
    const sameDistrict = postcodes.filter((p) => p.startsWith('G20 ')).length;
    assert.equal(sameDistrict, 8);
    assert.ok(
      postcodes.slice(0, sameDistrict).every((p) => p.startsWith('G20 ')),
      'same district first',
    );
    assert.equal(postcodes.at(-1), '', 'the area-wide service comes last');
    assert.ok(!postcodes.some((p) => p.startsWith('EH')), 'another area is left out');
  });

  test('locationType national keeps services with no physical location', async () => {
    const result = await directory().search({ locationType: 'national' });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.resources.map((r) => r.name),
      ['Scotland-wide Listening Line'],
    );
  });

  test('pages with a cursor until the end', async () => {
    const dir = directory();
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const result = await dir.search({ limit: 20, ...(cursor ? { cursor } : {}) });
      assert.ok(result.ok);
      assert.equal(result.value.total, 48);
      for (const r of result.value.resources) seen.push(r.id);
      cursor = result.value.next;
      calls += 1;
    } while (cursor);
    assert.equal(calls, 3);
    assert.equal(new Set(seen).size, 48);
  });

  test('getById finds by full or bare id; categories are listed from the resources', async () => {
    const dir = directory();
    const byFull = await dir.getById('aliss:9e377a12-1001-4001-8001-000000000001');
    assert.ok(byFull.ok);
    assert.equal(byFull.value?.name, 'Brightwater Walk and Talk Group');
    const byBare = await dir.getById('9e377a12-1001-4001-8001-000000000001');
    assert.ok(byBare.ok);
    assert.equal(byBare.value?.id, byFull.value?.id);
    const categories = await dir.listCategories!();
    assert.ok(categories.ok);
    assert.ok(categories.value.some((c) => c.slug === 'walking'));
  });

  test('a host list that is not valid is refused with JSON paths', () => {
    const good = directory();
    void good;
    const broken = [{ id: 'x', name: '', description: 'd', status: 'open' }] as unknown as CommunityResource[];
    const made = createMemoryDirectory({
      source: { id: 'host', name: 'Host', licence: { name: 'Own' }, attribution: [] },
      resources: broken,
    });
    assert.ok(!made.ok);
    const paths = made.errors.map((e) => e.path);
    assert.ok(paths.includes('resources[0].name'));
    assert.ok(paths.includes('resources[0].status'));
    assert.ok(paths.includes('resources[0].provenance'));
  });
});
