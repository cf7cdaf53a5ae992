import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStore, prepareSave, STORE_MESSAGES_EN, storeMessage } from '../store/index.js';
import { createServiceClient, problemMessage, type ServiceFetch } from '../service/index.js';
import { createHttpPlanStore } from '../service/http-document-store.js';
import { MATURITY_MESSAGES_EN, scorePlan } from '../maturity/index.js';
import { renderWith } from './types.js';
import { parsePlanDocument, PLAN_DOCUMENT_MESSAGES_EN } from '../plan/index.js';
import { payloadCodec } from '../store/payload-codec.js';

/** Every coded reason and message renders back to the English beside it, word for word. */
function assertRendersBack(
  map: Parameters<typeof renderWith>[0],
  item: { message?: string; reason?: string; messageCode?: string; params?: object },
): void {
  assert.ok(item.messageCode, `no code beside "${item.message ?? item.reason}"`);
  assert.equal(renderWith(map, item.messageCode!, item.params as never), item.message ?? item.reason);
}

const codec = payloadCodec('test.doc', 'payload', (payload) => ({ ok: true, value: payload }));
const doc = (id: string) => ({ id, revision: 0, savedAt: '', savedBy: '', payload: {} });

test('a store conflict names who saved the newer revision, as a code with parameters and in the same English', async () => {
  const store = createMemoryStore(codec as never, { now: () => new Date('2025-03-01T10:00:00Z') });
  await store.save(doc('d-1') as never, { expectedRevision: 0, author: 'pm-ash' });
  const stale = await store.save(doc('d-1') as never, { expectedRevision: 0, author: 'clp-kim' });
  assert.equal(stale.ok, false);
  const error = !stale.ok ? stale.errors[0]! : undefined;
  assert.equal(
    error?.message,
    'expected revision 0, but revision 1 is stored (saved by pm-ash at 2025-03-01T10:00:00.000Z): someone else saved a newer version',
  );
  assert.equal(error?.messageCode, 'store.newer-revision');
  assert.deepEqual(error?.params, { expected: 0, current: 1, savedBy: 'pm-ash', savedAt: '2025-03-01T10:00:00.000Z' });
  assertRendersBack(STORE_MESSAGES_EN, error!);

  const nothing = prepareSave(
    codec as never,
    undefined,
    doc('d-2') as never,
    { expectedRevision: 3, author: 'a' },
    new Date(),
  );
  assert.equal(!nothing.ok && nothing.errors[0]!.message, 'expected revision 3, but nothing is stored under this id');
  assertRendersBack(STORE_MESSAGES_EN, !nothing.ok ? nothing.errors[0]! : {});
  const bad = prepareSave(
    codec as never,
    undefined,
    doc('d-2') as never,
    { expectedRevision: -1, author: 'a' },
    new Date(),
  );
  assert.equal(!bad.ok && bad.errors[0]!.messageCode, 'store.expected-revision');
});

test('the service client and the HTTP stores give their own messages as codes: not reached, timed out, refused by status', async () => {
  const offline: ServiceFetch = () => Promise.reject(new TypeError('Failed to fetch'));
  const client = createServiceClient({ baseUrl: 'http://127.0.0.1:9', fetch: offline });
  const answer = await client.request({ path: '/plans/p-1' });
  assert.equal(answer.ok, false);
  const problem = !answer.ok ? answer.problem : undefined;
  assert.equal(problem?.message, 'The Links service could not be reached (no connection?).');
  assert.deepEqual(problemMessage(problem!), {
    message: 'The Links service could not be reached (no connection?).',
    messageCode: 'service.unreachable',
    params: {},
  });

  // A 403 with no body: core's own words for the status, with their code, reach the store's error.
  const forbidden: ServiceFetch = async () => ({
    status: 403,
    headers: { get: () => null },
    text: async () => '',
  });
  const store = createHttpPlanStore(createServiceClient({ baseUrl: 'http://127.0.0.1:9', fetch: forbidden }));
  const saved = await store.save({ id: 'p-1' } as never, { expectedRevision: 0, author: 'x' });
  const error = !saved.ok ? saved.errors[0]! : undefined;
  assert.equal(error?.code, 'forbidden');
  assert.equal(error?.message, 'Your role may not do this.');
  assert.equal(error?.messageCode, 'service.forbidden');

  // A message the service wrote itself is passed on as it came, with the code the service gave (here none).
  const said: ServiceFetch = async () => ({
    status: 403,
    headers: { get: () => null },
    text: async () =>
      JSON.stringify({ errors: [{ path: '', code: 'forbidden', message: 'Only a practice manager may.' }] }),
  });
  const store2 = createHttpPlanStore(createServiceClient({ baseUrl: 'http://127.0.0.1:9', fetch: said }));
  const saved2 = await store2.save({ id: 'p-1' } as never, { expectedRevision: 0, author: 'x' });
  const error2 = !saved2.ok ? saved2.errors[0]! : undefined;
  assert.equal(error2?.message, 'Only a practice manager may.');
  assert.equal(error2?.messageCode, undefined);

  assert.equal(
    storeMessage('service.timeout', { seconds: 30 }).message,
    'The Links service did not answer within 30 seconds.',
  );
  assert.equal(
    storeMessage('service.refused', { status: 418 }).message,
    'The Links service refused the request (HTTP 418).',
  );
});

