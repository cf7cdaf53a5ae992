import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  caseloadMetrics,
  CaseloadTally,
  CohortReferralTally,
  findDuplicates,
  generateDemoReferrals,
  ReferralFold,
  referralFiguresByCohort,
  replay,
  type ReferralEvent,
  type ReferralState,
} from '../test-all.js';

const AS_OF = '2025-03-31T17:00:00Z';
const PRACTICES = Array.from({ length: 6 }, (_, i) => ({
  id: `practice-${i + 1}`,
  name: `Practice ${i + 1}`,
  listSize: 3000 + i * 1000,
  cohort: (i % 2 === 0 ? 'programme' : 'comparison') as 'programme' | 'comparison',
}));

/** Demo events plus the awkward cases a stream meets: re-delivered events, late entries in error, content on finished referrals. */
function awkwardEvents(): ReferralEvent[] {
  const events = generateDemoReferrals({
    practices: PRACTICES.map((p) => ({ id: p.id, listSize: p.listSize })),
    seed: 7,
    asOf: AS_OF,
  }).events;
  const finished = replay(events, { trusted: true }).state.referrals.filter((r) =>
    ['completed', 'failed', 'rejected', 'cancelled'].includes(r.status),
  );
  const extra: ReferralEvent[] = [];
  const late = '2025-04-01T09:00:00.000Z';
  finished.slice(0, 25).forEach((r, i) => {
    const first = r.timeline[0]!;
    const last = r.timeline[r.timeline.length - 1]!;
    extra.push({ ...last }); // delivered twice: duplicate-event-id
    if (i % 3 === 0)
      extra.push({
        id: `${r.id}-eie`,
        referralId: r.id,
        type: 'status-changed',
        at: late,
        actor: { role: 'practice-manager', id: 'pm-1' },
        to: 'entered-in-error',
        reason: 'Wrong person',
      } as ReferralEvent);
    if (i % 3 === 1)
      extra.push({
        id: `${r.id}-note`,
        referralId: r.id,
        type: 'note-added',
        at: late,
        actor: { role: 'clp', id: 'clp-x' },
        text: 'Too late',
      } as ReferralEvent);
    if (i % 3 === 2) extra.push({ ...first, id: `${r.id}-again` }); // created again: referral-exists
  });
  // Re-referral of a finished referral, and one of an open referral (refused).
  const open = replay(events, { trusted: true }).state.referrals.find((r) => r.status === 'in-progress')!;
  const created = finished[30]!.timeline[0]!;
  extra.push({
    ...created,
    id: 'rr-1-e1',
    referralId: 'rr-1',
    previousReferralId: finished[30]!.id,
    at: late,
  } as ReferralEvent);
  extra.push({
    ...created,
    id: 'rr-2-e1',
    referralId: 'rr-2',
    previousReferralId: open.id,
    person: open.person,
    at: late,
  } as ReferralEvent);
  return [...events, ...extra];
}

function strip(r: ReferralState): unknown {
  const { timeline: _t, ...rest } = r;
  return JSON.parse(JSON.stringify(rest));
}

