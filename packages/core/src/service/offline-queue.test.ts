import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createMemoryQueueStorage,
  createMemoryReferralStore,
  createQueuedReferralStore,
  type AppendError,
  type AppendOptions,
  type Appended,
  type QueuedEvent,
  type ReferralStore,
} from './index.js';
import type { ReferralEvent } from '../referral/types.js';
import type { Result } from '../validation/result.js';
import { CLP, eventsTo, MANAGER } from '../referral/fixtures.test.js';

/** A connection the test turns on and off, and that can lose answers after the service wrote. */
interface Line {
  /** Calls fail before reaching the service (nothing written). */
  down: boolean;
  /** The next appends reach the service, are written, and their answers are lost. */
  loseAnswers: number;
  /** Every append that reached the service: its idempotency key and event id. */
  readonly reached: { key: string; eventId: string; written: boolean }[];
}

function unreliable(inner: ReferralStore, line: Line): ReferralStore {
  const offline: Result<Appended, AppendError> = {
    ok: false,
    errors: [{ code: 'unreachable', path: '', message: 'The service could not be reached.' }],
  };
  return {
    async list(query) {
      if (line.down) throw new TypeError('Failed to fetch');
      return inner.list(query);
    },
    async get(id) {
      if (line.down) throw new TypeError('Failed to fetch');
      return inner.get(id);
    },
    async append(event: ReferralEvent, options: AppendOptions) {
      if (line.down) return offline;
      const version = async () => (await inner.get(event.referralId))?.referral.version ?? 0;
      const before = await version();
      const result = await inner.append(event, options);
      line.reached.push({ key: options.idempotencyKey, eventId: event.id, written: (await version()) > before });
      if (line.loseAnswers > 0) {
        line.loseAnswers--;
        throw new TypeError('network connection was lost');
      }
      return result;
    },
    subscribe: (listener) => inner.subscribe(listener),
  };
}

const at = (minute: number) => new Date(Date.parse('2025-02-01T09:00:00Z') + minute * 60_000).toISOString();
let ids = 0;
const note = (referralId: string, minute: number, actor: ReferralEvent['actor'] = CLP): ReferralEvent =>
  ({ id: `n${++ids}`, referralId, type: 'note-added', at: at(minute), actor, text: `note ${ids}` }) as ReferralEvent;
const contact = (referralId: string, minute: number): ReferralEvent =>
  ({
    id: `c${++ids}`,
    referralId,
    type: 'contact-recorded',
    at: at(minute),
    actor: CLP,
    setting: 'home',
    durationMinutes: 30,
  }) as ReferralEvent;
const onHold = (referralId: string, minute: number): ReferralEvent =>
  ({
    id: `h${++ids}`,
    referralId,
    type: 'status-changed',
    at: at(minute),
    actor: CLP,
    to: 'on-hold',
    reason: 'In hospital',
  }) as ReferralEvent;

async function setUp(referrals = ['ref-1']) {
  const service = createMemoryReferralStore();
  for (const id of referrals) {
    const seeded = await service.seed(eventsTo('in-progress', id));
    assert.ok(seeded.ok);
  }
  const line: Line = { down: false, loseAnswers: 0, reached: [] };
  const storage = createMemoryQueueStorage();
  const store = createQueuedReferralStore(unreliable(service, line), storage, {
    now: () => new Date('2025-02-01T12:00:00Z'),
    flushOnReconnect: false,
  });
  for (const id of referrals) await store.get(id); // the CLP opened them while online
  return { service, line, storage, store };
}

async function record(store: ReferralStore, event: ReferralEvent, key = `k-${event.id}`) {
  const current = await store.get(event.referralId);
  return store.append(event, { expectedVersion: current?.referral.version ?? 0, idempotencyKey: key });
}

const streamIds = async (store: ReferralStore, id: string) => (await store.get(id))!.events.map((e) => e.id);

