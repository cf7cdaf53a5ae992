// The HTTP stores of @links-approach/core/service against a real service
// (listening on a loopback port, on PGlite and PostgreSQL): the same answers
// as the memory and IndexedDB stores, and the service's refusals as typed errors.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createNetworkRegister } from '@links-approach/core/network';
import { planMessage, type Plan } from '@links-approach/core/plan';
import { refusalReason, type ReferralEvent } from '@links-approach/core/referral';
import { createMemoryPlanStore } from '@links-approach/core/store';
import {
  createHttpNetworkRegisterStore,
  createHttpPlanStore,
  createHttpReferralStore,
  createServiceClient,
  createServiceStores,
  ServiceError,
  type Change,
  type ChangeFeed,
  type ServiceFetch,
} from '@links-approach/core/service';
import { DEMO_PRACTICES } from './config.js';
import { createdEvent, forEachBackend, laterEvent } from './test-support.js';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Plan;
const plan = (id: string, title: string): Plan =>
  ({ ...SAMPLE, id, practice: DEMO_PRACTICES[0]!, title, revision: 0 }) as Plan;
const event = (fields: Record<string, unknown>) => fields as unknown as ReferralEvent;

/** A feed the test drives by hand, standing in for the service's change feed. */
function manualFeed(): ChangeFeed & { emit(change: Change): void } {
  const listeners = new Set<(change: Change) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(change) {
      for (const listener of listeners) listener(change);
    },
  };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

