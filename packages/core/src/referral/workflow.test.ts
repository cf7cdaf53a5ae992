import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEvent,
  caseloadMetrics,
  caseloadRows,
  checkReferralState,
  messageBack,
  REFERRAL_STATUSES,
  replay,
  STATUS_ROLES,
  TRANSITIONS,
  type ReferralEvent,
  type ReferralState,
  type ReferralStatus,
} from '../test-all.js';
import { build, CLP, eventsTo, MANAGER, OTHER_CLP, REFERRER, rejectionOf, script, SYSTEM } from './fixtures.test.js';

const LATER = '2025-03-01T10:00:00Z';
const withReason = (to: ReferralStatus) =>
  ['rejected', 'cancelled', 'on-hold', 'failed', 'entered-in-error'].includes(to) ? { reason: 'Because' } : {};

test('every status transition of DOMAIN.md §4 is accepted, every other one refused', () => {
  const expected: Record<ReferralStatus, ReferralStatus[]> = {
    draft: ['requested', 'cancelled', 'entered-in-error'],
    requested: ['accepted', 'rejected', 'cancelled', 'entered-in-error'],
    accepted: ['in-progress', 'on-hold', 'cancelled', 'completed', 'failed', 'entered-in-error'],
    'in-progress': ['on-hold', 'cancelled', 'completed', 'failed', 'entered-in-error'],
    'on-hold': ['in-progress', 'cancelled', 'completed', 'failed', 'entered-in-error'],
    rejected: ['entered-in-error'],
    completed: ['entered-in-error'],
    failed: ['entered-in-error'],
    cancelled: ['entered-in-error'],
    'entered-in-error': [],
  };
  assert.deepEqual(TRANSITIONS, expected);
  for (const from of REFERRAL_STATUSES) {
    const state = build(eventsTo(from));
    assert.equal(state.status, from);
    for (const to of REFERRAL_STATUSES) {
      const actor = {
        ...(STATUS_ROLES[to][0]!.valueOf() === 'clp' ? CLP : STATUS_ROLES[to][0] === 'referrer' ? REFERRER : MANAGER),
      };
      const event = {
        id: `probe-${to}`,
        referralId: 'ref-1',
        type: 'status-changed',
        at: LATER,
        actor,
        to,
        ...withReason(to),
        ...(to === 'completed' ? { outcome: { code: 'other', summary: 'Done' } } : {}),
      } as ReferralEvent;
      const result = applyEvent(state, event);
      assert.equal(
        result.ok,
        expected[from].includes(to),
        `${from} → ${to}: ${result.ok ? 'accepted' : result.rejection.reason}`,
      );
      if (result.ok) assert.equal(result.state.status, to);
      else assert.match(result.rejection.code, /transition-not-allowed|referral-finished/);
    }
  }
});

test('the referrer drafts, requests and marks in error; the CLP decides; either cancels', () => {
  const s = script();
  const draft = build([s.created({ status: 'draft' })]);
  assert.equal(rejectionOf(applyEvent(draft, s.status('requested', CLP))).code, 'role-not-allowed');
  const requested = build([s.created({ status: 'draft' }, REFERRER)]);
  const r1 = applyEvent(requested, s.status('requested', REFERRER));
  assert.ok(r1.ok);
  assert.equal(r1.state.status, 'requested');

  const req = build(eventsTo('requested'));
  const byReferrer = rejectionOf(applyEvent(req, s.status('accepted', REFERRER)));
  assert.equal(byReferrer.code, 'role-not-allowed');
  assert.equal(
    byReferrer.reason,
    'Only the Community Links Practitioner may accept a referral; this event came from the referrer.',
  );
  assert.equal(rejectionOf(applyEvent(req, s.status('rejected', MANAGER, { reason: 'x' }))).code, 'role-not-allowed');
  assert.equal(
    rejectionOf(applyEvent(req, s.status('entered-in-error', CLP, { reason: 'x' }))).code,
    'role-not-allowed',
  );
  assert.equal(rejectionOf(applyEvent(req, s.status('cancelled', SYSTEM, { reason: 'x' }))).code, 'role-not-allowed');
  for (const actor of [REFERRER, CLP, MANAGER]) {
    const result = applyEvent(req, s.status('cancelled', actor, { reason: 'No longer needed' }));
    assert.ok(result.ok, actor.role);
    assert.equal(result.state.statusReason, 'No longer needed');
  }
  assert.ok(
    applyEvent(req, s.status('entered-in-error', MANAGER, { reason: 'Duplicate' })).ok,
    'a practice manager may mark entered-in-error',
  );
  // A CLP creates only self-referrals (see the self-referral test); a practice manager creates none.
  const created = rejectionOf(applyEvent(undefined, s.created({}, CLP)));
  assert.equal(created.code, 'self-referral-only');
  assert.equal(rejectionOf(applyEvent(undefined, s.created({}, MANAGER))).code, 'role-not-allowed');
});

