import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalisePostcode,
  normaliseQuery,
  postcodeArea,
  postcodeDistrict,
  safeHttpUrl,
  formatAttribution,
  ALISS_SOURCE,
} from '../test-all.js';

describe('queries and small helpers', () => {
  test('postcodes are put in standard form, or refused', () => {
    assert.equal(normalisePostcode(' g40 1aa '), 'G40 1AA');
    assert.equal(normalisePostcode('EH11AA'), 'EH1 1AA');
    assert.equal(normalisePostcode('SW1A1AA'), 'SW1A 1AA');
    assert.equal(normalisePostcode('not a postcode'), undefined);
    assert.equal(postcodeDistrict('g40 1aa'), 'G40');
    assert.equal(postcodeArea('EH6 9ZX'), 'EH');
  });

  test('a query is trimmed and limited, with defaults; every problem is named', () => {
    const ok = normaliseQuery({ text: '  walking  ', postcode: 'g401aa', category: ' walking ' });
    assert.deepEqual(ok, { ok: true, value: { limit: 20, text: 'walking', postcode: 'G40 1AA', category: 'walking' } });
    const empty = normaliseQuery({ text: '   ', postcode: '', category: '' });
    assert.deepEqual(empty, { ok: true, value: { limit: 20 } });
    const bad = normaliseQuery({
      text: 'x'.repeat(201),
      postcode: 'nope',
      radius: -1,
      category: 'a b',
      limit: 501,
      locationType: 'far' as never,
    });
    assert.ok(!bad.ok);
    assert.equal(bad.error.kind, 'invalid-query');
    assert.deepEqual(bad.error.kind === 'invalid-query' && bad.error.issues.map((i) => i.path), [
      'text',
      'postcode',
      'radius',
      'category',
      'locationType',
      'limit',
    ]);
  });

  test('only http(s) links survive', () => {
    assert.equal(safeHttpUrl('https://example.org/a'), 'https://example.org/a');
    assert.equal(safeHttpUrl('www.example.org'), 'https://www.example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/relative',
      'mailto:a@example.org',
      'http://exa mple.org',
      '',
    ]) {
      assert.equal(safeHttpUrl(bad), undefined, bad);
    }
  });

  test('attribution prints as lines with the licence last', () => {
    const text = formatAttribution(ALISS_SOURCE);
    assert.match(
      text,
      /^Community resource information from ALISS .* \(https:\/\/www\.aliss\.org\/\)\nLicence: CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)$/,
    );
  });
});

describe('contact links and cleaning', () => {
  const base = { provenance: { source: 'x', sourceName: 'X', sourceId: '1', licence: { name: 'L' }, attribution: [] } };
  test('phone, e-mail and web links only when well formed', async () => {
    const { contactLinks } = await import('../test-all.js');
    assert.deepEqual(
      contactLinks({
        ...base,
        contact: { phone: '0141 496 0101', email: 'hello@example.org', website: 'https://example.org/' },
      }),
      {
        phone: 'tel:01414960101',
        email: 'mailto:hello@example.org',
        website: 'https://example.org/',
      },
    );
    assert.deepEqual(
      contactLinks({
        ...base,
        contact: { phone: 'ask at reception', email: 'a@b.org?cc=x@y.org', website: 'javascript:alert(1)' },
      }),
      {},
    );
  });

  test('control characters and terminal escapes are removed from directory text', async () => {
    const { alissServiceToResource } = await import('../test-all.js');
    const resource = alissServiceToResource({
      id: 'a1',
      name: 'Walk\u001b[31m group\u009b2J\u202e',
      description: ' line one\nline two ',
      organisation: { id: 'o', name: 'Org' },
    });
    assert.equal(resource.name, 'Walk[31m group2J');
    assert.equal(resource.description, 'line one\nline two');
  });
});
