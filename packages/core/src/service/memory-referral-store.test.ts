import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReferralEvent } from '../referral/types.js';
import { createMemoryReferralStore } from './memory-referral-store.js';

const GP = { role: 'referrer' as const, id: 'gp-1', practices: ['practice-a'] };
const CLP = { role: 'clp' as const, id: 'clp-1', practices: ['practice-a'] };

const created = (id: string, practiceId = 'practice-a') =>
  ({
    id: `${id}-e1`,
    referralId: id,
    type: 'created',
    at: '2025-03-01T09:00:00Z',
    actor: { ...GP, practices: [practiceId] },
    status: 'requested',
    person: 'pt-1a2b3c',
    practiceId,
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day' }],
    urgency: 'routine',
    consent: ['contact'],
  }) as unknown as ReferralEvent;

const accept = (id: string, actor: unknown = CLP, n = 2) =>
  ({ id: `${id}-e${n}`, referralId: id, type: 'status-changed', at: '2025-03-02T09:00:00Z', actor, to: 'accepted' }) as unknown as ReferralEvent;

test('the memory referral store decides like the service: versions, idempotency keys, core refusals', async () => {
  const store = createMemoryReferralStore();
  const heard: string[] = [];
  store.subscribe((c) => heard.push(`${c.id}@${c.version}`));
  const first = await store.append(created('r1'), { expectedVersion: 0, idempotencyKey: 'k1' });
  assert.ok(first.ok);
  assert.equal(first.value.version, 1);
  const again = await store.append(created('r1'), { expectedVersion: 0, idempotencyKey: 'k1' });
  assert.deepEqual(again, first, 'a retried key answers the first answer');
  assert.equal((await store.get('r1'))?.events.length, 1, 'and writes nothing');
  const reused = await store.append(accept('r1'), { expectedVersion: 1, idempotencyKey: 'k1' });
  assert.ok(!reused.ok && reused.errors[0]!.code === 'invalid' && reused.errors[0]!.path === 'idempotencyKey');

  const stale = await store.append(accept('r1'), { expectedVersion: 0, idempotencyKey: 'k2' });
  assert.ok(!stale.ok && stale.errors[0]!.code === 'conflict' && stale.errors[0]!.currentVersion === 1);

  const refused = await store.append(accept('r1', GP), { expectedVersion: 1, idempotencyKey: 'k3' });
  assert.ok(!refused.ok);
  const error = refused.errors[0]!;
  assert.equal(error.code, 'refused');
  assert.equal(error.code === 'refused' ? error.refusal : '', 'role-not-allowed');

  const accepted = await store.append(accept('r1'), { expectedVersion: 1, idempotencyKey: 'k4' });
  assert.ok(accepted.ok);
  assert.equal(accepted.value.referral.status, 'accepted');
  assert.deepEqual(heard, ['r1@1', 'r1@2']);
});

test('the memory referral store lists by practice and status, and sets the signed-in actor when given one', async () => {
  const store = createMemoryReferralStore({ events: [created('r1'), created('r2', 'practice-b')], actor: CLP });
  assert.deepEqual((await store.list()).map((r) => r.id), ['r1', 'r2']);
  assert.deepEqual((await store.list({ practice: 'practice-b' })).map((r) => r.id), ['r2']);
  // The event claims the GP, but the store's actor is the CLP, who may accept.
  assert.ok((await store.append(accept('r1', GP), { expectedVersion: 1, idempotencyKey: 'a' })).ok);
  assert.deepEqual((await store.list({ status: 'accepted' })).map((r) => r.id), ['r1']);
  assert.equal((await store.get('r1'))?.events[1]!.actor.id, 'clp-1');
  assert.equal(await store.get('nope'), undefined);
});