test('a reason is required for rejected, cancelled, on-hold, failed and entered-in-error', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const req = build(eventsTo('requested'));
  const accepted = build(eventsTo('in-progress'));
  const cases: [ReferralState, ReferralStatus, typeof CLP | typeof REFERRER][] = [
    [req, 'rejected', CLP],
    [req, 'cancelled', REFERRER],
    [accepted, 'on-hold', CLP],
    [accepted, 'failed', CLP],
    [req, 'entered-in-error', REFERRER],
  ];
  for (const [state, to, actor] of cases) {
    for (const reason of [undefined, '', '   ']) {
      const rejection = rejectionOf(applyEvent(state, s.status(to, actor, reason === undefined ? {} : { reason })));
      assert.equal(rejection.code, 'reason-required', `${to} with ${JSON.stringify(reason)}`);
      assert.match(rejection.reason, /A reason is required/);
    }
    assert.ok(applyEvent(state, s.status(to, actor, { reason: 'Stated reason' })).ok, to);
  }
  assert.ok(applyEvent(req, s.status('accepted', CLP)).ok, 'accepting needs no reason');
});

test('a referral cannot be completed without an outcome; the outcome may come with completion', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const state = build(eventsTo('in-progress'));
  const rejection = rejectionOf(applyEvent(state, s.status('completed', CLP)));
  assert.equal(rejection.code, 'outcome-required');
  const withOutcome = applyEvent(
    state,
    s.status('completed', CLP, { outcome: { code: 'support-no-longer-needed', summary: 'All done' } }),
  );
  assert.ok(withOutcome.ok);
  assert.deepEqual(withOutcome.state.outcome, { code: 'support-no-longer-needed', summary: 'All done' });
  const recorded = build([
    ...eventsTo('in-progress'),
    s.event(CLP, { type: 'outcome-recorded', outcome: { code: 'other', summary: 'Moved on' } }),
  ]);
  assert.ok(applyEvent(recorded, s.status('completed', CLP)).ok);
  const misplaced = applyEvent(
    state,
    s.status('on-hold', CLP, { reason: 'x', outcome: { code: 'other', summary: '' } }),
  );
  assert.equal(rejectionOf(misplaced).code, 'invalid-event');
  assert.match(rejectionOf(misplaced).reason, /outcome: an outcome can only come with a change to "completed"/);
});

test('business status: contacting on entering in-progress, engaged at the first contact, kept across on-hold', () => {
  const s = script();
  const base = [s.created(), s.status('accepted'), s.status('in-progress')];
  const inProgress = build(base);
  assert.equal(inProgress.businessStatus, 'contacting');
  const attempted = build([
    ...base,
    s.event(CLP, { type: 'contact-attempted', method: 'phone', outcome: 'no-answer' }),
  ]);
  assert.equal(attempted.businessStatus, 'contacting');
  const contact = s.event(CLP, { type: 'contact-recorded', setting: 'practice', durationMinutes: 45 });
  const engaged = build([...base, contact]);
  assert.equal(engaged.businessStatus, 'engaged');
  assert.equal(engaged.firstContactAt, contact.at);
  const held = build([...base, contact, s.status('on-hold', CLP, { reason: 'Away' })]);
  assert.equal(held.businessStatus, undefined);
  const resumed = build([...base, contact, s.status('on-hold', CLP, { reason: 'Away' }), s.status('in-progress')]);
  assert.equal(resumed.businessStatus, 'engaged');
  assert.equal(build(eventsTo('accepted')).businessStatus, undefined);
});

test('no contact or attempt under do-not-contact or without consent to contact', () => {
  const s = script();
  const contact = () => s.event(CLP, { type: 'contact-recorded', setting: 'home', durationMinutes: 30 });
  const attempt = () => s.event(CLP, { type: 'contact-attempted', method: 'phone', outcome: 'no-answer' });

  const noConsent = build([s.created({ consent: undefined }), s.status('accepted'), s.status('in-progress')]);
  assert.equal(noConsent.consent.contact, 'not-asked');
  for (const event of [contact(), attempt()]) {
    const rejection = rejectionOf(applyEvent(noConsent, event));
    assert.equal(rejection.code, 'no-consent-to-contact');
    assert.equal(rejection.reason, 'The person has not given consent to be contacted: record their consent first.');
  }
  const consented = build([...noConsent.timeline, s.event(CLP, { type: 'consent-given', scope: 'contact' })]);
  assert.ok(applyEvent(consented, contact()).ok);

  const withdrawn = build([...consented.timeline, s.event(REFERRER, { type: 'consent-withdrawn', scope: 'contact' })]);
  assert.match(rejectionOf(applyEvent(withdrawn, contact())).reason, /withdrawn their consent/);

  const dnc = build([...consented.timeline, s.event(MANAGER, { type: 'do-not-contact-set' })]);
  assert.equal(dnc.doNotContact, true);
  assert.equal(rejectionOf(applyEvent(dnc, attempt())).code, 'do-not-contact');
  assert.equal(rejectionOf(applyEvent(dnc, contact())).code, 'do-not-contact');
  const lifted = build([...dnc.timeline, s.event(CLP, { type: 'do-not-contact-cleared' })]);
  assert.ok(applyEvent(lifted, contact()).ok);
});