test('the incremental fold gives the same states, refusals, caseload figures, duplicates and cohort figures as the in-memory path', () => {
  const events = awkwardEvents();
  const memory = replay(events, { trusted: true });
  const all = memory.state.referrals;
  const asOf = '2025-04-01T09:00:00.000Z';

  const caseload = new CaseloadTally();
  const cohorts = new CohortReferralTally(PRACTICES);
  const fold = new ReferralFold({ observers: [caseload, cohorts] });
  for (const event of events) fold.push(event);
  caseload.setAsOf({ asOf });
  cohorts.setAsOf({ asOf });
  const { held } = fold.finish();

  assert.equal(fold.applied, memory.applied);
  assert.deepEqual(
    fold.rejected.map((r) => [r.index, r.code, r.reason]),
    memory.rejected.map((r) => [r.index, r.code, r.reason]),
  );
  assert.ok(
    memory.rejected.some((r) => r.code === 'duplicate-event-id'),
    'the awkward events include duplicates',
  );
  assert.ok(
    all.some((r) => r.status === 'entered-in-error' && r.timeline.length > 2),
    'a finished referral was later entered in error',
  );

  // Released referrals come back from the store; held ones from finish(); together they are replay's states, in order.
  const store = (fold as unknown as { store: { get(seq: number): { referral: ReferralState; events: number } } }).store;
  const heldBySeq = new Map(held.map((h) => [h.seq, h]));
  const states = all.map((_, seq) => heldBySeq.get(seq) ?? store.get(seq));
  assert.deepEqual(
    states.map((s) => strip(s.referral)),
    all.map(strip),
  );
  assert.deepEqual(
    states.map((s) => s.events),
    all.map((r) => r.timeline.length),
  );
  assert.ok(held.length < all.length / 2, 'finished referrals were released');

  assert.deepEqual(caseload.result(), caseloadMetrics(all, { asOf }));
  assert.deepEqual(
    findDuplicates(held.map((h) => h.referral)).map((g) => [g.person, g.referrals.map((r) => r.id)]),
    findDuplicates(all).map((g) => [g.person, g.referrals.map((r) => r.id)]),
  );
  assert.deepEqual(cohorts.result(), referralFiguresByCohort(PRACTICES, all, { asOf }));
});

test('a caseload tally seeded with practices and given a response window matches caseloadMetrics', () => {
  const events = awkwardEvents();
  const all = replay(events, { trusted: true }).state.referrals;
  const options = { asOf: '2025-03-20T00:00:00Z', responseWindowDays: 3, practices: PRACTICES.slice(2) };
  const tally = new CaseloadTally(options);
  all.forEach((r, i) => tally.add(r, i, 1));
  // Taking a referral out and putting it back changes nothing.
  tally.add(all[5]!, 5, -1);
  tally.add(all[5]!, 5, 1);
  assert.deepEqual(tally.result(), caseloadMetrics(all, options));
});

test('the fold’s latest time is the latest instant, whatever the offsets the times are written with', () => {
  const events = JSON.parse(
    JSON.stringify(
      generateDemoReferrals({
        practices: [{ id: 'practice-1', listSize: 6000 }],
        seed: 3,
        asOf: '2025-03-31T12:00:00Z',
        referralsPerPractice: 12,
      }).events,
    ),
  ) as ReferralEvent[];
  const max = (list: readonly ReferralEvent[]) => list.reduce((m, e) => Math.max(m, Date.parse(e.at)), -Infinity);
  // The same instants written three ways: UTC, UTC with milliseconds, and an hour ahead of UTC.
  const plusOne = (at: string) => `${new Date(Date.parse(at) + 3_600_000).toISOString().slice(0, 19)}+01:00`;
  const variants = [
    events,
    events.map((e, i) => ({ ...e, at: i % 2 ? e.at : e.at.replace(/(\.\d+)?Z$/, 'Z') })),
    events.map((e, i) => ({ ...e, at: i % 3 === 0 ? plusOne(e.at) : e.at })),
    events.map((e) => ({ ...e, at: plusOne(e.at) })),
  ];
  for (const list of variants) {
    const fold = new ReferralFold({ onRejected: () => {} });
    assert.equal(fold.latest, -Infinity);
    for (const event of list) fold.push(event);
    assert.equal(fold.latest, max(list));
  }
  const fold = new ReferralFold({ onRejected: () => {} });
  fold.push({ ...events[0]!, at: '2025-01-01T10:00:00Z' });
  fold.push({ ...events[1]!, at: '2025-01-01T10:30:00+01:00' });
  assert.equal(fold.latest, Date.parse('2025-01-01T10:00:00Z'), 'an earlier instant written later in text order');
});