test('an event recorded offline is kept with its key, shown on the local state, and sent once, in order, when the line returns', async () => {
  const { service, line, store } = await setUp();
  const before = (await service.get('ref-1'))!.referral.version;
  line.down = true;
  const first = await record(store, contact('ref-1', 10));
  const second = await record(store, note('ref-1', 11));
  assert.ok(first.ok && second.ok);
  assert.equal(first.value.queued, true);
  assert.equal(second.value.version, before + 2);
  assert.equal(second.value.referral.state.contacts.length, 1, 'the local state shows the queued contact');
  const pending = await store.pending();
  assert.deepEqual(
    pending.map((e) => [e.key, e.expectedVersion]),
    [
      [`k-${first.value.referral.state.timeline.at(-1)!.id}`, before],
      [`k-${second.value.referral.state.timeline.at(-1)!.id}`, before + 1],
    ],
  );
  assert.equal((await service.get('ref-1'))!.referral.version, before, 'nothing reached the service');
  const shown = await store.get('ref-1');
  assert.equal(shown!.referral.version, before + 2, 'offline, get shows the last fetched state with the queue on it');

  line.down = false;
  const report = await store.flush();
  assert.deepEqual(report, { sent: 2, refused: 0, waiting: 0 });
  const ids = (await service.get('ref-1'))!.events.map((e) => e.id);
  assert.deepEqual(
    ids.slice(-2),
    pending.map((e) => e.event.id),
  );
  assert.deepEqual(
    line.reached.map((r) => r.key),
    pending.map((e) => e.key),
    'sent with their own keys',
  );
  assert.equal((await store.pending()).length, 0);
});

test('an answer lost after the service wrote is retried with the same key and not written twice', async () => {
  const { service, line, store } = await setUp();
  line.loseAnswers = 1;
  const result = await record(store, note('ref-1', 10), 'key-a');
  assert.ok(result.ok && result.value.queued, 'the lost answer leaves the event queued');
  const flushed = await store.flush();
  assert.equal(flushed.sent, 1);
  const events = (await service.get('ref-1'))!.events.filter((e) => e.type === 'note-added');
  assert.equal(events.length, 1);
  assert.deepEqual(
    line.reached.map((r) => r.key),
    ['key-a', 'key-a'],
  );
});

test('when a colleague wrote meanwhile, queued events still allowed are replayed on the new version under a new key', async () => {
  const { service, line, store } = await setUp();
  line.down = true;
  const mine = contact('ref-1', 20);
  assert.ok((await record(store, mine, 'key-mine')).ok);
  // A colleague adds a note (dated earlier than the queued contact) while the CLP is offline.
  const colleague = note('ref-1', 15, MANAGER);
  const version = (await service.get('ref-1'))!.referral.version;
  assert.ok((await service.append(colleague, { expectedVersion: version, idempotencyKey: 'colleague' })).ok);

  line.down = false;
  const report = await store.flush();
  assert.deepEqual(report, { sent: 1, refused: 0, waiting: 0 });
  const ids = await streamIds(service, 'ref-1');
  assert.deepEqual(ids.slice(-2), [colleague.id, mine.id], 'merged after the colleague, once');
  assert.deepEqual(
    line.reached.map((r) => [r.key, r.written]),
    [
      ['key-mine', false],
      ['key-mine~r1', true],
    ],
  );
});