test('contacts only while in progress; casework only while accepted, in progress or on hold', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const accepted = build(eventsTo('accepted'));
  const contact = rejectionOf(
    applyEvent(accepted, s.event(CLP, { type: 'contact-recorded', setting: 'phone', durationMinutes: 20 })),
  );
  assert.equal(contact.code, 'not-allowed-in-status');
  assert.equal(
    contact.reason,
    'A contact cannot be recorded while the referral is "accepted"; only when it is "in progress".',
  );
  const requested = build(eventsTo('requested'));
  const goal = {
    type: 'goal-added',
    goalId: 'g1',
    statement: 'Join a walking group',
    themeId: 'living-well-day-to-day',
  } as const;
  assert.equal(rejectionOf(applyEvent(requested, s.event(CLP, goal))).code, 'not-allowed-in-status');
  assert.ok(applyEvent(accepted, s.event(CLP, goal)).ok);
  assert.ok(applyEvent(build(eventsTo('on-hold')), s.event(CLP, goal)).ok);
  assert.equal(rejectionOf(applyEvent(accepted, s.event(REFERRER, goal))).code, 'role-not-allowed');
  assert.ok(
    applyEvent(requested, s.event(SYSTEM, { type: 'note-added', text: 'Imported from the GP system' })).ok,
    'the system may add notes',
  );
  assert.equal(
    rejectionOf(applyEvent(requested, s.event(SYSTEM, { type: 'do-not-contact-set' }))).code,
    'role-not-allowed',
  );
  assert.equal(
    rejectionOf(applyEvent(accepted, s.event(REFERRER, { type: 'details-updated', urgency: 'urgent' }))).code,
    'not-allowed-in-status',
  );
  const draft = build(eventsTo('draft'));
  const updated = applyEvent(
    draft,
    s.event(REFERRER, { type: 'details-updated', urgency: 'urgent', reasons: [{ themeId: 'navigating-systems' }] }),
  );
  assert.ok(updated.ok);
  assert.equal(updated.state.urgency, 'urgent');
  assert.deepEqual(updated.state.reasons, [{ themeId: 'navigating-systems' }]);
});

test('finished referrals are never rewritten; only entered-in-error may follow, and nothing after it', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  for (const status of ['completed', 'rejected', 'failed', 'cancelled'] as const) {
    const state = build(eventsTo(status));
    const note = rejectionOf(applyEvent(state, s.event(CLP, { type: 'note-added', text: 'late note' })));
    assert.equal(note.code, 'referral-finished', status);
    assert.match(note.reason, /finished referrals are never changed/);
    assert.equal(
      rejectionOf(applyEvent(state, s.event(CLP, { type: 'consent-given', scope: 'contact' }))).code,
      'referral-finished',
    );
    const reopen = rejectionOf(applyEvent(state, s.status('in-progress', CLP)));
    assert.equal(reopen.code, 'referral-finished');
    assert.match(reopen.reason, /create a new referral that references it/);
    const error = applyEvent(state, s.status('entered-in-error', MANAGER, { reason: 'Wrong record' }));
    assert.ok(error.ok, status);
    assert.equal(error.state.finishedAt, state.finishedAt, 'the first finish time is kept');
    const after = rejectionOf(applyEvent(error.state, s.event(MANAGER, { type: 'note-added', text: 'x' })));
    assert.equal(after.reason, 'The referral was entered in error and accepts no more events.');
  }
});

test('a re-referral references a finished referral of the same person', () => {
  const old = build(eventsTo('completed', 'ref-old'));
  const s = script('ref-new', Date.parse('2025-03-01T00:00:00Z'));
  const reopen = applyEvent(undefined, s.created({ previousReferralId: 'ref-old' }), { previous: old });
  assert.ok(reopen.ok);
  assert.equal(reopen.state.previousReferralId, 'ref-old');
  assert.equal(old.status, 'completed', 'the old referral is untouched');

  const open = build(eventsTo('in-progress', 'ref-open'));
  const s2 = script('ref-x', Date.parse('2025-03-01T00:00:00Z'));
  assert.equal(
    rejectionOf(applyEvent(undefined, s2.created({ previousReferralId: 'ref-open' }), { previous: open })).code,
    'previous-not-finished',
  );
  assert.equal(
    rejectionOf(
      applyEvent(undefined, s2.created({ previousReferralId: 'ref-old', person: 'pt-someone-else' }), {
        previous: old,
      }),
    ).code,
    'previous-other-person',
  );
  assert.equal(
    rejectionOf(applyEvent(undefined, s2.created({ previousReferralId: 'ref-x' }))).code,
    'previous-is-self',
  );
  const errored = build(eventsTo('entered-in-error', 'ref-err'));
  assert.match(
    rejectionOf(applyEvent(undefined, s2.created({ previousReferralId: 'ref-err' }), { previous: errored })).reason,
    /entered in error, so it cannot be reopened/,
  );
});

