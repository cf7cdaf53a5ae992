import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseloadMetrics, messageBack, replay, type ReferralEvent, type ReferralState } from '../test-all.js';
import { build, CLP, eventsTo, REFERRER, script } from './fixtures.test.js';
import { SENTINEL, sentinelEvents } from './sentinel-fixtures.test.js';

const DAY = 86_400_000;

/** A journey: requested, accepted after `respondDays`, first contact after `contactDays`, `contacts` contacts in all. */
function journey(
  id: string,
  options: {
    person: string;
    practiceId?: string;
    respondDays: number;
    contacts: number;
    links?: ('attending' | 'suggested' | 'declined')[];
    goals?: ('achieved' | 'not-achieved' | 'cancelled' | 'active')[];
    clp?: string;
    finish?: boolean;
  },
): ReferralState {
  const start = Date.parse('2025-01-06T09:00:00Z');
  const s = script(id, start);
  const clp = { role: 'clp', id: options.clp ?? 'clp-1' } as const;
  const events: ReferralEvent[] = [
    s.created({
      person: options.person,
      practiceId: options.practiceId ?? 'practice-1',
      reasons: [{ themeId: 'navigating-systems' }, { themeId: 'dying-well' }],
    }),
  ];
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  events.push(s.event(clp, { type: 'status-changed', to: 'accepted' }, { at: at(options.respondDays) }));
  events.push(s.event(clp, { type: 'status-changed', to: 'in-progress' }, { at: at(options.respondDays) }));
  for (let i = 0; i < options.contacts; i++) {
    events.push(
      s.event(
        clp,
        { type: 'contact-recorded', setting: 'practice', durationMinutes: 30 },
        { at: at(options.respondDays + 2 + i * 7) },
      ),
    );
  }
  const later = at(options.respondDays + 2 + options.contacts * 7);
  (options.links ?? []).forEach((status, i) => {
    events.push(
      s.event(
        clp,
        {
          type: 'resource-linked',
          linkId: `l${i}`,
          resource: { id: `res-${i}`, name: `Resource ${i}` },
          mode: 'signposted',
          status,
        },
        { at: later },
      ),
    );
  });
  (options.goals ?? []).forEach((status, i) => {
    events.push(
      s.event(
        clp,
        { type: 'goal-added', goalId: `g${i}`, statement: `Goal ${i}`, themeId: 'navigating-systems', status },
        { at: later },
      ),
    );
  });
  if (options.finish)
    events.push(
      s.event(
        clp,
        { type: 'status-changed', to: 'completed', outcome: { code: 'goals-achieved', summary: 'Done' } },
        { at: later },
      ),
    );
  return build(events);
}

test('caseload metrics over a hand-made caseload', () => {
  const referrals = [
    journey('r1', {
      person: 'pt-1',
      respondDays: 2,
      contacts: 3,
      links: ['attending', 'declined'],
      goals: ['achieved', 'not-achieved'],
      finish: true,
    }),
    journey('r2', {
      person: 'pt-2',
      respondDays: 4,
      contacts: 1,
      links: ['suggested'],
      goals: ['cancelled', 'active'],
    }),
    journey('r3', { person: 'pt-3', practiceId: 'practice-2', respondDays: 10, contacts: 0, clp: 'clp-2' }),
    // pt-2 again: 2 more contacts make 3 across both referrals.
    journey('r4', { person: 'pt-2', respondDays: 6, contacts: 2 }),
    build(eventsTo('requested', 'r5')), // pt-7f3a9c, waiting since 2025-01-06T10:00Z
    build(eventsTo('draft', 'r6')),
    build(eventsTo('entered-in-error', 'r7')),
  ];
  const m = caseloadMetrics(referrals, {
    asOf: '2025-02-01T00:00:00Z',
    practices: [
      { id: 'practice-1', name: 'Possilpark', listSize: 4000 },
      { id: 'practice-3', listSize: 2500 },
    ],
  });
  assert.equal(m.total, 7);
  assert.equal(m.referrals, 5, 'drafts and entries in error are not referrals made');
  assert.deepEqual(
    Object.entries(m.byStatus).filter(([, n]) => n > 0),
    [
      ['draft', 1],
      ['requested', 1],
      ['in-progress', 3],
      ['completed', 1],
      ['entered-in-error', 1],
    ],
  );
  assert.equal(m.active, 3);
  assert.equal(m.overdue, 1);
  // Requested at 10:00 (the created event), responses after 2, 4, 6, 10 days from 09:00 → minus one hour.
  assert.deepEqual(m.daysToResponse, { median: 5, count: 4 });
  // First contacts 2 days after each response: 4, 6, 8 days (r3 had none).
  assert.deepEqual(m.daysToFirstContact, { median: 6, count: 3 });
  assert.equal(m.people, 4);
  assert.deepEqual(m.seenThreeOrMore, { count: 2, of: 4, share: 0.5 });
  assert.deepEqual(m.linkedToResource, { count: 2, of: 4, share: 0.5 });
  assert.equal(m.resourceUptake.count, 1);
  assert.equal(m.resourceUptake.of, 3);
  assert.deepEqual(m.resourceUptake.byMode, { signposted: 3, referred: 0, accompanied: 0 });
  assert.equal(m.goalsAchieved.count, 1);
  assert.equal(m.goalsAchieved.of, 3, 'cancelled goals are left out');
  assert.deepEqual(
    m.reasonsByTheme.map((t) => [t.themeId, t.count]),
    [
      ['adapting-to-diagnosis', 0],
      ['living-well-day-to-day', 1],
      ['facing-challenges-and-crises', 0],
      ['navigating-systems', 4],
      ['dying-well', 4],
    ],
  );
  assert.deepEqual(m.practices, [
    { practiceId: 'practice-1', name: 'Possilpark', listSize: 4000, referrals: 4, per1000: 1, active: 2, overdue: 1 },
    { practiceId: 'practice-3', listSize: 2500, referrals: 0, per1000: 0, active: 0, overdue: 0 },
    { practiceId: 'practice-2', referrals: 1, per1000: null, active: 1, overdue: 0 },
  ]);
  assert.deepEqual(m.caseloadPerClp, [
    { clpId: 'clp-1', active: 2 },
    { clpId: 'clp-2', active: 1 },
  ]);
  assert.equal(m.unassigned, 0);
});

