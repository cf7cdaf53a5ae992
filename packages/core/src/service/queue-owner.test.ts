// The offline queue belongs to the person who recorded it (hazard H-31): on a
// device shared by staff, each person's queued referral events are shown only
// to them and sent only with their own token. Through the real HTTP stores
// (`createServiceStores` with a `queue`), against a small stand-in for the
// service that reads the bearer token's subject as the actor, as the service does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  createMemoryQueueStorage,
  createMemoryReferralStore,
  createServiceStores,
  queueOwnerKey,
  tokenQueueOwner,
  tokenSubject,
  UNKNOWN_QUEUE_OWNER,
  type MemoryReferralStore,
  type QueuedEvent,
  type QueuedReferralStore,
  type QueueStorage,
  type ServiceFetch,
  type ServiceFetchInit,
} from './index.js';
import type { ReferralEvent } from '../referral/types.js';
import { script } from '../referral/fixtures.test.js';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** A JWT-shaped token (unsigned: the client never verifies, the service does). */
const jwt = (claims: Record<string, unknown>) =>
  `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.sig`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What reached the stand-in service: each append's referral, event id and the subject of the token it came with. */
interface Sent {
  readonly referralId: string;
  readonly eventId: string;
  readonly sub: string | undefined;
  readonly status: number;
}

/**
 * A stand-in for `@links-approach/server`'s referral routes over a memory
 * store: the actor of an appended event is the token's subject (401 without
 * one), as the service sets it from the verified token.
 */
function standIn(service: MemoryReferralStore, line: { down: boolean }, sent: Sent[]): ServiceFetch {
  const answer = (status: number, body: unknown) => ({
    status,
    headers: { get: () => null },
    text: async () => JSON.stringify(body),
  });
  return async (url: string, init: ServiceFetchInit) => {
    if (line.down) throw new TypeError('Failed to fetch');
    const token = /^Bearer (.+)$/.exec(init.headers['authorization'] ?? '')?.[1];
    const sub = tokenSubject(token);
    const path = new URL(url).pathname;
    const events = /^\/api\/referrals\/([^/]+)\/events$/.exec(path);
    if (events && init.method === 'POST') {
      const referralId = decodeURIComponent(events[1]!);
      const { event } = JSON.parse(init.body!) as { event: ReferralEvent };
      if (!token) {
        sent.push({ referralId, eventId: event.id, sub, status: 401 });
        return answer(401, { status: 401, errors: [{ path: '', message: 'Sign in.', code: 'unauthorised' }] });
      }
      // The service knows whose an opaque token is (here, always Anna's); the device cannot tell.
      const result = await service.append(
        { ...event, actor: { role: 'clp', id: sub ?? 'clp-anna' } } as ReferralEvent,
        {
          expectedVersion: Number(/"(\d+)"/.exec(init.headers['if-match'] ?? '')?.[1]),
          idempotencyKey: init.headers['idempotency-key']!,
        },
      );
      if (result.ok) {
        sent.push({ referralId, eventId: event.id, sub, status: 201 });
        return answer(201, { referral: result.value.referral.state, version: result.value.version });
      }
      const error = result.errors[0]!;
      const status = error.code === 'conflict' ? 409 : 422;
      sent.push({ referralId, eventId: event.id, sub, status });
      return answer(status, {
        status,
        errors: [{ path: '', message: error.message, code: error.code === 'refused' ? error.refusal : error.code }],
        ...(error.code === 'conflict' ? { currentVersion: error.currentVersion } : {}),
      });
    }
    const one = /^\/api\/referrals\/([^/]+)$/.exec(path);
    if (one) {
      const found = await service.get(decodeURIComponent(one[1]!));
      return found ? answer(200, found) : answer(404, { status: 404 });
    }
    if (path === '/api/referrals') return answer(200, { referrals: await service.list(), next: null });
    return answer(404, { status: 404 });
  };
}

/** One shared device: a service, a line that goes up and down, one queue storage, and whoever is signed in. */
async function sharedDevice() {
  const service = createMemoryReferralStore();
  // Anna holds ref-1, Ben ref-2 (only the CLP holding a referral may record on it).
  for (const [id, clp] of [
    ['ref-1', 'clp-anna'],
    ['ref-2', 'clp-ben'],
  ] as const) {
    const s = script(id);
    const actor = { role: 'clp', id: clp } as const;
    assert.ok(
      (await service.seed([s.created(), s.status('accepted', actor), s.status('in-progress', actor)])).ok,
      'seeded',
    );
  }
  const line = { down: false };
  const sent: Sent[] = [];
  const storage = createMemoryQueueStorage();
  const device = { signedIn: 'clp-anna' as string | undefined, token: undefined as string | undefined };
  const getToken = () => device.token ?? (device.signedIn ? jwt({ sub: device.signedIn, roles: ['clp'] }) : undefined);
  /** The page's store (a reload makes a new one over the same storage). */
  const open = (queue: QueueStorage = storage) =>
    createServiceStores({
      baseUrl: 'http://127.0.0.1:9',
      getToken,
      fetch: standIn(service, line, sent),
      queue,
      queueOptions: { flushOnReconnect: false, now: () => new Date('2025-02-01T12:00:00Z') },
    }).referrals as QueuedReferralStore;
  return { service, line, sent, storage, device, open };
}