test('the CLP who accepts holds the referral; another CLP is refused until a practice manager reassigns', () => {
  const s = script();
  const accepted = build([s.created(), s.status('accepted', CLP)]);
  assert.equal(accepted.clpId, 'clp-1');
  const other = rejectionOf(applyEvent(accepted, s.status('in-progress', OTHER_CLP)));
  assert.equal(other.code, 'not-assigned-clp');
  assert.equal(
    rejectionOf(applyEvent(accepted, s.event(CLP, { type: 'clp-assigned', clpId: 'clp-2' }))).code,
    'role-not-allowed',
  );
  const reassigned = build([...accepted.timeline, s.event(MANAGER, { type: 'clp-assigned', clpId: 'clp-2' })]);
  assert.ok(applyEvent(reassigned, s.status('in-progress', OTHER_CLP)).ok);
  assert.equal(rejectionOf(applyEvent(reassigned, s.status('in-progress', CLP))).code, 'not-assigned-clp');
  const targeted = build([script('ref-2').created({ clpId: 'clp-2' })]);
  assert.equal(
    rejectionOf(applyEvent(targeted, script('ref-2', Date.parse('2025-02-01T00:00:00Z')).status('accepted', CLP))).code,
    'not-assigned-clp',
  );
});

test('events are applied once; a late event is never dated before the referral was created (equal times are fine)', () => {
  const s = script();
  const state = build([s.created(), s.status('accepted')]);
  const early = rejectionOf(
    applyEvent(state, s.event(CLP, { type: 'note-added', text: 'x' }, { at: '2025-01-01T00:00:00Z' })),
  );
  assert.equal(early.code, 'out-of-order');
  assert.equal(
    early.reason,
    `This event is dated 2025-01-01T00:00:00Z, before the referral was created (${state.createdAt}).`,
  );
  assert.ok(applyEvent(state, s.event(CLP, { type: 'note-added', text: 'same time' }, { at: state.updatedAt })).ok);
  // 30 minutes after the latest event as written, but "+01:00" makes it 30 minutes before it.
  const offset = new Date(Date.parse(state.updatedAt) + 30 * 60_000)
    .toISOString()
    .replace('Z', '+01:00')
    .replace(/\.\d+/, '');
  assert.equal(
    rejectionOf(applyEvent(state, s.event(CLP, { type: 'status-changed', to: 'in-progress' }, { at: offset }))).code,
    'out-of-order',
    'offsets are compared as instants',
  );
  const again = rejectionOf(applyEvent(state, state.timeline[1]!));
  assert.equal(again.code, 'duplicate-event-id');
  assert.equal(again.eventId, state.timeline[1]!.id);
  assert.equal(rejectionOf(applyEvent(state, s.created())).code, 'referral-exists');
  assert.equal(rejectionOf(applyEvent(undefined, s.status('accepted'))).code, 'unknown-referral');
  const wrong = script('ref-2').event(CLP, { type: 'note-added', text: 'x' }, { at: '2025-06-01T00:00:00Z' });
  assert.equal(rejectionOf(applyEvent(state, wrong)).code, 'wrong-referral');
});

/** A referral accepted and in progress, dated by day (2025-03-DD at 09:00 UTC unless a time is given). */
const day = (d: number, time = '09:00') => `2025-03-${String(d).padStart(2, '0')}T${time}:00Z`;
function lateEvent(
  fields: Record<string, unknown> & { type: ReferralEvent['type'] },
  at: string,
  actor: ReferralEvent['actor'] = CLP,
) {
  return { id: `late-${fields.type}-${at}`, referralId: 'ref-1', at, actor, ...fields } as unknown as ReferralEvent;
}
const startedEvents = (): ReferralEvent[] =>
  [
    script().created(
      { consent: ['contact', 'share-outcome-with-gp-record', 'share-with-community-organisation'] },
      REFERRER,
    ),
    script().status('accepted'),
    script().status('in-progress'),
  ].map((e, i) => ({ ...e, id: `on-time-${i}`, at: [day(3), day(4), day(4, '09:05')][i]! }) as ReferralEvent);