test('caseload metrics of nothing are zeros and nulls, never NaN', () => {
  const m = caseloadMetrics([], { asOf: '2025-02-01' });
  assert.equal(m.total, 0);
  assert.deepEqual(m.daysToResponse, { median: null, count: 0 });
  assert.deepEqual(m.seenThreeOrMore, { count: 0, of: 0, share: null });
  assert.equal(JSON.stringify(m).includes('NaN'), false);
});

test('message back: outcome, goals, resources and contacts, as data and plain text', () => {
  const referral = journey('r1', {
    person: 'pt-1',
    respondDays: 2,
    contacts: 3,
    links: ['attending'],
    goals: ['achieved'],
    finish: true,
  });
  const { data, text } = messageBack(referral);
  assert.equal(data.final, true);
  assert.equal(data.detailsShared, true);
  assert.deepEqual(data.outcome, { code: 'goals-achieved', label: 'Goals achieved', summary: 'Done' });
  assert.deepEqual(data.goals, [{ statement: 'Goal 0', theme: 'Navigating systems', status: 'achieved' }]);
  assert.deepEqual(data.resources, [{ name: 'Resource 0', mode: 'signposted', status: 'attending' }]);
  assert.equal(data.contacts, 3);
  assert.equal(
    text,
    [
      'Community Links Practitioner: message back',
      'Referral r1 for person pt-1 (practice practice-1)',
      'Status: completed on 2025-01-31 (requested 2025-01-06).',
      'Outcome: Goals achieved. Done',
      'Contacts: 3, the first on 2025-01-10.',
      'Goals:',
      '- Goal 0 (Navigating systems): achieved',
      'Community resources:',
      '- Resource 0: signposted, attending',
    ].join('\n'),
  );
});

test('message back withholds details without consent to share the outcome with the GP record', () => {
  const s = script('r9');
  const referral = build([
    s.created({ consent: ['contact'] }),
    s.status('rejected', CLP, { reason: 'Needs are clinical' }),
  ]);
  const { data, text } = messageBack(referral);
  assert.equal(data.detailsShared, false);
  assert.deepEqual([data.goals, data.resources, data.contacts], [[], [], 0]);
  assert.match(text, /^Status: rejected on 2025-01-06/m);
  // A legacy reason (free text only) is read as code "other": its label goes, its words never do.
  assert.match(text, /^Reason: Other reason\.$/m);
  assert.doesNotMatch(text, /Needs are clinical/);
  assert.equal(data.statusReason, undefined);
  assert.deepEqual([data.statusReasonCode, data.statusReasonLabel], ['other', 'Other reason']);
  assert.match(text, /Details withheld: the person has not consented/);
  const interim = messageBack(
    build([script('r8').created(), script('r8', Date.parse('2025-01-07T00:00:00Z')).status('accepted')]),
  );
  assert.equal(interim.data.final, false);
  assert.match(interim.text, /^Community Links Practitioner: interim update/);
  assert.match(interim.text, /Contacts: none\./);
  void REFERRER;
});

test('message back: free text (reason, outcome summary, goals, notes) never goes without consent to share the outcome; the coded reason does', () => {
  for (const consent of [false, true]) {
    const { state } = replay(sentinelEvents(consent));
    assert.equal(state.referrals.length, 3);
    for (const referral of state.referrals) {
      const message = messageBack(referral);
      const everything = JSON.stringify(message);
      if (!consent) assert.doesNotMatch(everything, new RegExp(SENTINEL), `${referral.id} without consent`);
      // Notes, follow-up notes and the route detail never go, with or without consent.
      assert.ok(!message.text.includes(`Note: ${SENTINEL}`));
    }
    const held = messageBack(state.referrals.find((r) => r.id === 'sx-hold')!);
    assert.equal(held.data.statusReasonCode, 'person-unavailable');
    assert.match(held.text, /^Reason: The person is unavailable for now\./m);
    const rejected = messageBack(state.referrals.find((r) => r.id === 'sx-rejected')!);
    assert.match(rejected.text, /^Reason: Not suitable for the Community Links service\./m);
    if (consent) {
      assert.equal(held.data.statusReason, SENTINEL, 'with consent the reason’s words may go');
      assert.match(held.text, new RegExp(`^Reason: The person is unavailable for now\\. ${SENTINEL}$`, 'm'));
    } else {
      assert.equal(held.data.statusReason, undefined);
    }
  }
});