forEachBackend('HTTP stores (core/service) on the service', ({ service }) => {
  let baseUrl = '';
  before(async () => {
    baseUrl = await service().app.listen({ port: 0, host: '127.0.0.1' });
  });
  const client = (user: string, fetch?: ServiceFetch) =>
    createServiceClient({
      baseUrl,
      getToken: async () => (await service().devAuth!.sign(user))!.token,
      ...(fetch ? { fetch } : {}),
    });

  test('plans: save, load, history, and a stale save is the same conflict as the memory store’s (who saved first, and when)', async () => {
    const plans = createHttpPlanStore(client('pm-ash'));
    const colleague = createHttpPlanStore(client('pm-ash'));
    assert.equal(await plans.get('plan-http'), undefined);
    const first = await plans.save(plan('plan-http', 'First'), { expectedRevision: 0, author: 'ignored' });
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.revision, 1);
    assert.equal(first.value.savedBy, 'pm-ash', 'savedBy is the verified user, not the author the page claims');
    const second = await colleague.save({ ...first.value, title: 'Second' }, { expectedRevision: 1, author: 'pm-ash' });
    assert.ok(second.ok);
    assert.equal((await plans.get('plan-http'))?.title, 'Second');

    const stale = await plans.save({ ...first.value, title: 'Stale' }, { expectedRevision: 1, author: 'pm-ash' });
    assert.equal(stale.ok, false);
    const conflict = !stale.ok ? stale.errors[0]! : undefined;
    assert.equal(conflict?.code, 'conflict');
    if (conflict?.code !== 'conflict') return;
    assert.equal(conflict.currentRevision, 2);
    assert.equal(conflict.expectedRevision, 1);
    assert.equal(conflict.currentSavedBy, 'pm-ash');
    assert.equal(conflict.currentSavedAt, second.value.savedAt);
    assert.equal(conflict.id, 'plan-http');
    assert.equal(conflict.path, 'revision');

    // The memory store's conflict has the same fields.
    const memory = createMemoryPlanStore();
    await memory.save(plan('plan-http', 'First'), { expectedRevision: 0, author: 'a' });
    await memory.save(plan('plan-http', 'Second'), { expectedRevision: 1, author: 'b' });
    const memoryStale = await memory.save(plan('plan-http', 'Stale'), { expectedRevision: 1, author: 'c' });
    assert.deepEqual(Object.keys(!memoryStale.ok ? memoryStale.errors[0]! : {}).sort(), Object.keys(conflict).sort());

    const history = await plans.history('plan-http');
    assert.deepEqual(
      history.map((p) => [p.revision, p.title]),
      [
        [1, 'First'],
        [2, 'Second'],
      ],
    );
    assert.deepEqual(
      (await plans.list()).map((p) => p.id),
      ['plan-http'],
    );
    assert.deepEqual(await plans.history('no-such-plan'), []);
  });

  test('plans: an invalid plan is refused with paths in the plan; a role that may not save plans is forbidden; another practice sees nothing', async () => {
    const plans = createHttpPlanStore(client('pm-ash'));
    const saved = await plans.save(plan('plan-rules', 'Rules'), { expectedRevision: 0, author: 'pm' });
    assert.ok(saved.ok);
    const invalid = await plans.save({ ...saved.value, status: 'sideways' } as unknown as Plan, {
      expectedRevision: 1,
      author: 'pm',
    });
    assert.ok(
      !invalid.ok && invalid.errors.some((e) => e.code === 'invalid' && e.path === 'status'),
      JSON.stringify(invalid),
    );

    const byClp = await createHttpPlanStore(client('clp-ash')).save(saved.value, {
      expectedRevision: 1,
      author: 'clp',
    });
    assert.ok(!byClp.ok);
    assert.equal(byClp.errors[0]!.code, 'forbidden');
    assert.match(byClp.errors[0]!.message, /practice-manager|practice manager|may not|not allowed/i);

    assert.equal(await createHttpPlanStore(client('gp-birch')).get('plan-rules'), undefined);
    assert.ok((await createHttpPlanStore(client('clp-ash')).get('plan-rules'))?.revision === 1, 'a CLP reads the plan');
  });

  test('the network register: saved per practice, with the same revision rules', async () => {
    const registers = createHttpNetworkRegisterStore(client('clp-ash'));
    const document = createNetworkRegister('practice-ash');
    const stamp = { id: 'practice-ash', practiceId: 'practice-ash', revision: 0, savedAt: '', savedBy: '', document };
    const saved = await registers.save(stamp, { expectedRevision: 0, author: 'clp' });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.revision, 1);
    const stale = await registers.save(stamp, { expectedRevision: 0, author: 'clp' });
    assert.ok(!stale.ok && stale.errors[0]!.code === 'conflict' && stale.errors[0]!.currentRevision === 1);
    const wrong = await registers.save(
      { ...stamp, document: createNetworkRegister('practice-birch') },
      { expectedRevision: 1, author: 'clp' },
    );
    assert.ok(
      !wrong.ok && wrong.errors[0]!.code === 'invalid' && wrong.errors[0]!.path.startsWith('document'),
      JSON.stringify(wrong),
    );
    assert.equal((await registers.history('practice-ash')).length, 1);
    assert.deepEqual(
      (await createHttpNetworkRegisterStore(client('gp-ash')).list()).map((d) => d.id),
      ['practice-ash'],
    );
  });

  test('referrals: an append retried with its idempotency key is written once and answers the same', async () => {
    const store = createHttpReferralStore(client('gp-ash'));
    const told: number[] = [];
    const stop = store.subscribe((change) => told.push(change.version));
    const created = event(createdEvent('ref-http-1', 'practice-ash'));
    const first = await store.append(created, { expectedVersion: 0, idempotencyKey: 'http-1-create' });
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.version, 1);
    assert.equal(first.value.referral.status, 'requested');
    assert.equal(first.value.referral.practiceId, 'practice-ash');
    const retry = await store.append(created, { expectedVersion: 0, idempotencyKey: 'http-1-create' });
    assert.ok(retry.ok, 'a retry of an accepted append is accepted again');
    assert.equal(retry.value.version, 1);
    const stored = await store.get('ref-http-1');
    assert.equal(stored?.events.length, 1, 'written once');
    assert.equal(stored?.events[0]!.actor.id, 'gp-ash', 'the actor is the signed-in user');
    assert.deepEqual(told, [1], 'listeners are told once per version');
    stop();

    const reused = await store.append(event({ ...created, urgency: 'urgent' }), {
      expectedVersion: 0,
      idempotencyKey: 'http-1-create',
    });
    assert.ok(!reused.ok && reused.errors[0]!.code === 'invalid' && reused.errors[0]!.path === 'idempotencyKey');

    const clp = createHttpReferralStore(client('clp-ash'));
    const accepted = await clp.append(event(laterEvent('ref-http-1', { type: 'status-changed', to: 'accepted' })), {
      expectedVersion: 1,
      idempotencyKey: 'http-1-accept',
    });
    assert.ok(accepted.ok, JSON.stringify(accepted));
    const list = await clp.list({ practice: 'practice-ash', status: 'accepted' });
    assert.deepEqual(
      list.map((r) => [r.id, r.version, r.status]),
      [['ref-http-1', 2, 'accepted']],
    );
  });

  test('referrals: a stale version is a conflict with the current version, and nothing is written', async () => {
    const gp = createHttpReferralStore(client('gp-ash'));
    assert.ok(
      (
        await gp.append(event(createdEvent('ref-http-2', 'practice-ash')), {
          expectedVersion: 0,
          idempotencyKey: 'http-2-create',
        })
      ).ok,
    );
    const clp = createHttpReferralStore(client('clp-ash'));
    const stale = await clp.append(event(laterEvent('ref-http-2', { type: 'status-changed', to: 'accepted' })), {
      expectedVersion: 0,
      idempotencyKey: 'http-2-accept',
    });
    assert.ok(!stale.ok);
    const error = stale.errors[0]!;
    assert.equal(error.code, 'conflict');
    assert.equal(error.code === 'conflict' ? error.currentVersion : -1, 1);
    assert.equal((await gp.get('ref-http-2'))?.referral.version, 1);
  });

  test("referrals: an event core's workflow refuses is `refused` with core's code and reason", async () => {
    const gp = createHttpReferralStore(client('gp-ash'));
    assert.ok(
      (
        await gp.append(event(createdEvent('ref-http-3', 'practice-ash')), {
          expectedVersion: 0,
          idempotencyKey: 'http-3-create',
        })
      ).ok,
    );
    const refused = await gp.append(event(laterEvent('ref-http-3', { type: 'status-changed', to: 'accepted' })), {
      expectedVersion: 1,
      idempotencyKey: 'http-3-accept',
    });
    assert.ok(!refused.ok);
    const error = refused.errors[0]!;
    assert.equal(error.code, 'refused');
    if (error.code !== 'refused') return;
    assert.equal(error.refusal, 'role-not-allowed');
    assert.match(error.message, /referrer|Community Links Practitioner|CLP/i);
    // The refusal's parameters come through unchanged, so an element renders the reason in its page's language.
    assert.ok(error.params, JSON.stringify(error));
    assert.equal(refusalReason(error.refusal, error.params as never), error.message);
  });

  test('plans: a plan rule the service refuses keeps its message code and parameters through the HTTP store', async () => {
    const plans = createHttpPlanStore(client('pm-ash'));
    const saved = await plans.save(plan('plan-coded', 'Coded'), { expectedRevision: 0, author: 'pm' });
    assert.ok(saved.ok, JSON.stringify(saved));
    const capacityId = Object.keys(saved.value.capacities).find((id) => saved.value.capacities[id]!.aims.length > 0)!;
    const capacity = saved.value.capacities[capacityId]!;
    const twice = {
      ...saved.value,
      capacities: {
        ...saved.value.capacities,
        [capacityId]: { ...capacity, aims: [...capacity.aims, capacity.aims[0]!] },
      },
    };
    const refused = await plans.save(twice as Plan, { expectedRevision: 1, author: 'pm' });
    assert.ok(!refused.ok);
    const issue = refused.errors.find(
      (e) => e.code === 'invalid' && 'messageCode' in e && e.messageCode === 'plan.duplicate-id',
    );
    assert.ok(issue && issue.code === 'invalid', JSON.stringify(refused.errors));
    assert.equal(planMessage('plan.duplicate-id', issue.params as never), issue.message);
  });

  test('referrals across practices: creating one elsewhere is forbidden; another practice’s referral is not shown', async () => {
    assert.ok(
      (
        await createHttpReferralStore(client('gp-ash')).append(event(createdEvent('ref-http-4', 'practice-ash')), {
          expectedVersion: 0,
          idempotencyKey: 'http-4-create',
        })
      ).ok,
    );
    const birch = createHttpReferralStore(client('gp-birch'));
    const elsewhere = await birch.append(event(createdEvent('ref-http-5', 'practice-ash')), {
      expectedVersion: 0,
      idempotencyKey: 'http-5-create',
    });
    assert.ok(!elsewhere.ok);
    assert.equal(elsewhere.errors[0]!.code, 'forbidden');
    assert.equal(await birch.get('ref-http-4'), undefined);
    assert.ok((await birch.list()).every((r) => r.practiceId === 'practice-birch'));
    await assert.rejects(
      birch.list({ practice: 'practice-ash' }),
      (error: unknown) => error instanceof ServiceError && error.problem.status === 403,
    );
    await assert.rejects(
      createHttpReferralStore(client('evaluator')).list(),
      (error: unknown) => error instanceof ServiceError && error.problem.status === 403,
    );
  });

  test('the token goes only in the Authorization header; URLs carry ids, never a token or a person reference', async () => {
    const seen: { url: string; headers: Readonly<Record<string, string>> }[] = [];
    const token = (await service().devAuth!.sign('gp-ash'))!.token;
    const recording: ServiceFetch = (url, init) => {
      seen.push({ url, headers: init.headers });
      return fetch(url, init as RequestInit);
    };
    const store = createHttpReferralStore(
      createServiceClient({ baseUrl: `${baseUrl}/`, getToken: () => token, fetch: recording }),
    );
    const created = event(createdEvent('ref-http-6', 'practice-ash', { person: 'pt-secret42' }));
    const appended = await store.append(created, { expectedVersion: 0, idempotencyKey: 'http-6-create' });
    assert.ok(appended.ok);
    // The append's answer is the stored summary; the store reads the whole referral back (timeline and all).
    assert.equal(appended.value.referral.state.timeline.length, 1);
    await store.get('ref-http-6');
    await store.list({ practice: 'practice-ash' });
    assert.equal(seen.length, 4, 'POST the event, GET it back whole, GET, list');
    for (const request of seen) {
      assert.equal(request.headers['authorization'], `Bearer ${token}`);
      assert.ok(!request.url.includes(token) && !request.url.includes('pt-secret42'), request.url);
      assert.ok(request.url.startsWith(`${baseUrl}/api/`), request.url);
    }
  });

  test('a service that cannot be reached: saves say unreachable (nothing saved), appends say unreachable (kept by an offline queue), reads throw', async () => {
    const offline = createServiceStores({ baseUrl: `http://127.0.0.1:${await closedPort()}`, getToken: () => 'token' });
    const plans = offline.storeFor<Plan>({ kind: 'links.plan' })!;
    const saved = await plans.save(plan('plan-offline', 'Offline'), { expectedRevision: 0, author: 'pm' });
    assert.ok(!saved.ok && saved.errors[0]!.code === 'unreachable', JSON.stringify(saved));
    assert.match(saved.errors[0]!.message, /could not be reached/);
    const appended = await offline.referrals.append(event(createdEvent('ref-offline', 'practice-ash')), {
      expectedVersion: 0,
      idempotencyKey: 'offline-1',
    });
    assert.ok(!appended.ok && appended.errors[0]!.code === 'unreachable');
    await assert.rejects(
      offline.referrals.list(),
      (error: unknown) => error instanceof ServiceError && error.problem.code === 'unreachable',
    );
    assert.equal(
      offline.storeFor({ kind: 'my-host.notes' }),
      undefined,
      'kinds the service does not keep have no HTTP store',
    );
  });

  test("subscribers hear of other people's saves through the change feed, and of their own once", async () => {
    const feed = manualFeed();
    const stores = createServiceStores({ client: client('pm-ash'), feed });
    const plans = stores.storeFor<Plan>({ kind: 'links.plan' })!;
    const heard: [string, number, boolean][] = [];
    const stop = plans.subscribe((e) => heard.push([e.id, e.revision, e.document !== undefined]));
    const saved = await plans.save(plan('plan-feed', 'Feed'), { expectedRevision: 0, author: 'pm' });
    assert.ok(saved.ok);
    feed.emit({ seq: 1, kind: 'plan', id: 'plan-feed', practiceId: 'practice-ash', version: 1 });
    feed.emit({ seq: 2, kind: 'referral', id: 'ref-x', practiceId: 'practice-ash', version: 1 });
    feed.emit({ seq: 3, kind: 'plan', id: 'plan-feed', practiceId: 'practice-ash', version: 2 });
    assert.deepEqual(heard, [
      ['plan-feed', 1, true],
      ['plan-feed', 2, false],
    ]);
    stop();
    const referralChanges: string[] = [];
    stores.referrals.subscribe((c) => referralChanges.push(`${c.id}@${c.version}`));
    feed.emit({ seq: 4, kind: 'referral', id: 'ref-y', practiceId: 'practice-ash', version: 3 });
    assert.deepEqual(referralChanges, ['ref-y@3']);
  });
});
