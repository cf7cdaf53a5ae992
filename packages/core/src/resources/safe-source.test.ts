import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  cleanSource,
  contactLinks,
  createMemoryDirectory,
  hsdsSource,
  parseAlissSearchPage,
  type DirectorySource,
} from '../test-all.js';

// Found by the components' XSS corpus (packages/components/src/internal/quality/xss.test.ts):
// a host's own list could hand createMemoryDirectory a source whose attribution
// or licence URL was `javascript:…`, and the resource finder made it a link.

const services = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/aliss/services.json', import.meta.url), 'utf8'),
) as unknown[];

const hostile: DirectorySource = {
  id: 'host-list',
  name: 'Practice list\u202E',
  licence: { name: 'Our terms', url: 'javascript:alert(1)' },
  attribution: [
    { text: 'From our list', url: ' JaVaScRiPt:alert(2)' },
    { text: 'Also from', url: 'data:text/html,<script>alert(3)</script>' },
    { text: 'Real site', url: 'https://example.org/terms' },
    { text: '   ' },
  ],
};

describe('directory sources: only http(s) URLs become links', () => {
  test('cleanSource drops javascript: and data: URLs, keeps http(s) ones, and cleans the text', () => {
    const clean = cleanSource(hostile);
    assert.deepEqual(clean, {
      id: 'host-list',
      name: 'Practice list',
      licence: { name: 'Our terms' },
      attribution: [
        { text: 'From our list' },
        { text: 'Also from' },
        { text: 'Real site', url: 'https://example.org/terms' },
      ],
    });
  });

  test('a memory directory (a host list) hands out the cleaned source, on the directory and with each search', async () => {
    const page = parseAlissSearchPage({
      meta: null,
      count: services.length,
      next: null,
      previous: null,
      data: services,
    });
    assert.ok(page.ok);
    const made = createMemoryDirectory({ source: hostile, resources: page.value.resources.slice(0, 3) });
    assert.ok(made.ok);
    const result = await made.value.search({ text: '' });
    assert.ok(result.ok);
    for (const source of [made.value.source, result.value.source]) {
      const urls = [source.licence.url, ...source.attribution.map((a) => a.url)].filter((u) => u !== undefined);
      assert.deepEqual(urls, ['https://example.org/terms']);
    }
  });

  test('an HSDS publisher licence with a javascript: URL keeps its name but loses the link', () => {
    const source = hsdsSource({ name: 'Feed', licence: { name: 'Feed terms', url: 'javascript:alert(1)' } });
    assert.deepEqual(source.licence, { name: 'Feed terms' });
  });

  test('contact links from a resource: javascript:, data: and odd phone/e-mail values give no link', () => {
    const links = contactLinks({
      contact: {
        phone: '0141 496 0101"><img src=x onerror=alert(1)>',
        email: 'a@b.org?subject=<script>',
        website: 'javascript:alert(1)',
        referralUrl: 'data:text/html,x',
      },
      provenance: { url: 'vbscript:msgbox(1)' } as never,
    });
    assert.deepEqual(links, {});
  });
});