let ids = 0;
/** A note by `by` (the service replaces the actor with the token's subject). */
const note = (referralId: string, text: string, by = referralId === 'ref-1' ? 'clp-anna' : 'clp-ben'): ReferralEvent =>
  ({
    id: `n${++ids}`,
    referralId,
    type: 'note-added',
    at: '2025-02-01T11:00:00Z',
    actor: { role: 'clp', id: by },
    text,
  }) as ReferralEvent;

async function record(store: QueuedReferralStore, event: ReferralEvent) {
  const current = await store.get(event.referralId);
  return store.append(event, { expectedVersion: current?.referral.version ?? 0, idempotencyKey: `k-${event.id}` });
}

const notesOf = async (service: MemoryReferralStore, id: string) =>
  (await service.get(id))!.events
    .filter((e) => e.type === 'note-added')
    .map((e) => [(e as { text: string }).text, e.actor.id]);

test('the owner key is the SHA-256 (hex) of the token’s subject; a token with no readable subject is the unknown owner', async () => {
  assert.equal(tokenSubject(jwt({ sub: 'clp-anna' })), 'clp-anna');
  assert.equal(tokenSubject(jwt({ sub: 'Seònaid Nic a’ Phì' })), 'Seònaid Nic a’ Phì', 'UTF-8 in base64url');
  for (const token of ['opaque-token', jwt({ oid: 'x' }), jwt({ sub: '' }), jwt({ sub: 42 }), 'a.%%%.c', 'a..c', ''])
    assert.equal(tokenSubject(token), undefined, token);
  assert.equal(await queueOwnerKey(jwt({ sub: 'clp-anna' })), sha256('clp-anna'));
  assert.equal(await queueOwnerKey('opaque-token'), UNKNOWN_QUEUE_OWNER);
  const owner = tokenQueueOwner(() => jwt({ sub: 'clp-anna' }));
  assert.deepEqual(await owner(), { key: sha256('clp-anna'), token: jwt({ sub: 'clp-anna' }) });
  assert.equal(await tokenQueueOwner(() => undefined)(), undefined, 'no token: no one to keep events for');
  assert.equal(
    await tokenQueueOwner(() => {
      throw new Error('interaction required');
    })(),
    undefined,
  );
});