test("a queued event the new state refuses is kept with core's reason until the person discards it", async () => {
  const { service, line, store } = await setUp();
  line.down = true;
  const mine = contact('ref-1', 20);
  const later = note('ref-1', 21);
  assert.ok((await record(store, mine, 'key-contact')).ok);
  assert.ok((await record(store, later, 'key-note')).ok);
  // Meanwhile, on another device, the referral went on hold: contacts are refused, notes are not.
  const version = (await service.get('ref-1'))!.referral.version;
  assert.ok((await service.append(onHold('ref-1', 18), { expectedVersion: version, idempotencyKey: 'hold' })).ok);

  line.down = false;
  const report = await store.flush();
  assert.deepEqual(report, { sent: 1, refused: 1, waiting: 0 });
  const left = await store.pending();
  assert.equal(left.length, 1);
  assert.equal(left[0]!.event.id, mine.id);
  assert.equal(left[0]!.refused?.code, 'not-allowed-in-status');
  assert.match(left[0]!.refused!.reason, /on hold/i);
  assert.ok((await streamIds(service, 'ref-1')).includes(later.id), 'the note still allowed was sent');
  assert.ok(!(await streamIds(service, 'ref-1')).includes(mine.id));

  // A refused event stays through later flushes, and goes only when discarded.
  assert.deepEqual(await store.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.equal((await store.pending()).length, 1);
  assert.equal(await store.discard('key-note'), false, 'an unknown or waiting key is not discarded');
  assert.equal(await store.discard('key-contact'), true);
  assert.equal((await store.pending()).length, 0);
});

test('the queue survives a new store over the same storage (a page reload) and reports status', async () => {
  const { service, line, storage } = await setUp();
  const statuses: { state: string; upToDateAt?: string }[] = [];
  const first = createQueuedReferralStore(unreliable(service, line), storage, {
    flushOnReconnect: false,
    now: () => new Date('2025-02-01T12:00:00Z'),
  });
  first.onStatus((s) => statuses.push(s));
  await first.get('ref-1');
  line.down = true;
  assert.ok((await record(first, note('ref-1', 30), 'key-reload')).ok);
  assert.deepEqual(statuses.at(-1), { state: 'offline', upToDateAt: '2025-02-01T12:00:00.000Z' });
  line.down = false;
  const second = createQueuedReferralStore(unreliable(service, line), storage, { flushOnReconnect: false });
  assert.deepEqual(
    (await second.pending()).map((e) => e.key),
    ['key-reload'],
  );
  assert.equal((await second.flush()).sent, 1);
  assert.deepEqual((await first.pending()).length, 1, 'the first store still holds its stale copy until it reloads');
  assert.equal((await first.flush()).sent, 0, 'and a flush reloads from storage: nothing sent twice');
});

test('the queue sends by itself when a call reaches the service again', async () => {
  const { service, line, storage } = await setUp();
  const store = createQueuedReferralStore(unreliable(service, line), storage);
  await store.get('ref-1');
  line.down = true;
  const event = note('ref-1', 40);
  assert.ok((await record(store, event)).ok);
  line.down = false;
  await store.list({ practice: 'practice-1' });
  await store.flush(); // waits for the flush the reconnection started
  assert.ok((await streamIds(service, 'ref-1')).includes(event.id));
});

// ---- Property: nothing dropped, nothing duplicated, order kept ----

type Op =
  | { kind: 'record'; referral: number; what: 'note' | 'contact' }
  | { kind: 'colleague'; referral: number; what: 'note' | 'hold' }
  | { kind: 'line'; down: boolean; loseAnswers: number }
  | { kind: 'flush' }
  | { kind: 'reload' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('record' as const),
    referral: fc.integer({ min: 0, max: 1 }),
    what: fc.constantFrom('note' as const, 'contact' as const),
  }),
  fc.record({
    kind: fc.constant('colleague' as const),
    referral: fc.integer({ min: 0, max: 1 }),
    what: fc.constantFrom('note' as const, 'hold' as const),
  }),
  fc.record({ kind: fc.constant('line' as const), down: fc.boolean(), loseAnswers: fc.integer({ min: 0, max: 2 }) }),
  fc.constant({ kind: 'flush' as const }),
  fc.constant({ kind: 'reload' as const }),
);

