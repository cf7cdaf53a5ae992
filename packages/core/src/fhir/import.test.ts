import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Task } from '@medplum/fhirtypes';
import { applyEvent } from '../referral/apply.js';
import { toFhirBundle } from './export.js';
import { fromFhirTaskUpdate } from './import.js';
import { completedEvents, inProgressEvents, rejectedEvents, stateOf, states } from './test-referral.js';

const BASE = 'https://links-approach.example/fhir';

/** The Task a community organisation's system would send back: our exported Task with a new status. */
function taskOf(events = inProgressEvents()): Task {
  const referral = stateOf(events);
  return toFhirBundle(referral)
    .entry!.map((e) => e.resource!)
    .find((r): r is Task => r.resourceType === 'Task')!;
}
const update = (changes: Partial<Task>, events = inProgressEvents()): Task => ({ ...taskOf(events), ...changes });

describe('fromFhirTaskUpdate', () => {
  const referral = stateOf(inProgressEvents());

  it('turns an allowed status change into our event, attributed to the Task owner (the CLP)', () => {
    const result = fromFhirTaskUpdate(
      update({
        status: 'on-hold',
        statusReason: { text: 'In hospital for two weeks' },
        lastModified: '2025-01-08T10:00:00Z',
      }),
      referral,
    );
    assert.ok(result.ok, !result.ok ? result.reason : '');
    assert.equal(result.event.type, 'status-changed');
    assert.equal(result.event.to, 'on-hold');
    assert.equal(result.event.reason, 'In hospital for two weeks');
    assert.deepEqual(result.event.actor, { role: 'clp', id: 'clp-1' });
    assert.equal(result.event.at, '2025-01-08T10:00:00Z');
    assert.equal(result.state.status, 'on-hold');
    assert.equal(referral.status, 'in-progress', 'the given state is untouched');
    // The event is a normal event: applying it to the referral gives the same state.
    const applied = applyEvent(referral, result.event);
    assert.ok(applied.ok);
    assert.deepEqual(applied.state, result.state);
  });

  it('reads a coded Task.statusReason from the host’s referral-status-reason system as the reason code', () => {
    const coding = {
      system: `${BASE}/CodeSystem/referral-status-reason`,
      code: 'person-asked-to-pause',
      display: 'The person asked to pause',
    };
    const labelOnly = fromFhirTaskUpdate(
      update({
        status: 'on-hold',
        statusReason: { coding: [coding], text: 'The person asked to pause' },
        lastModified: '2025-01-08T10:00:00Z',
      }),
      referral,
    );
    assert.ok(labelOnly.ok, !labelOnly.ok ? labelOnly.reason : '');
    assert.equal(labelOnly.event.type === 'status-changed' && labelOnly.event.reasonCode, 'person-asked-to-pause');
    assert.equal(labelOnly.event.reason, undefined, 'the label is not free text');
    const withText = fromFhirTaskUpdate(
      update({
        status: 'on-hold',
        statusReason: { coding: [coding], text: 'Back in April' },
        lastModified: '2025-01-08T10:00:00Z',
      }),
      referral,
    );
    assert.ok(withText.ok);
    assert.deepEqual(
      [withText.state.statusReasonCode, withText.state.statusReason],
      ['person-asked-to-pause', 'Back in April'],
    );
    const wrongStatus = fromFhirTaskUpdate(
      update({
        status: 'on-hold',
        statusReason: { coding: [{ ...coding, code: 'wrong-person' }] },
        lastModified: '2025-01-08T10:00:00Z',
      }),
      referral,
    );
    assert.ok(wrongStatus.ok, 'a code of another status is read as its display text, i.e. a legacy reason ("other")');
    assert.equal(wrongStatus.state.statusReasonCode, 'other');
  });

  it('rejects a transition the workflow does not allow, with its reason', () => {
    const result = fromFhirTaskUpdate(update({ status: 'requested', lastModified: '2025-01-08T10:00:00Z' }), referral);
    assert.ok(!result.ok);
    assert.equal(result.code, 'transition-not-allowed');
    assert.match(result.reason, /cannot go from "in progress" to "requested"/);
  });

  it('rejects a status that needs a reason when none is given', () => {
    const result = fromFhirTaskUpdate(update({ status: 'failed', lastModified: '2025-01-08T10:00:00Z' }), referral);
    assert.ok(!result.ok);
    assert.equal(result.code, 'reason-required');
  });

  it('takes the outcome of a completion from the Task output, and refuses completion without one', () => {
    const withoutOutcome = fromFhirTaskUpdate(
      update({ status: 'completed', lastModified: '2025-01-08T10:00:00Z' }),
      referral,
    );
    assert.ok(!withoutOutcome.ok);
    assert.equal(withoutOutcome.code, 'outcome-required');
    const completed = fromFhirTaskUpdate(
      update({
        status: 'completed',
        lastModified: '2025-01-08T10:00:00Z',
        output: [
          {
            type: { coding: [{ system: `${BASE}/CodeSystem/task-output-type`, code: 'outcome' }] },
            valueCodeableConcept: {
              coding: [{ system: `${BASE}/CodeSystem/referral-outcome`, code: 'support-no-longer-needed' }],
              text: 'Managing well now',
            },
          },
        ],
      }),
      referral,
    );
    assert.ok(completed.ok, !completed.ok ? completed.reason : '');
    assert.deepEqual(completed.event.outcome, { code: 'support-no-longer-needed', summary: 'Managing well now' });
    assert.equal(completed.state.status, 'completed');
  });

  it('refuses to rewrite a finished referral', () => {
    const rejected = stateOf(rejectedEvents());
    const result = fromFhirTaskUpdate(
      update({ status: 'accepted', lastModified: '2025-01-09T10:00:00Z' }, rejectedEvents()),
      rejected,
    );
    assert.ok(!result.ok);
    assert.equal(result.code, 'referral-finished');
  });

  it('rejects an update for a referral it does not hold, finding referrals in a replayed state', () => {
    const all = states([...completedEvents(), ...rejectedEvents()]);
    const result = fromFhirTaskUpdate(
      update({ status: 'on-hold', statusReason: { text: 'x' }, lastModified: '2025-01-08T10:00:00Z' }),
      {
        referrals: all,
      },
    );
    assert.ok(!result.ok);
    assert.equal(result.code, 'unknown-referral');
    assert.match(result.reason, /no referral "ref-2"/);
  });

  it('rejects bad shapes with paths: not a Task, no referral identifier, no time, no owner', () => {
    const notTask = fromFhirTaskUpdate({ resourceType: 'Patient' }, referral);
    assert.ok(!notTask.ok);
    assert.equal(notTask.code, 'bad-shape');
    assert.deepEqual(notTask.issues!.map((i) => i.path).sort(), ['resourceType', 'status']);

    const badStatus = fromFhirTaskUpdate({ ...taskOf(), status: 'done' }, referral);
    assert.ok(!badStatus.ok && badStatus.code === 'bad-shape' && badStatus.issues![0]!.path === 'status');

    const noId = fromFhirTaskUpdate(
      { ...taskOf(), identifier: [{ system: 'https://elsewhere.example/id', value: 'ref-2' }], status: 'on-hold' },
      referral,
    );
    assert.ok(!noId.ok && noId.code === 'bad-shape');
    assert.equal(noId.issues![0]!.path, 'identifier');

    const { lastModified: _drop, ...undated } = update({ status: 'on-hold', statusReason: { text: 'x' } });
    const noTime = fromFhirTaskUpdate(undated, referral);
    assert.ok(!noTime.ok && noTime.code === 'bad-shape' && noTime.issues![0]!.path === 'lastModified');

    const { owner: _owner, ...ownerless } = update({
      status: 'on-hold',
      statusReason: { text: 'x' },
      lastModified: '2025-01-08T10:00:00Z',
    });
    const noOwner = fromFhirTaskUpdate(ownerless, referral);
    assert.ok(!noOwner.ok && noOwner.code === 'bad-shape' && noOwner.issues![0]!.path === 'owner');

    const hostile = fromFhirTaskUpdate(
      JSON.parse('{"resourceType":"Task","status":"on-hold","__proto__":{"x":1}}'),
      referral,
    );
    assert.ok(!hostile.ok && hostile.code === 'bad-shape');
  });

  it('does not take another CLP’s word: a Task owned by someone else is refused by the workflow', () => {
    const task = update({
      status: 'on-hold',
      statusReason: { text: 'x' },
      lastModified: '2025-01-08T10:00:00Z',
      owner: { type: 'Practitioner', identifier: { system: `${BASE}/id/staff`, value: 'clp-9' } },
    });
    const result = fromFhirTaskUpdate(task, referral);
    assert.ok(!result.ok);
    assert.equal(result.code, 'not-assigned-clp');
    // The host may attribute the update itself, once it has authenticated the sender.
    const attributed = fromFhirTaskUpdate(task, referral, { actor: { role: 'clp', id: 'clp-1' } });
    assert.ok(attributed.ok);
  });

  it('refuses statuses the workflow does not use, and no-change updates', () => {
    const ready = fromFhirTaskUpdate(update({ status: 'ready', lastModified: '2025-01-08T10:00:00Z' }), referral);
    assert.ok(!ready.ok && ready.code === 'status-not-used');
    const same = fromFhirTaskUpdate(update({ status: 'in-progress', lastModified: '2025-01-08T10:00:00Z' }), referral);
    assert.ok(!same.ok && same.code === 'no-change');
  });

  it('gives the same event id for the same update, so a repeated import is a duplicate', () => {
    const task = update({ status: 'on-hold', statusReason: { text: 'Away' }, lastModified: '2025-01-08T10:00:00Z' });
    const first = fromFhirTaskUpdate(task, referral);
    const second = fromFhirTaskUpdate(task, referral);
    assert.ok(first.ok && second.ok);
    assert.equal(first.event.id, second.event.id);
    assert.match(first.event.id, /^fhir-[0-9a-f]{40}$/);
    const again = applyEvent(first.state, second.event);
    assert.ok(!again.ok);
    assert.equal(again.rejection.code, 'duplicate-event-id');
  });
});