test('an event recorded offline may arrive after a colleague’s later one: applied in arrival order, updatedAt never moves back, the first contact is the earliest', () => {
  const colleague = lateEvent({ type: 'note-added', text: 'Daughter called the practice' }, day(10), REFERRER);
  const contact = lateEvent({ type: 'contact-recorded', setting: 'home', durationMinutes: 30 }, day(6));
  const goal = lateEvent(
    { type: 'goal-added', goalId: 'g1', statement: 'Join the walking group', themeId: 'living-well-day-to-day' },
    day(6, '09:30'),
  );
  const events = [...startedEvents(), colleague, contact, goal];
  const state = build(events);
  assert.deepEqual(
    state.timeline.map((e) => e.id),
    events.map((e) => e.id),
    'the timeline keeps the order events arrived in',
  );
  assert.equal(state.updatedAt, day(10), 'the latest time seen, not the last event received');
  assert.equal(state.firstContactAt, day(6));
  assert.deepEqual(
    state.goals.map((g) => [g.id, g.addedAt]),
    [['g1', day(6, '09:30')]],
  );
  assert.deepEqual(checkReferralState(state), []);

  // An even earlier contact, arriving last, becomes the first contact; updatedAt stays.
  const earliest = lateEvent({ type: 'contact-recorded', setting: 'phone', durationMinutes: 10 }, day(5));
  const later = build([...events, earliest]);
  assert.equal(later.firstContactAt, day(5));
  assert.equal(later.updatedAt, day(10));
  assert.equal(later.contacts.length, 2);
  assert.deepEqual(checkReferralState(later), []);
  // Replay (the service's and the CLI's fold) gives the same state as applying the events one by one.
  assert.deepEqual(replay([...events, earliest]).state.referrals[0], later);

  // Figures read the dates, not the arrival order: requested on the 3rd, first contact on the 5th.
  const figures = caseloadMetrics([later], { asOf: day(11) });
  assert.equal(figures.daysToFirstContact.median, 2);
  assert.equal(figures.daysToResponse.median, 1);
  assert.match(messageBack(later).text, /Contacts: 2, the first on /);
  const [row] = caseloadRows([later], { asOf: day(11) });
  assert.equal(row!.updatedAt, day(10), 'the caseload sorts by the latest time seen');
});

