import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  caseloadMetrics,
  checkReferralState,
  findDuplicates,
  followUpsDue,
  generateDemoReferrals,
  parseReferralEvents,
  REFERRAL_STATUSES,
  replay,
} from '../test-all.js';

const AS_OF = '2025-03-31T17:00:00Z';
const options = { practices: [{ id: 'practice-1', listSize: 5200 }, 'practice-2'], seed: 42, asOf: AS_OF };

test('the demo generator is deterministic and never uses Math.random', () => {
  const original = Math.random;
  Math.random = () => {
    throw new Error('Math.random used');
  };
  try {
    const a = generateDemoReferrals(options);
    const b = generateDemoReferrals(options);
    assert.deepEqual(a, b);
    assert.notDeepEqual(generateDemoReferrals({ ...options, seed: 43 }).events, a.events);
  } finally {
    Math.random = original;
  }
});

test('demo events are valid, accepted by the workflow, in time order, none after asOf, and cover every status', () => {
  const doc = generateDemoReferrals(options);
  assert.equal(doc.kind, 'links.referral-events');
  const parsed = parseReferralEvents(JSON.stringify(doc));
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors.slice(0, 3)));
  const result = replay(parsed.value);
  assert.deepEqual(result.rejected, []);
  const times = doc.events.map((e) => Date.parse(e.at));
  assert.ok(
    times.every((t, i) => i === 0 || t >= times[i - 1]!),
    'one log in time order',
  );
  assert.ok(times.every((t) => t <= Date.parse(AS_OF)));
  const referrals = result.state.referrals;
  assert.equal(referrals.length >= 78 + 40, true, 'about 1.5% of the list size, and 40 for a practice without one');
  for (const status of REFERRAL_STATUSES) {
    assert.ok(
      referrals.some((r) => r.status === status),
      `some referral is ${status}`,
    );
  }
  const tiny = replay(generateDemoReferrals({ ...options, practices: ['practice-x'], referralsPerPractice: 10 }).events)
    .state.referrals;
  assert.deepEqual(
    new Set(tiny.map((r) => r.status)),
    new Set(REFERRAL_STATUSES),
    'ten referrals are enough to cover the ten statuses',
  );
  for (const referral of referrals) assert.deepEqual(checkReferralState(referral), [], referral.id);
  assert.ok(
    referrals.some((r) => r.previousReferralId !== undefined),
    'some re-referrals',
  );
  assert.ok(
    referrals.every((r) => /^pt-\d+-[0-9a-z]+$/.test(r.person)),
    'pseudonymous people',
  );
  const metrics = caseloadMetrics(referrals, { asOf: AS_OF });
  assert.ok(metrics.overdue > 0, 'some requests are overdue');
  assert.ok(
    metrics.seenThreeOrMore.share! > 0.2 && metrics.seenThreeOrMore.share! < 0.7,
    `seen 3+: ${metrics.seenThreeOrMore.share}`,
  );
  assert.ok(followUpsDue(referrals, { asOf: AS_OF, withinDays: 14 }).length > 0, 'some follow-ups are due');
  const many = generateDemoReferrals({
    ...options,
    practices: ['p-a', 'p-b', 'p-c', 'p-d'],
    referralsPerPractice: 150,
  });
  assert.ok(
    findDuplicates(replay(many.events, { trusted: true }).state.referrals).length > 0,
    'some people have two open referrals',
  );
});