test('every maturity reason the scorer gives comes with a code that renders it word for word', () => {
  const plan = {
    capacities: {
      'team-wellbeing': {
        owner: { role: 'Practice manager', name: 'Ash' },
        team: ['Ash', 'Kim'],
        aims: [
          { id: 'aim-1', statement: 'Fewer DNAs', measureId: 'm-1', target: 5, targetDate: '2025-12-01', unit: '%' },
        ],
        measures: [
          {
            id: 'm-1',
            name: 'DNA rate',
            unit: '%',
            direction: 'decrease',
            points: [
              { date: '2025-01-01', value: 12 },
              { date: '2025-02-01', value: 11 },
              { date: '2025-03-01', value: 13 },
            ],
          },
        ],
        changeIdeas: [
          {
            id: 'ci-1',
            title: 'Text reminders',
            cycles: [{ id: 'c-1', startDate: '2025-02-15', study: 'Fewer missed', completedDate: '2025-03-15' }],
          },
        ],
        evidence: [],
      },
    },
  };
  const score = scorePlan(plan as never, { asOf: '2025-04-01' });
  let seen = 0;
  const codes = new Set<string>();
  for (const capacity of score.capacities) {
    for (const c of capacity.criteria) {
      assertRendersBack(MATURITY_MESSAGES_EN, c);
      codes.add(c.messageCode!);
      seen++;
    }
    if (capacity.nextStep) assertRendersBack(MATURITY_MESSAGES_EN, capacity.nextStep);
  }
  assert.ok(seen > 20);
  assert.ok(codes.has('maturity.owned-by') && codes.has('maturity.nothing-for-capacity'));
  const owner = score.capacities
    .find((c) => c.capacityId === 'team-wellbeing')!
    .criteria.find((c) => c.id === 'owner-named')!;
  assert.equal(owner.reason, 'Owned by Ash (Practice manager).');
  assert.deepEqual(owner.params, { role: 'Practice manager', name: 'Ash' });
});

test('the plan document envelope and version messages come with codes that render them word for word', () => {
  const inputs: unknown[] = [
    [1, 2],
    { schemaVersion: 2 },
    { kind: 'links.other', schemaVersion: 2 },
    { kind: 'links.plan' },
    { kind: 'links.plan', schemaVersion: '2' },
    { kind: 'links.plan', schemaVersion: 9 },
    { kind: 'links.plan', schemaVersion: 0 },
  ];
  const codes: string[] = [];
  for (const input of inputs) {
    const result = parsePlanDocument(input);
    assert.equal(result.ok, false);
    const error = !result.ok ? result.errors[0]! : undefined;
    assertRendersBack(PLAN_DOCUMENT_MESSAGES_EN, error!);
    codes.push(error!.messageCode!);
  }
  assert.deepEqual(codes, [
    'plan-document.not-a-document',
    'plan-document.kind-required',
    'plan-document.wrong-kind',
    'plan-document.version-required',
    'plan-document.version-not-whole',
    'plan-document.version-newer',
    'plan-document.version-unknown',
  ]);
  const unknown = parsePlanDocument({ kind: 'links.plan', schemaVersion: 0 });
  assert.equal(
    !unknown.ok && unknown.errors[0]!.message,
    'schemaVersion 0 is not a version of the plan format (1 and 2 are)',
  );
});