test('a late event is refused when it would overwrite a later change, or is casework dated before the acceptance; decided from the state’s own fields', () => {
  const base = build([
    ...startedEvents(),
    lateEvent(
      { type: 'goal-added', goalId: 'g1', statement: 'Walk weekly', themeId: 'living-well-day-to-day' },
      day(5),
    ),
    lateEvent({ type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-03-20' }, day(6)),
    lateEvent({ type: 'goal-updated', goalId: 'g1', status: 'achieved' }, day(9)),
    lateEvent({ type: 'note-added', text: 'Colleague’s note' }, day(10), MANAGER),
  ]);
  // The service decides from its stored summary: no timeline, no notes. The decisions must be the same.
  const summary = { ...base, timeline: [], notes: [] } as ReferralState;
  const decide = (event: ReferralEvent) => {
    const full = applyEvent(base, event);
    const fromSummary = applyEvent(summary, event);
    assert.equal(fromSummary.ok, full.ok, `${event.type} at ${event.at}: the same decision from the summary`);
    if (!full.ok && !fromSummary.ok) assert.equal(fromSummary.rejection.reason, full.rejection.reason);
    return full;
  };
  const refused = (event: ReferralEvent) => {
    const result = decide(event);
    const rejection = rejectionOf(result);
    assert.equal(rejection.code, 'out-of-order', rejection.reason);
    return rejection.reason;
  };

  assert.equal(
    refused(lateEvent({ type: 'status-changed', to: 'on-hold', reason: 'In hospital' }, day(8))),
    `This event is dated ${day(8)}, earlier than the referral's latest event (${day(10)}): a status change dated earlier would overwrite a later change, so it must be dated no earlier than the latest event. If it still applies, record it again now.`,
  );
  assert.match(
    refused(lateEvent({ type: 'consent-withdrawn', scope: 'contact' }, day(8), REFERRER)),
    /a withdrawal of consent dated earlier would overwrite a later change/,
  );
  assert.match(
    refused(lateEvent({ type: 'do-not-contact-set' }, day(8), MANAGER)),
    /a do-not-contact request dated earlier/,
  );
  assert.match(
    refused(lateEvent({ type: 'clp-assigned', clpId: 'clp-2' }, day(8), MANAGER)),
    /a change of Community Links Practitioner/,
  );
  assert.match(
    refused(lateEvent({ type: 'outcome-recorded', outcome: { code: 'other', summary: 'Moved away' } }, day(8))),
    /an outcome dated earlier/,
  );
  assert.equal(
    refused(lateEvent({ type: 'goal-updated', goalId: 'g1', status: 'active' }, day(8))),
    `This change to goal "g1" is dated ${day(8)}, earlier than the goal's last change (${day(9)}): it would overwrite a later change. If it still applies, record it again now.`,
  );
  assert.ok(decide(lateEvent({ type: 'goal-updated', goalId: 'g1', status: 'active' }, day(9, '10:00'))).ok);
  assert.equal(
    refused(lateEvent({ type: 'contact-recorded', setting: 'home', durationMinutes: 20 }, day(3, '12:00'))),
    `This event is dated ${day(3, '12:00')}, before the referral was accepted (${day(4)}): casework cannot come before the acceptance.`,
  );
  assert.match(
    refused(lateEvent({ type: 'follow-up-done', followUpId: 'f1' }, day(5, '12:00'))),
    /Follow-up "f1" is marked done at .+, before it was scheduled/,
  );
  assert.ok(decide(lateEvent({ type: 'follow-up-done', followUpId: 'f1' }, day(7))).ok);
  assert.ok(
    decide(lateEvent({ type: 'note-added', text: 'Before acceptance' }, day(3, '12:00'), REFERRER)).ok,
    'a note is not casework',
  );
  const link = lateEvent(
    { type: 'resource-linked', linkId: 'l1', resource: { id: 'res-1', name: 'Walking group' }, mode: 'referred' },
    day(8),
  );
  const linked = decide(link);
  assert.ok(linked.ok);
  if (linked.ok) {
    assert.equal(linked.state.updatedAt, day(10));
    assert.ok(
      applyEvent(
        linked.state,
        lateEvent({ type: 'resource-updated', linkId: 'l1', status: 'attending' }, day(8, '10:00')),
      ).ok,
    );
    assert.equal(
      rejectionOf(
        applyEvent(linked.state, lateEvent({ type: 'resource-updated', linkId: 'l1', status: 'attending' }, day(7))),
      ).code,
      'out-of-order',
    );
  }
});

test('goals, resource links, follow-ups: ids, themes and consent to share are checked', () => {
  const s = script();
  const base = build([s.created(), s.status('accepted'), s.status('in-progress')]);
  const goal = s.event(CLP, {
    type: 'goal-added',
    goalId: 'g1',
    statement: 'Join a walking group',
    themeId: 'living-well-day-to-day',
  });
  const withGoal = build([...base.timeline, goal]);
  assert.deepEqual(
    { status: withGoal.goals[0]!.status, statement: withGoal.goals[0]!.statement },
    { status: 'proposed', statement: 'Join a walking group' },
  );
  assert.equal(rejectionOf(applyEvent(withGoal, s.event(CLP, { ...goal, type: 'goal-added' }))).code, 'duplicate-goal');
  const unknownTheme = rejectionOf(
    applyEvent(base, s.event(CLP, { type: 'goal-added', goalId: 'g2', statement: 'x', themeId: 'gardening' })),
  );
  assert.equal(unknownTheme.code, 'unknown-theme');
  assert.match(unknownTheme.reason, /"gardening" is not a theme of the framework \(links-approach 1\.0\.0\)/);
  assert.equal(
    rejectionOf(applyEvent(withGoal, s.event(CLP, { type: 'goal-updated', goalId: 'g9', status: 'achieved' }))).code,
    'unknown-goal',
  );
  const achieved = applyEvent(withGoal, s.event(CLP, { type: 'goal-updated', goalId: 'g1', status: 'achieved' }));
  assert.ok(achieved.ok);
  assert.equal(achieved.state.goals[0]!.status, 'achieved');
  assert.equal(withGoal.goals[0]!.status, 'proposed', 'the earlier state is unchanged');

  const resource = { id: 'aliss-123', name: 'Walking group', source: 'aliss' };
  const referred = rejectionOf(
    applyEvent(base, s.event(CLP, { type: 'resource-linked', linkId: 'l1', resource, mode: 'referred' })),
  );
  assert.equal(referred.code, 'no-consent-to-share');
  const signposted = build([
    ...base.timeline,
    s.event(CLP, { type: 'resource-linked', linkId: 'l1', resource, mode: 'signposted' }),
  ]);
  assert.equal(signposted.resourceLinks[0]!.status, 'suggested');
  assert.equal(
    rejectionOf(applyEvent(signposted, s.event(CLP, { type: 'resource-updated', linkId: 'l1', mode: 'referred' })))
      .code,
    'no-consent-to-share',
  );
  const shared = build([
    ...signposted.timeline,
    s.event(CLP, { type: 'consent-given', scope: 'share-with-community-organisation' }),
  ]);
  const upgraded = applyEvent(
    shared,
    s.event(CLP, { type: 'resource-updated', linkId: 'l1', mode: 'referred', status: 'attending' }),
  );
  assert.ok(upgraded.ok);
  assert.deepEqual(
    [upgraded.state.resourceLinks[0]!.mode, upgraded.state.resourceLinks[0]!.status],
    ['referred', 'attending'],
  );
  assert.equal(
    rejectionOf(
      applyEvent(shared, s.event(CLP, { type: 'resource-linked', linkId: 'l1', resource, mode: 'signposted' })),
    ).code,
    'duplicate-resource-link',
  );
  assert.equal(
    rejectionOf(applyEvent(shared, s.event(CLP, { type: 'resource-updated', linkId: 'zz', status: 'attended' }))).code,
    'unknown-resource-link',
  );

  const scheduled = build([
    ...base.timeline,
    s.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-01-20' }),
  ]);
  assert.equal(
    rejectionOf(
      applyEvent(scheduled, s.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-01-21' })),
    ).code,
    'duplicate-follow-up',
  );
  assert.equal(
    rejectionOf(applyEvent(scheduled, s.event(CLP, { type: 'follow-up-done', followUpId: 'f2' }))).code,
    'unknown-follow-up',
  );
  const done = build([...scheduled.timeline, s.event(CLP, { type: 'follow-up-done', followUpId: 'f1' })]);
  assert.equal(done.followUps[0]!.done, true);
  assert.equal(
    rejectionOf(applyEvent(done, s.event(CLP, { type: 'follow-up-done', followUpId: 'f1' }))).code,
    'follow-up-already-done',
  );
});

test('applyEvent never touches its input, returns frozen states, and reports invalid events in plain English', () => {
  const s = script();
  const state = build([s.created(), s.status('accepted')]);
  const snapshot = structuredClone(state);
  const next = applyEvent(state, s.status('in-progress'));
  assert.ok(next.ok);
  assert.deepEqual(state, snapshot);
  assert.notEqual(next.state, state);
  assert.ok(Object.isFrozen(next.state) && Object.isFrozen(next.state.timeline));
  assert.throws(() => {
    (next.state as { status: string }).status = 'completed';
  }, TypeError);
  const bad = rejectionOf(
    applyEvent(state, { ...s.event(CLP, { type: 'contact-recorded', setting: 'garden', durationMinutes: -5 }) }),
  );
  assert.equal(bad.code, 'invalid-event');
  assert.match(
    bad.reason,
    /^The event is not valid: setting: must be one of "practice", "home", "community", "phone", "video"; durationMinutes: must be at least 1$/,
  );
  const chi = rejectionOf(applyEvent(undefined, s.created({ person: '0101011234' })));
  assert.match(chi.reason, /person: looks like a CHI or NHS number/);
  assert.deepEqual(checkReferralState(next.state), []);
});

test('state invariants catch a state that was edited by hand', () => {
  const s = script();
  const state = build([s.created(), s.status('accepted'), s.status('in-progress')]);
  assert.deepEqual(checkReferralState(state), []);
  const tampered = { ...structuredClone(state), status: 'completed' as const, businessStatus: 'engaged' as const };
  const paths = checkReferralState(tampered).map((i) => i.path);
  assert.ok(paths.includes('status'));
  assert.ok(paths.includes('businessStatus'));
  assert.ok(paths.includes('outcome'));
  const sneaky = structuredClone(state) as unknown as { timeline: ReferralEvent[]; contacts: unknown[] };
  sneaky.timeline.push({ ...s.event(CLP, { type: 'contact-recorded', setting: 'home', durationMinutes: 10 }) });
  sneaky.timeline.splice(1, 0, { ...s.event(CLP, { type: 'do-not-contact-set' }, { at: state.timeline[1]!.at }) });
  const issues = checkReferralState(sneaky as unknown as ReferralState);
  assert.ok(issues.some((i) => i.message === 'is a contact under do-not-contact'));
  assert.ok(issues.some((i) => i.path === 'contacts'));
});

test('status changes carry a coded reason from the status’s own list; free text is optional; a legacy free-text reason reads as "other"', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const req = build(eventsTo('requested'));
  const coded = applyEvent(req, s.status('rejected', CLP, { reasonCode: 'needs-other-service' }));
  assert.ok(coded.ok);
  assert.equal(coded.state.statusReasonCode, 'needs-other-service');
  assert.equal(coded.state.statusReason, undefined, 'free text is optional');
  const wrong = rejectionOf(applyEvent(req, s.status('rejected', CLP, { reasonCode: 'person-asked-to-pause' })));
  assert.equal(wrong.code, 'reason-code-not-allowed');
  assert.match(wrong.reason, /"person-asked-to-pause" is not a reason for "rejected"; use one of: not-suitable/);
  const uncalled = rejectionOf(applyEvent(req, s.status('accepted', CLP, { reasonCode: 'other' })));
  assert.equal(uncalled.code, 'reason-code-not-allowed');
  const legacy = build([...eventsTo('requested'), s.status('rejected', CLP, { reason: 'Needs are clinical' })]);
  assert.deepEqual([legacy.statusReasonCode, legacy.statusReason], ['other', 'Needs are clinical']);
  assert.deepEqual(checkReferralState(legacy), []);
  const resumed = build([...eventsTo('on-hold'), s.status('in-progress', CLP)]);
  assert.deepEqual(
    [resumed.statusReasonCode, resumed.statusReason],
    [undefined, undefined],
    'cleared by the next change',
  );
});

test('a draft can be cancelled with a reason code by the referrer or a practice manager, not the CLP', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const draft = build(eventsTo('draft'));
  for (const actor of [REFERRER, MANAGER]) {
    const result = applyEvent(draft, s.status('cancelled', actor, { reasonCode: 'draft-not-sent' }));
    assert.ok(result.ok, actor.role);
    assert.equal(result.state.status, 'cancelled');
    assert.equal(result.state.statusReasonCode, 'draft-not-sent');
    assert.equal(result.state.finishedAt, result.state.updatedAt);
  }
  assert.equal(rejectionOf(applyEvent(draft, s.status('cancelled', REFERRER))).code, 'reason-required');
  assert.equal(
    rejectionOf(applyEvent(draft, s.status('cancelled', CLP, { reasonCode: 'draft-not-sent' }))).code,
    'role-not-allowed',
  );
});

test('a CLP may create a self-referral (route "self", requested) and holds it; no other route, no draft', () => {
  const s = script('ref-self');
  const self = applyEvent(undefined, s.created({ route: 'self' }, CLP));
  assert.ok(self.ok);
  assert.equal(self.state.clpId, 'clp-1', 'the CLP who records it holds it');
  assert.equal(self.state.referrerId, 'clp-1');
  assert.ok(applyEvent(self.state, s.status('accepted', CLP)).ok);
  const gp = rejectionOf(applyEvent(undefined, s.created({ route: 'gp' }, CLP)));
  assert.equal(gp.code, 'self-referral-only');
  assert.match(gp.reason, /only a self-referral \(route "self"\)/);
  assert.equal(
    rejectionOf(applyEvent(undefined, s.created({ route: 'self', status: 'draft' }, CLP))).code,
    'self-referral-only',
  );
});

test('the practice boundary: with practices on the actor, each acts only on their practices’ referrals; colleagues act for one another; without practices nothing is checked', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const req = build(eventsTo('requested')); // practice-1, made by gp-1
  const colleague = { role: 'referrer' as const, id: 'gp-9', practices: ['practice-1'] };
  const outsider = { role: 'referrer' as const, id: 'gp-7', practices: ['practice-2'] };
  const cancelled = applyEvent(req, s.status('cancelled', colleague, { reasonCode: 'no-longer-needed' }));
  assert.ok(cancelled.ok, 'a colleague at the same practice may cancel');
  const refused = rejectionOf(applyEvent(req, s.status('entered-in-error', outsider, { reasonCode: 'wrong-person' })));
  assert.equal(refused.code, 'other-practice');
  assert.equal(
    refused.reason,
    'This referral belongs to practice practice-1, and the referrer (gp-7) acts only for practice-2.',
  );
  assert.equal(
    rejectionOf(applyEvent(req, s.status('cancelled', outsider, { reasonCode: 'duplicate' }))).code,
    'other-practice',
  );
  const clpElsewhere = { role: 'clp' as const, id: 'clp-1', practices: ['practice-3', 'practice-4'] };
  assert.equal(rejectionOf(applyEvent(req, s.status('accepted', clpElsewhere))).code, 'other-practice');
  assert.ok(applyEvent(req, s.status('accepted', { ...CLP, practices: ['practice-1', 'practice-3'] })).ok);
  const managerElsewhere = { role: 'practice-manager' as const, id: 'pm-2', practices: ['practice-2'] };
  assert.equal(
    rejectionOf(applyEvent(req, s.event(managerElsewhere, { type: 'clp-assigned', clpId: 'clp-3' }))).code,
    'other-practice',
  );
  assert.equal(rejectionOf(applyEvent(undefined, script('ref-new').created({}, outsider))).code, 'other-practice');
  assert.ok(applyEvent(undefined, script('ref-new').created({}, colleague)).ok);
  // Legacy events carry no practices: any referrer may act, as before.
  assert.ok(
    applyEvent(req, s.status('entered-in-error', { role: 'referrer', id: 'gp-7' }, { reason: 'Wrong person' })).ok,
  );
});