test('two people on one device: each has their own queue; a flush sends only the signed-in person’s events, with their token', async () => {
  const { service, line, sent, storage, device, open } = await sharedDevice();
  const page = open();

  // Anna opens ref-1 and records a note with no signal.
  await page.get('ref-1');
  line.down = true;
  const annas = await record(page, note('ref-1', 'Anna: visited at home'));
  assert.ok(annas.ok && annas.value.queued, 'Anna’s note is kept');
  const kept = await storage.load();
  assert.equal(kept.length, 1);
  assert.equal(kept[0]!.owner, sha256('clp-anna'), 'kept under the hash of her subject');
  assert.ok(!JSON.stringify(kept.map((e) => [e.key, e.owner])).includes('clp-anna'), 'no key names her');

  // Ben signs in on the same device (a new page over the same storage), online: none of Anna's is shown or sent.
  device.signedIn = 'clp-ben';
  line.down = false;
  const bens = open();
  const heard: (readonly QueuedEvent[])[] = [];
  bens.onQueue((entries) => heard.push(entries));
  assert.deepEqual(await bens.pending(), [], 'Ben sees nothing waiting');
  const ref1 = await bens.get('ref-1');
  assert.ok(!ref1!.events.some((e) => e.type === 'note-added'), 'nor Anna’s note on the referral');
  assert.deepEqual(await bens.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.equal(sent.length, 0, 'nothing of Anna’s was sent with Ben’s token');

  // Ben records offline on ref-2; back online his flush sends his note only, with his token.
  await bens.get('ref-2');
  line.down = true;
  const bensNote = await record(bens, note('ref-2', 'Ben: phoned, no answer'));
  assert.ok(bensNote.ok && bensNote.value.queued, 'Ben’s note is kept');
  assert.deepEqual(
    (await bens.pending()).map((e) => e.event.referralId),
    ['ref-2'],
  );
  line.down = false;
  assert.deepEqual(await bens.flush(), { sent: 1, refused: 0, waiting: 0 });
  assert.deepEqual(
    sent.map((s) => [s.referralId, s.sub, s.status]),
    [['ref-2', 'clp-ben', 201]],
  );
  assert.deepEqual(await notesOf(service, 'ref-2'), [['Ben: phoned, no answer', 'clp-ben']]);
  assert.deepEqual(await notesOf(service, 'ref-1'), [], 'Anna’s note still waits for her');
  assert.deepEqual(await storage.load(), kept, 'Anna’s queue is untouched in storage');
  assert.ok(
    heard.every((entries) => entries.every((e) => e.owner === sha256('clp-ben'))),
    'Ben is never told of Anna’s',
  );

  // Anna signs back in: her note is shown as waiting and sent once, with her token.
  device.signedIn = 'clp-anna';
  const annaAgain = open();
  assert.deepEqual(
    (await annaAgain.pending()).map((e) => e.event.id),
    [kept[0]!.event.id],
  );
  assert.deepEqual(await annaAgain.flush(), { sent: 1, refused: 0, waiting: 0 });
  assert.deepEqual(await annaAgain.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.deepEqual(
    sent.map((s) => [s.referralId, s.sub, s.status]),
    [
      ['ref-2', 'clp-ben', 201],
      ['ref-1', 'clp-anna', 201],
    ],
  );
  assert.deepEqual(await notesOf(service, 'ref-1'), [['Anna: visited at home', 'clp-anna']]);
  assert.deepEqual(await storage.load(), []);
});

test('on one page, when another person signs in, the queue shown changes to theirs and the first person’s fetched states are forgotten', async () => {
  const { line, sent, device, open } = await sharedDevice();
  const page = open();
  await page.get('ref-1');
  line.down = true;
  assert.ok((await record(page, note('ref-1', 'Anna: left a card'))).ok, 'kept');
  const heard: number[] = [];
  page.onQueue((entries) => heard.push(entries.length));

  device.signedIn = 'clp-ben'; // the host's getToken now answers Ben's token
  assert.deepEqual(await page.pending(), []);
  assert.deepEqual(heard, [0], 'told that nothing waits for Ben');
  assert.equal(await page.get('ref-1'), undefined, 'offline, Ben is not shown what was fetched for Anna');
  line.down = false;
  assert.deepEqual(await page.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.equal(sent.length, 0);

  device.signedIn = 'clp-anna';
  assert.equal((await page.pending()).length, 1);
  assert.deepEqual(await page.flush(), { sent: 1, refused: 0, waiting: 0 });
  assert.deepEqual(
    sent.map((s) => s.sub),
    ['clp-anna'],
  );
});

test('a flush keeps the token it started with: a sign-in meanwhile does not send the rest under the new person', async () => {
  const { service, line, sent, device, open } = await sharedDevice();
  const page = open();
  await page.get('ref-1');
  line.down = true;
  assert.ok((await record(page, note('ref-1', 'first'))).ok, 'first kept');
  assert.ok((await record(page, note('ref-1', 'second'))).ok, 'second kept');
  line.down = false;
  // Ben signs in while Anna's queue is on its way: after the first send the host's token is his.
  const off = service.subscribe(() => {
    device.signedIn = 'clp-ben';
  });
  assert.deepEqual(await page.flush(), { sent: 2, refused: 0, waiting: 0 });
  off();
  assert.deepEqual(
    sent.map((s) => s.sub),
    ['clp-anna', 'clp-anna'],
  );
});

test('with no token (signed out, or a sign-in that cannot be renewed offline) nothing is kept for anyone, in plain words', async () => {
  const { line, sent, storage, device, open } = await sharedDevice();
  const page = open();
  await page.get('ref-1');
  line.down = true;
  device.signedIn = undefined;
  const result = await record(page, note('ref-1', 'who am I?'));
  assert.ok(!result.ok, 'not kept');
  assert.equal(result.errors[0]!.code, 'unreachable');
  assert.match(result.errors[0]!.message, /no one is signed in.*Nothing was recorded: sign in, then record it again\./);
  assert.deepEqual(await storage.load(), []);
  line.down = false;
  assert.deepEqual(await page.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.equal(sent.length, 0);
});

test('tokens with no readable subject share the unknown owner’s queue; a person with a subject never sees or sends it', async () => {
  const { line, sent, storage, device, open } = await sharedDevice();
  device.token = 'opaque-token-1';
  const page = open();
  await page.get('ref-1');
  line.down = true;
  assert.ok((await record(page, note('ref-1', 'recorded with an opaque token'))).ok, 'kept');
  assert.equal((await storage.load())[0]!.owner, UNKNOWN_QUEUE_OWNER);
  line.down = false;

  device.token = undefined; // Anna, whose token has a subject
  const anna = open();
  assert.deepEqual(await anna.pending(), []);
  assert.deepEqual(await anna.flush(), { sent: 0, refused: 0, waiting: 0 });
  assert.equal(sent.length, 0);

  device.token = 'opaque-token-2'; // another opaque token: the device's queue, as before owners were kept
  const other = open();
  assert.equal((await other.pending()).length, 1);
  assert.deepEqual(await other.flush(), { sent: 1, refused: 0, waiting: 0 });
  assert.deepEqual(
    sent.map((s) => [s.sub, s.status]),
    [[undefined, 201]],
  );
});
