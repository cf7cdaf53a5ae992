import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { replay, generateDemoReferrals, type ReferralState } from '@links-approach/core/referral';
import { SpillStore } from './spill-store.js';

function finishedStates(): ReferralState[] {
  const doc = generateDemoReferrals({
    practices: [{ id: 'p-1', listSize: 5000 }],
    seed: 3,
    asOf: '2025-03-31T12:00:00Z',
    referralsPerPractice: 12,
  });
  return replay(doc.events, { trusted: true }).state.referrals.map((r) => ({ ...r, timeline: [] }));
}

const plain = (r: ReferralState) => JSON.parse(JSON.stringify(r)) as unknown;

test('the spill store gives back each referral as it was last put, from memory or from its file, and deletes the file on close', () => {
  const states = finishedStates();
  assert.ok(states.length > 6);
  // Two held in memory: the others go to the file, and some come back from it while more are written.
  const store = new SpillStore(2);
  states.forEach((r, seq) => store.put(seq, r, seq + 1, `\n${r.id}-e1\n`));
  assert.deepEqual(plain(store.get(0).referral), plain(states[0]!));
  // Put again after being written: the newer one wins, from memory and then from the file.
  const changed = { ...states[1]!, status: 'entered-in-error' as const };
  store.put(1, changed, 9, '\nx\n');
  assert.equal(store.get(1).referral.status, 'entered-in-error');
  for (let seq = 2; seq < states.length; seq++) store.put(seq, states[seq]!, seq + 1, `\n${states[seq]!.id}-e1\n`);
  const back = store.get(1);
  assert.equal(back.referral.status, 'entered-in-error');
  assert.equal(back.events, 9);
  assert.equal(back.ids, '\nx\n');
  states.forEach((r, seq) => {
    if (seq === 1) return;
    const got = store.get(seq);
    assert.deepEqual(plain(got.referral), plain(r));
    assert.deepEqual(Object.keys(got.referral), Object.keys(r), 'keys in the order they were put');
    assert.equal(got.events, seq + 1);
  });
  assert.throws(() => store.get(states.length), /no released referral/);
  const dir = (store as unknown as { dir: string }).dir;
  assert.ok(existsSync(dir));
  store.close();
  assert.ok(!existsSync(dir));
});
