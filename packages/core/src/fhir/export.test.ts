import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Bundle,
  Consent,
  Goal,
  PractitionerRole,
  Reference,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import { bundleIndex, toFhirBundle, toFhirCollection } from './export.js';
import { isUuid } from './uuid.js';
import {
  completedEvents,
  inProgressEvents,
  rejectedEvents,
  stateOf,
  states,
  writer,
  REFERRER,
} from './test-referral.js';
import { SENTINEL, sentinelEvents } from '../referral/sentinel-fixtures.test.js';

const BASE = 'https://links-approach.example/fhir';

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((e) => e.resource!).filter((r): r is T => r.resourceType === type);
}
const only = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T => {
  const found = resources<T>(bundle, type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0]!;
};

/** Every `reference` in a resource, wherever it sits. */
function referencesIn(value: unknown, out: Reference[] = []): Reference[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object') {
    if (typeof (value as Reference).reference === 'string') out.push(value as Reference);
    for (const v of Object.values(value)) referencesIn(v, out);
  }
  return out;
}

describe('toFhirBundle: a completed referral with consent to share', () => {
  const referral = stateOf(completedEvents());
  const bundle = toFhirBundle(referral);

  it('is a collection Bundle whose entries all have urn:uuid full URLs, and every reference resolves within it', () => {
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.equal(bundle.timestamp, referral.updatedAt);
    const urls = bundle.entry!.map((e) => e.fullUrl!);
    for (const url of urls) assert.ok(url.startsWith('urn:uuid:') && isUuid(url.slice(9)), url);
    assert.equal(new Set(urls).size, urls.length);
    const index = bundleIndex(bundle);
    const refs = referencesIn(bundle.entry!.map((e) => e.resource));
    assert.ok(refs.length >= 5);
    for (const ref of refs) {
      assert.ok(index.has(ref.reference!), `${ref.reference} resolves`);
      assert.equal(index.get(ref.reference!)!.resourceType, ref.type);
    }
    assert.deepEqual(
      bundle.entry!.map((e) => e.resource!.resourceType),
      ['ServiceRequest', 'Task', 'PractitionerRole', 'Goal', 'Goal', 'Consent', 'Consent', 'Consent'],
    );
  });

  it('ServiceRequest: SNOMED CT UK code, reasons by theme, the person as subject, requester and performer', () => {
    const sr = only<ServiceRequest>(bundle, 'ServiceRequest');
    assert.equal(sr.status, 'completed');
    assert.equal(sr.intent, 'order');
    assert.equal(sr.priority, 'urgent'); // urgency "soon"
    assert.deepEqual(sr.code!.coding, [
      { system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' },
    ]);
    assert.deepEqual(sr.identifier, [{ system: `${BASE}/id/referral`, value: 'ref-1' }]);
    assert.deepEqual(sr.subject, { type: 'Patient', identifier: { system: `${BASE}/id/person`, value: 'pt-7f3a9c' } });
    assert.deepEqual(
      sr.reasonCode!.map((r) => [r.coding![0]!.system, r.coding![0]!.code, r.text]),
      [
        [`${BASE}/CodeSystem/self-management-theme`, 'living-well-day-to-day', 'Lonely since retiring'],
        [`${BASE}/CodeSystem/self-management-theme`, 'navigating-systems', 'Navigating systems'],
      ],
    );
    assert.equal(sr.authoredOn, referral.requestedAt);
    assert.deepEqual(sr.performer, [
      { type: 'Practitioner', identifier: { system: `${BASE}/id/staff`, value: 'clp-1' } },
    ]);
    const role = bundleIndex(bundle).get(sr.requester!.reference!) as PractitionerRole;
    assert.deepEqual(role.practitioner, {
      type: 'Practitioner',
      identifier: { system: `${BASE}/id/staff`, value: 'gp-1' },
    });
    assert.deepEqual(role.organization, {
      type: 'Organization',
      identifier: { system: `${BASE}/id/practice`, value: 'practice-1' },
    });
  });

  it('Task: status, intent order, code fulfill, focus, for, authoredOn, requester, owner and the outputs', () => {
    const task = only<Task>(bundle, 'Task');
    const sr = bundle.entry!.find((e) => e.resource!.resourceType === 'ServiceRequest')!;
    assert.equal(task.status, 'completed');
    assert.equal(task.intent, 'order');
    assert.deepEqual(task.code!.coding, [
      { system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill', display: 'Fulfill the focal request' },
    ]);
    assert.deepEqual(task.focus, { reference: sr.fullUrl, type: 'ServiceRequest' });
    assert.deepEqual(
      task.for,
      sr.resource!.resourceType === 'ServiceRequest' ? (sr.resource as ServiceRequest).subject : undefined,
    );
    assert.equal(task.authoredOn, referral.requestedAt);
    assert.equal(task.lastModified, referral.updatedAt);
    assert.deepEqual(task.owner, { type: 'Practitioner', identifier: { system: `${BASE}/id/staff`, value: 'clp-1' } });
    assert.deepEqual(task.requester, (sr.resource as ServiceRequest).requester);
    assert.equal(task.businessStatus, undefined, 'business status only while in progress');
    assert.equal(task.statusReason, undefined, 'no reason is required for completed');
    assert.equal(task.executionPeriod!.end, referral.finishedAt);
    const outputs = task.output!.map((o) => o.type!.coding![0]!.code);
    assert.deepEqual(outputs, ['outcome', 'contacts', 'goal', 'goal', 'resource-referred', 'resource-signposted']);
    const [outcome, contacts, , , walking] = task.output!;
    assert.deepEqual(outcome!.valueCodeableConcept, {
      coding: [
        {
          system: `${BASE}/CodeSystem/referral-outcome`,
          code: 'connected-to-support',
          display: 'Connected to community support',
        },
      ],
      text: 'Walking weekly with the group',
    });
    assert.equal(contacts!.valueUnsignedInt, 3);
    assert.deepEqual(walking!.valueReference, {
      type: 'HealthcareService',
      identifier: { system: `${BASE}/id/community-resource/aliss`, value: 'svc-42' },
      display: 'Springburn Walking Group',
    });
    assert.equal(walking!.type!.text, 'Community resource: referred (attending)');
  });

  it('Goals: lifecycle and achievement status mapped, theme as category, the person as subject', () => {
    const goals = resources<Goal>(bundle, 'Goal');
    assert.deepEqual(
      goals.map((g) => [g.description.text, g.lifecycleStatus, g.achievementStatus?.coding?.[0]?.code]),
      [
        ['Join a walking group', 'completed', 'achieved'],
        ['Complete the benefits form', 'completed', 'not-achieved'],
      ],
    );
    assert.equal(
      goals[0]!.achievementStatus!.coding![0]!.system,
      'http://terminology.hl7.org/CodeSystem/goal-achievement',
    );
    assert.equal(goals[0]!.category![0]!.coding![0]!.code, 'living-well-day-to-day');
    assert.deepEqual(goals[0]!.identifier, [{ system: `${BASE}/id/goal`, value: 'ref-1/g1' }]);
    assert.deepEqual(goals[0]!.subject, only<ServiceRequest>(bundle, 'ServiceRequest').subject);
  });

  it('Consent: one per scope given, privacy scope, LOINC category, a policy rule (R4 ppc-1) and the patient (ppc-2)', () => {
    const consents = resources<Consent>(bundle, 'Consent');
    assert.deepEqual(
      consents.map((c) => [
        c.provision!.code![0]!.coding![0]!.code,
        c.provision!.type,
        c.provision!.action![0]!.coding![0]!.code,
      ]),
      [
        ['contact', 'permit', 'use'],
        ['share-outcome-with-gp-record', 'permit', 'disclose'],
        ['share-with-community-organisation', 'permit', 'disclose'],
      ],
    );
    for (const c of consents) {
      assert.equal(c.status, 'active');
      assert.deepEqual(c.scope.coding, [
        {
          system: 'http://terminology.hl7.org/CodeSystem/consentscope',
          code: 'patient-privacy',
          display: 'Privacy Consent',
        },
      ]);
      assert.equal(c.category[0]!.coding![0]!.code, '59284-0');
      assert.ok(c.policy !== undefined || c.policyRule !== undefined, 'ppc-1: policy or policyRule');
      assert.ok(c.patient, 'ppc-2: a privacy consent needs a patient');
      assert.deepEqual(c.organization, [
        { type: 'Organization', identifier: { system: `${BASE}/id/practice`, value: 'practice-1' } },
      ]);
    }
    // Given at referral: dated at creation; given later: dated when given.
    assert.equal(consents[0]!.dateTime, referral.createdAt);
    assert.equal(consents[2]!.dateTime, referral.timeline.find((e) => e.type === 'consent-given')!.at);
  });

  it('is deterministic and never reads the clock', () => {
    assert.deepEqual(toFhirBundle(referral), bundle);
    assert.equal(JSON.stringify(toFhirBundle(stateOf(completedEvents()))), JSON.stringify(bundle));
  });
});

describe('toFhirBundle: other states and options', () => {
  it('in progress: business status "contacting" before the first contact; no details without consent to share', () => {
    const referral = stateOf(inProgressEvents());
    const bundle = toFhirBundle(referral);
    const task = only<Task>(bundle, 'Task');
    assert.equal(task.status, 'in-progress');
    assert.deepEqual(task.businessStatus, {
      coding: [{ system: `${BASE}/CodeSystem/referral-business-status`, code: 'contacting', display: 'Contacting' }],
      text: 'Contacting',
    });
    assert.equal(task.executionPeriod!.end, undefined);
    assert.equal(task.output, undefined, 'no outputs without consent to share the outcome');
    assert.equal(resources(bundle, 'Goal').length, 0, 'no goals without consent to share the outcome');
    assert.equal(only<ServiceRequest>(bundle, 'ServiceRequest').status, 'active');
    assert.equal(only<ServiceRequest>(bundle, 'ServiceRequest').priority, 'asap');
    // detail "full" is for the host's own systems
    const full = toFhirBundle(referral, { detail: 'full' });
    assert.equal(resources(full, 'Goal').length, 1);
    assert.equal(resources<Goal>(full, 'Goal')[0]!.lifecycleStatus, 'proposed');
  });

  it('rejected: statusReason carries the coded reason (a legacy free-text reason as "other"), never its words without consent; the ServiceRequest is revoked; no Consent when none was asked', () => {
    const bundle = toFhirBundle(stateOf(rejectedEvents()));
    const task = only<Task>(bundle, 'Task');
    assert.equal(task.status, 'rejected');
    assert.deepEqual(task.statusReason, {
      coding: [
        {
          system: 'https://links-approach.example/fhir/CodeSystem/referral-status-reason',
          code: 'other',
          display: 'Other reason',
        },
      ],
      text: 'Other reason',
    });
    assert.doesNotMatch(JSON.stringify(bundle), /hospice/);
    assert.equal(task.owner!.identifier!.value, 'clp-1');
    assert.equal(only<ServiceRequest>(bundle, 'ServiceRequest').status, 'revoked');
    assert.equal(resources(bundle, 'Consent').length, 0);
  });

  it('do-not-contact and withdrawn consent become deny provisions', () => {
    const e = writer('ref-9');
    const referral = stateOf([
      e(REFERRER, {
        type: 'created',
        status: 'requested',
        person: 'pt-99',
        practiceId: 'practice-1',
        route: 'gp',
        reasons: [{ themeId: 'living-well-day-to-day' }],
        urgency: 'routine',
        consent: ['contact', 'share-outcome-with-gp-record'],
      }),
      e(REFERRER, { type: 'consent-withdrawn', scope: 'share-outcome-with-gp-record' }),
      e(REFERRER, { type: 'do-not-contact-set' }),
    ]);
    const consents = resources<Consent>(toFhirBundle(referral), 'Consent');
    assert.deepEqual(
      consents.map((c) => [c.provision!.code![0]!.coding![0]!.code, c.provision!.type, c.dateTime]),
      [
        ['contact', 'deny', referral.timeline[2]!.at],
        ['share-outcome-with-gp-record', 'deny', referral.timeline[1]!.at],
      ],
    );
  });

  it('uses the host systems and literal references when asked', () => {
    const bundle = toFhirBundle(stateOf(completedEvents()), {
      systemBase: 'https://fhir.example.nhs.scot/links/',
      subject: { referencePrefix: 'Patient/' },
      staff: { identifierSystem: 'https://fhir.example.nhs.scot/staff' },
    });
    const sr = only<ServiceRequest>(bundle, 'ServiceRequest');
    assert.deepEqual(sr.subject, { type: 'Patient', reference: 'Patient/pt-7f3a9c' });
    assert.equal(sr.identifier![0]!.system, 'https://fhir.example.nhs.scot/links/id/referral');
    assert.equal(sr.performer![0]!.identifier!.system, 'https://fhir.example.nhs.scot/staff');
    assert.notEqual(
      bundle.entry![0]!.fullUrl,
      toFhirBundle(stateOf(completedEvents())).entry![0]!.fullUrl,
      'another host, other UUIDs',
    );
  });

  it('toFhirCollection puts many referrals in one Bundle with distinct full URLs', () => {
    const all = states([...completedEvents(), ...inProgressEvents(), ...rejectedEvents()]);
    const bundle = toFhirCollection(all);
    assert.equal(resources(bundle, 'Task').length, 3);
    assert.equal(resources(bundle, 'ServiceRequest').length, 3);
    const urls = bundle.entry!.map((e) => e.fullUrl);
    assert.equal(new Set(urls).size, urls.length);
    const index = bundleIndex(bundle);
    for (const task of resources<Task>(bundle, 'Task')) {
      const sr = index.get(task.focus!.reference!) as ServiceRequest;
      assert.equal(sr.identifier![0]!.value, task.identifier![0]!.value, 'each Task points at its own ServiceRequest');
    }
    assert.equal(
      bundle.timestamp,
      all
        .map((r) => r.updatedAt)
        .sort()
        .at(-1),
    );
  });
});

describe('toFhirBundle: free text and consent', () => {
  it('without consent to share the outcome no free text leaves: Task.statusReason, reasons, outcome, goals and notes carry codes and labels only', () => {
    for (const referral of states(sentinelEvents(false))) {
      const bundle = toFhirBundle(referral);
      assert.doesNotMatch(JSON.stringify(bundle), new RegExp(SENTINEL), referral.id);
      assert.doesNotMatch(JSON.stringify(toFhirCollection([referral])), new RegExp(SENTINEL), referral.id);
    }
    const held = states(sentinelEvents(false)).find((r) => r.id === 'sx-hold')!;
    assert.deepEqual(only<Task>(toFhirBundle(held), 'Task').statusReason, {
      coding: [
        {
          system: `${BASE}/CodeSystem/referral-status-reason`,
          code: 'person-unavailable',
          display: 'The person is unavailable for now',
        },
      ],
      text: 'The person is unavailable for now',
    });
    assert.deepEqual(
      only<ServiceRequest>(toFhirBundle(held), 'ServiceRequest').reasonCode![0]!.text,
      'Facing challenges and crises',
    );
  });

  it('with consent the reason, the referrer’s words, the outcome summary and goals may go; notes never do', () => {
    const referrals = states(sentinelEvents(true));
    const held = toFhirBundle(referrals.find((r) => r.id === 'sx-hold')!);
    const task = only<Task>(held, 'Task');
    assert.equal(task.statusReason!.coding![0]!.code, 'person-unavailable');
    assert.equal(task.statusReason!.text, SENTINEL);
    assert.equal(only<ServiceRequest>(held, 'ServiceRequest').reasonCode![0]!.text, SENTINEL);
    const done = toFhirBundle(referrals.find((r) => r.id === 'sx-done')!);
    assert.equal(resources<Goal>(done, 'Goal')[0]!.description.text, SENTINEL);
    assert.ok(only<Task>(done, 'Task').output!.some((o) => o.valueCodeableConcept?.text === SENTINEL));
    // The note, the follow-up note and the route detail are in none of the places above, nor anywhere else:
    // each sentinel occurrence is one of the allowed fields.
    const allowed = JSON.stringify(done).split(SENTINEL).length - 1;
    assert.equal(allowed, 3, 'the referrer’s words, the goal statement and the outcome summary: nothing else');
  });
});
