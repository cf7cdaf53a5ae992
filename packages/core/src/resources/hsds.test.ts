import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startFixtureServer, type FixtureServer } from '../../../../scripts/fixture-server.mjs';
import { createHsdsDirectory, createHsdsDocumentDirectory, parseHsdsServices, CC_BY_4 } from '../test-all.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/aliss/hsds-services.json', import.meta.url), 'utf8'),
) as unknown[];

let server: FixtureServer;
before(async () => {
  server = await startFixtureServer();
});
after(async () => {
  await server.close();
});

describe('Open Referral UK (HSDS 3.0) adapter', () => {
  test('pages through /services with page and per_page until the limit', async () => {
    const feed = createHsdsDirectory({
      baseUrl: server.hsdsBaseUrl(),
      pageSize: 5,
      name: 'Example ORUK feed',
      licence: CC_BY_4,
    });
    const start = server.requests.length;
    const result = await feed.search({ limit: 12 });
    assert.ok(result.ok);
    assert.equal(result.value.resources.length, 12);
    assert.equal(result.value.total, 12);
    assert.equal(result.value.next, undefined);
    assert.deepEqual(
      server.requests.slice(start).map((r) => [r.path, r.query['page'], r.query['per_page']]),
      [
        ['/hsds/services', '1', '5'],
        ['/hsds/services', '2', '5'],
        ['/hsds/services', '3', '5'],
      ],
    );
    const partial = await feed.search({ limit: 7 });
    assert.ok(partial.ok);
    assert.equal(partial.value.resources.length, 7);
    const rest = await feed.search({ limit: 50, cursor: partial.value.next! });
    assert.ok(rest.ok);
    assert.equal(rest.value.resources.length, 5);
    assert.equal(new Set([...partial.value.resources, ...rest.value.resources].map((r) => r.id)).size, 12);
  });

  test('maps status, organisation, contact, categories, locations, accessibility, eligibility and review date', async () => {
    const feed = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl(), name: 'Example ORUK feed' });
    const result = await feed.search({ limit: 20 });
    assert.ok(result.ok);
    const statuses = result.value.resources.map((r) => r.status);
    assert.ok(statuses.includes('inactive') && statuses.includes('defunct') && statuses.includes('temporarily closed'));
    const first = result.value.resources[0]!;
    assert.equal(first.id, 'open-referral-uk:hsds-001-0000-4000-8000-000000000000');
    assert.equal(first.organisation?.name, 'Brightwater Voluntary Action');
    assert.equal(first.contact.phone, '0141 496 0500');
    assert.equal(first.contact.email, 'service1@example.org');
    assert.deepEqual(
      first.categories.map((c) => c.name),
      ['Physical activity', 'Walking', 'Loneliness and social connection'],
    );
    assert.equal(
      first.categories[0]!.slug,
      'term-physical-activity',
      'the taxonomy term id, so it can be searched with',
    );
    assert.equal(first.locations[0]!.postcode, 'G40 9ZX');
    assert.deepEqual(first.accessibilityFeatures, ['Wheelchair accessible entrance — Ramp at the side door']);
    assert.equal(first.eligibility, 'Adults aged 18 and over living in the area.');
    assert.equal(first.fees, 'Free');
    assert.equal(first.provenance.lastReviewed, '2025-03-01');
    assert.equal(first.provenance.lastUpdated, '2025-01-10T09:30:00.000Z');
    assert.equal(first.provenance.sourceName, 'Example ORUK feed');
    assert.match(first.provenance.licence.name, /Not stated/);
    const online = result.value.resources[4]!;
    assert.equal(online.locations[0]!.type, 'virtual');
    assert.equal(online.locations[0]!.url, 'https://example.org/online');
  });

  test('text goes as search, category as taxonomy_term_id', async () => {
    const feed = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl() });
    const start = server.requests.length;
    const result = await feed.search({ text: 'kitchen', category: 'term-food' });
    assert.ok(result.ok);
    assert.equal(server.requests[start]!.query['search'], 'kitchen');
    assert.equal(server.requests[start]!.query['taxonomy_term_id'], 'term-food');
    assert.ok(result.value.resources.length > 0);
    assert.ok(result.value.resources.every((r) => /Kitchen/.test(r.name)));
  });

  test('getById reads a fully nested service; unknown is undefined', async () => {
    const feed = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl() });
    const found = await feed.getById('open-referral-uk:hsds-002-0000-4000-8000-000000000000');
    assert.ok(found.ok);
    assert.equal(found.value?.name, 'Eastfield Green Money Matters Drop-in (HSDS)');
    assert.deepEqual(await feed.getById('nope-0000'), { ok: true, value: undefined });
  });

  test('failures are the same typed errors as for ALISS', async () => {
    for (const [mode, kind] of [
      ['500', 'http'],
      ['invalid-json', 'malformed'],
      ['drift', 'malformed'],
      ['reset', 'network'],
    ] as const) {
      const feed = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl(mode) });
      const result = await feed.search({});
      assert.equal(!result.ok && result.error.kind, kind, mode);
    }
    const slow = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl('slow'), timeoutMs: 30 });
    const timedOut = await slow.search({});
    assert.equal(!timedOut.ok && timedOut.error.kind, 'timeout');
  });

  test('drift in an HSDS feed names the fields', async () => {
    const feed = createHsdsDirectory({ baseUrl: server.hsdsBaseUrl('drift') });
    const result = await feed.search({});
    assert.ok(!result.ok && result.error.kind === 'malformed');
    const paths = result.error.issues.map((i) => i.path);
    assert.ok(paths.includes('contents[0].name'));
    assert.ok(paths.includes('contents[0].id'));
  });

  test('an unknown status is refused with the allowed values', () => {
    const broken = structuredClone(fixture) as { status: string }[];
    broken[2]!.status = 'open';
    broken[3]!.status = 'Active';
    const result = parseHsdsServices(broken);
    assert.ok(!result.ok);
    const message = 'must be one of "active", "inactive", "defunct", "temporarily closed"';
    assert.deepEqual(result.errors, [
      { path: '[2].status', message, messageCode: 'custom', params: { text: message } },
    ]);
  });

  test('a JSON document in memory works as a directory (a page or a plain list)', async () => {
    const fromList = createHsdsDocumentDirectory(fixture, { id: 'my-feed', name: 'My feed' });
    assert.ok(fromList.ok);
    const all = await fromList.value.search({ limit: 100 });
    assert.ok(all.ok);
    assert.equal(all.value.resources.length, 12);
    assert.equal(all.value.resources[0]!.id, 'my-feed:hsds-001-0000-4000-8000-000000000000');
    const fromPage = createHsdsDocumentDirectory({ contents: fixture, total_items: 12 });
    assert.ok(fromPage.ok);
    const byCategory = await fromPage.value.search({ category: 'term-carers' });
    assert.ok(byCategory.ok);
    assert.ok(byCategory.value.resources.length > 0);
    assert.ok(byCategory.value.resources.every((r) => r.categories.some((c) => c.slug === 'term-carers')));
    const bad = createHsdsDocumentDirectory({ contents: [{ id: 'x' }] });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => e.path),
      ['contents[0].name', 'contents[0].status'],
    );
  });
});
