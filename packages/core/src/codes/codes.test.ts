import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFERRAL_STATUSES, OUTCOME_CODES, CONSENT_SCOPES, BUSINESS_STATUSES } from '../referral/constants.js';
import {
  CODE_SYSTEMS,
  CODES,
  codeEntry,
  codingFor,
  codesInSystem,
  isWellFormedSnomedConceptId,
  unverifiedCodes,
} from './codes.js';
import { STATUS_REASON_LABELS, STATUS_REASONS_BY_STATUS } from './status-reasons.js';

describe('the code table', () => {
  it('holds the SNOMED CT UK social prescribing referral code, verified', () => {
    const entry = codeEntry('snomed.referral-to-social-prescribing-service');
    assert.equal(entry.system, 'http://snomed.info/sct');
    assert.equal(entry.code, '871731000000106');
    assert.equal(entry.display, 'Referral to social prescribing service');
    assert.equal(entry.verified, true);
  });

  it('follows its own rule: a SNOMED CT code is verified only when more than one public source shows it, each named', () => {
    for (const entry of codesInSystem(CODE_SYSTEMS.snomed)) {
      const sources = entry.publicSources ?? [];
      assert.equal(
        entry.verified,
        sources.length > 1,
        `${entry.key}: verified must follow the number of public sources`,
      );
      for (const source of sources) assert.match(source.url, /^https:\/\//, `${entry.key}: ${source.title}`);
      assert.equal(new Set(sources.map((s) => s.url)).size, sources.length, `${entry.key}: sources are distinct`);
    }
    const referral = codeEntry('snomed.referral-to-social-prescribing-service');
    assert.deepEqual(
      referral.publicSources!.map((s) => new URL(s.url).hostname),
      ['www.socialrx.co.uk', 'github.com'],
      'the second source is the University of Manchester GM-SDE code set',
    );
    assert.doesNotMatch(referral.source, /DOMAIN\.md/, 'the project’s own brief is not a public source');
  });

  it('holds a coded reason for every status that needs one, with its label, in the status-reason system', () => {
    for (const [status, codes] of Object.entries(STATUS_REASONS_BY_STATUS)) {
      assert.ok(codes.includes('other'), `${status} allows "other"`);
      for (const code of codes) {
        const coding = codingFor(`status-reason.${code}`, 'https://host.example/fhir');
        assert.deepEqual(coding, {
          system: 'https://host.example/fhir/CodeSystem/referral-status-reason',
          code,
          display: STATUS_REASON_LABELS[code],
        });
      }
    }
  });

  it('marks "Social prescribing declined" (seen in one source) as unverified, and only that', () => {
    assert.deepEqual(
      unverifiedCodes().map((e) => [e.code, e.display]),
      [['871711000000103', 'Social prescribing declined']],
    );
    assert.match(codeEntry('snomed.social-prescribing-declined').note!, /verified/);
  });

  it('has well-formed SNOMED CT ids (partition and Verhoeff check digit)', () => {
    for (const entry of codesInSystem(CODE_SYSTEMS.snomed))
      assert.ok(isWellFormedSnomedConceptId(entry.code), entry.code);
    // A typing slip is caught: the last digit changed.
    assert.equal(isWellFormedSnomedConceptId('871731000000107'), false);
    assert.equal(isWellFormedSnomedConceptId('22298006'), true); // Myocardial infarction (international)
    assert.equal(isWellFormedSnomedConceptId('22298007'), false);
    assert.equal(isWellFormedSnomedConceptId('0871731000000106'), false);
  });

  it('gives every entry a unique key, a known system and a source', () => {
    const keys = new Set<string>();
    const systems = new Set<string>(Object.values(CODE_SYSTEMS));
    for (const entry of CODES) {
      assert.ok(!keys.has(entry.key), `duplicate key ${entry.key}`);
      keys.add(entry.key);
      assert.ok(
        systems.has(entry.system) || entry.system.startsWith('local:'),
        `${entry.key}: unknown system ${entry.system}`,
      );
      assert.ok(entry.source.length > 10, `${entry.key} needs a source`);
      assert.ok(entry.display.length > 0);
    }
    assert.ok(Object.isFrozen(CODES) && Object.isFrozen(CODES[0]));
  });

  it('covers every referral status, outcome, consent scope and business status', () => {
    for (const status of REFERRAL_STATUSES) assert.equal(codeEntry(`task-status.${status}`).code, status);
    for (const code of OUTCOME_CODES) assert.equal(codeEntry(`outcome.${code}`).code, code);
    for (const scope of CONSENT_SCOPES) assert.equal(codeEntry(`consent-scope.${scope}`).code, scope);
    for (const status of BUSINESS_STATUSES) assert.equal(codeEntry(`business-status.${status}`).code, status);
  });

  it('resolves local systems against the host base URL', () => {
    assert.deepEqual(codingFor('business-status.engaged', 'https://fhir.example.org/links/'), {
      system: 'https://fhir.example.org/links/CodeSystem/referral-business-status',
      code: 'engaged',
      display: 'Engaged',
    });
    assert.deepEqual(codingFor('task-code.fulfill', 'https://ignored.example'), {
      system: 'http://hl7.org/fhir/CodeSystem/task-code',
      code: 'fulfill',
      display: 'Fulfill the focal request',
    });
    assert.throws(() => codeEntry('nope'), /no code "nope"/);
  });
});
