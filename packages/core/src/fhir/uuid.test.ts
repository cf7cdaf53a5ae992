import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUuid, sha1Hex, URL_NAMESPACE, uuidV5 } from './uuid.js';

// Reference values from Python's hashlib and uuid modules (uuid.uuid5, uuid.NAMESPACE_DNS / NAMESPACE_URL).
describe('sha1 and uuidV5', () => {
  it('match the FIPS 180 test vectors', () => {
    assert.equal(sha1Hex('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(sha1Hex(''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.equal(sha1Hex('a'.repeat(1000)), '291e9a6c66994949b57ba5e650361e98fc36b1ba'); // several blocks
  });

  it('match RFC 9562 version-5 UUIDs, including non-ASCII names', () => {
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
    assert.equal(uuidV5(URL_NAMESPACE, 'https://links-approach.example/fhir'), '6d41d3ae-f095-5803-bded-988d8988e737');
    assert.equal(uuidV5(URL_NAMESPACE, 'héllo ✓ 𝄞'), '81bb52a4-bbfd-57a3-9a0c-0b5515020437');
    assert.ok(isUuid(uuidV5(URL_NAMESPACE, 'x')));
    assert.notEqual(uuidV5(URL_NAMESPACE, 'x'), uuidV5(URL_NAMESPACE, 'y'));
  });
});