test('completion must agree with the record: "goals achieved" needs an achieved goal; engaged outcomes need a contact', () => {
  const s = script('ref-1', Date.parse('2025-02-01T00:00:00Z'));
  const inProgress = build(eventsTo('in-progress'));
  const noGoal = rejectionOf(
    applyEvent(inProgress, s.status('completed', CLP, { outcome: { code: 'goals-achieved', summary: '' } })),
  );
  assert.equal(noGoal.code, 'outcome-contradicts-record');
  assert.match(noGoal.reason, /"goals achieved" needs at least one achieved goal/);
  const withGoal = build([
    ...eventsTo('in-progress'),
    s.event(CLP, {
      type: 'goal-added',
      goalId: 'g1',
      statement: 'Join a walking group',
      themeId: 'living-well-day-to-day',
      status: 'achieved',
    }),
  ]);
  const noContact = rejectionOf(
    applyEvent(withGoal, s.status('completed', CLP, { outcome: { code: 'goals-achieved', summary: '' } })),
  );
  assert.equal(noContact.code, 'outcome-contradicts-record');
  assert.match(noContact.reason, /needs at least one contact with the person, and none is recorded/);
  const connected = rejectionOf(
    applyEvent(inProgress, s.status('completed', CLP, { outcome: { code: 'connected-to-support', summary: '' } })),
  );
  assert.equal(connected.code, 'outcome-contradicts-record');
  const contact = s.event(CLP, { type: 'contact-recorded', setting: 'practice', durationMinutes: 30 });
  const engaged = build([...withGoal.timeline, contact]);
  assert.ok(applyEvent(engaged, s.status('completed', CLP, { outcome: { code: 'goals-achieved', summary: '' } })).ok);
  // A recorded outcome is checked at completion too.
  const recorded = build([
    ...eventsTo('in-progress'),
    s.event(CLP, { type: 'outcome-recorded', outcome: { code: 'some-goals-achieved', summary: '' } }),
  ]);
  assert.equal(rejectionOf(applyEvent(recorded, s.status('completed', CLP))).code, 'outcome-contradicts-record');
  assert.ok(
    applyEvent(inProgress, s.status('completed', CLP, { outcome: { code: 'support-no-longer-needed', summary: '' } }))
      .ok,
    'an outcome that claims no engagement needs no contact',
  );
});