test('property: with an unreliable line and a colleague writing, every accepted event reaches the service once, in order, or is kept refused', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      const referrals = ['p-1', 'p-2'];
      const { service, line, storage } = await setUp(referrals);
      let store = createQueuedReferralStore(unreliable(service, line), storage, { flushOnReconnect: false });
      for (const id of referrals) await store.get(id);
      const recorded: ReferralEvent[] = [];
      let minute = 100;
      for (const op of ops) {
        minute++;
        if (op.kind === 'record') {
          const id = referrals[op.referral]!;
          const event = op.what === 'note' ? note(id, minute) : contact(id, minute);
          const result = await record(store, event);
          if (result.ok) recorded.push(event);
        } else if (op.kind === 'colleague') {
          const id = referrals[op.referral]!;
          const event = op.what === 'note' ? note(id, minute, MANAGER) : onHold(id, minute);
          const version = (await service.get(id))!.referral.version;
          await service.append(event, { expectedVersion: version, idempotencyKey: `colleague-${event.id}` });
        } else if (op.kind === 'line') {
          line.down = op.down;
          line.loseAnswers = op.loseAnswers;
        } else if (op.kind === 'flush') {
          await store.flush();
        } else {
          store = createQueuedReferralStore(unreliable(service, line), storage, { flushOnReconnect: false });
          for (const id of referrals) await store.get(id).catch(() => undefined);
        }
      }
      line.down = false;
      line.loseAnswers = 0;
      for (let i = 0; i < 5 && (await store.pending()).some((e) => !e.refused); i++) await store.flush();
      const left: readonly QueuedEvent[] = await store.pending();
      assert.ok(
        left.every((e) => e.refused),
        'nothing left waiting once the line is good',
      );
      const refused = new Set(left.map((e) => e.event.id));
      for (const id of referrals) {
        const stream = await streamIds(service, id);
        assert.equal(new Set(stream).size, stream.length, 'no event written twice');
        const mine = recorded.filter((e) => e.referralId === id);
        const sent = mine.filter((e) => stream.includes(e.id)).map((e) => e.id);
        assert.deepEqual(
          stream.filter((s) => sent.includes(s)),
          sent,
          'the events sent keep their recording order',
        );
        for (const event of mine) {
          assert.ok(
            stream.includes(event.id) !== refused.has(event.id),
            `event ${event.id} is either in the stream or kept refused, exactly one of the two`,
          );
        }
      }
      // Every key that reached the service wrote at most once.
      const writes = new Map<string, number>();
      for (const r of line.reached) if (r.written) writes.set(r.eventId, (writes.get(r.eventId) ?? 0) + 1);
      for (const [eventId, n] of writes) assert.equal(n, 1, `event ${eventId} written ${n} times`);
    }),
    { numRuns: 150 },
  );
});

test("offline after a list of summaries (a service's caseload), an opened referral keeps its timeline and a waiting event is shown on it", async () => {
  const service = createMemoryReferralStore();
  assert.ok((await service.seed(eventsTo('in-progress', 'ref-1'))).ok);
  const line: Line = { down: false, loseAnswers: 0, reached: [] };
  // A service lists summaries: each referral's state without its timeline and notes.
  const summaries: ReferralStore = {
    ...unreliable(service, line),
    async list(query) {
      if (line.down) throw new TypeError('Failed to fetch');
      return (await service.list(query)).map((r) => {
        const { timeline: _timeline, notes: _notes, ...summary } = r.state;
        return { ...r, state: summary as typeof r.state };
      });
    },
  };
  const store = createQueuedReferralStore(summaries, createMemoryQueueStorage(), {
    now: () => new Date('2025-02-01T12:00:00Z'),
    flushOnReconnect: false,
  });
  const opened = await store.get('ref-1'); // the detail, online: the whole referral
  await store.list(); // then the caseload, online: summaries at the same version
  line.down = true;
  const offline = await store.get('ref-1');
  assert.deepEqual(
    offline!.events.map((e) => e.id),
    opened!.events.map((e) => e.id),
  );
  const waiting = note('ref-1', 200);
  const appended = await store.append(waiting, { expectedVersion: opened!.referral.version, idempotencyKey: 'k-w' });
  assert.ok(appended.ok && appended.value.queued);
  assert.equal((await store.get('ref-1'))!.events.at(-1)!.id, waiting.id);
  // The caseload, offline, shows the referral (from its summary or its whole state) without throwing.
  assert.ok((await store.list()).some((r) => r.id === 'ref-1'));
});
