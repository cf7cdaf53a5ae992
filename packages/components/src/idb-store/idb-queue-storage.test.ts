import { expect } from '@open-wc/testing';
import {
  createMemoryReferralStore,
  createQueuedReferralStore,
  type AppendOptions,
  type QueuedEvent,
  type ReferralStore,
} from '@links-approach/core/service';
import type { ReferralEvent } from '@links-approach/core/referral';
import { deleteIdbStore } from './idb-store.js';
import { createIdbQueueStorage, webLock, type IdbQueueStorage } from './idb-queue-storage.js';

let counter = 0;
const opened: IdbQueueStorage[] = [];
function fresh(name?: string): IdbQueueStorage {
  const storage = createIdbQueueStorage({ databaseName: name ?? `links-queue-test-${Date.now()}-${++counter}` });
  opened.push(storage);
  return storage;
}

const entry = (key: string, seq: number): QueuedEvent => ({
  key,
  seq,
  referralId: 'ref-1',
  practiceId: 'practice-1',
  event: {
    id: `e-${key}`,
    referralId: 'ref-1',
    type: 'note-added',
    at: '2025-02-01T10:00:00.000Z',
    actor: { role: 'clp', id: 'clp-1' },
    text: 'Visited at home',
  } as ReferralEvent,
  expectedVersion: seq,
  rebases: 0,
  queuedAt: '2025-02-01T10:00:00.000Z',
});

describe('IndexedDB queue storage', () => {
  afterEach(async () => {
    const names = new Set(opened.map((s) => s.databaseName));
    for (const s of opened.splice(0)) s.close();
    for (const name of names) await deleteIdbStore(name);
  });

  it('keeps queued events in recording order across a reload, replaces by key and removes', async () => {
    const first = fresh();
    await first.put(entry('b', 2));
    await first.put(entry('a', 1));
    await first.put({ ...entry('b', 2), rebases: 1 });
    first.close();
    const second = fresh(first.databaseName);
    const loaded = await second.load();
    expect(loaded.map((e) => [e.key, e.rebases])).to.deep.equal([
      ['a', 0],
      ['b', 1],
    ]);
    expect(loaded[0]!.event).to.deep.equal(entry('a', 1).event);
    await second.remove('a');
    await second.remove('missing');
    expect((await second.load()).map((e) => e.key)).to.deep.equal(['b']);
  });

  it('names its database without any person reference', () => {
    expect(createIdbQueueStorage().databaseName).to.equal('links-approach:referral-queue');
  });

  it('gives the offline queue a place that outlives the page: a new store sends what an earlier one kept', async () => {
    const service = createMemoryReferralStore();
    const created = {
      id: 'created-1',
      referralId: 'ref-1',
      type: 'created',
      at: '2025-02-01T09:00:00.000Z',
      actor: { role: 'referrer', id: 'gp-1' },
      status: 'requested',
      person: 'pt-7f3a9c',
      practiceId: 'practice-1',
      route: 'gp',
      reasons: [{ themeId: 'living-well-day-to-day' }],
      urgency: 'routine',
      consent: ['contact'],
    } as unknown as ReferralEvent;
    expect((await service.seed([created])).ok).to.equal(true);
    const [listed] = await service.list();
    const referral = listed!;
    let online = false;
    const line: ReferralStore = {
      list: (q) => (online ? service.list(q) : Promise.reject(new TypeError('Failed to fetch'))),
      get: (id) => (online ? service.get(id) : Promise.reject(new TypeError('Failed to fetch'))),
      append: (event: ReferralEvent, options: AppendOptions) =>
        online
          ? service.append(event, options)
          : Promise.resolve({ ok: false, errors: [{ code: 'unreachable', path: '', message: 'offline' }] }),
      subscribe: (listener) => service.subscribe(listener),
    };
    const storage = fresh();
    online = true;
    const before = createQueuedReferralStore(line, storage, { flushOnReconnect: false, lock: webLock() });
    await before.get(referral.id);
    online = false;
    const note = {
      id: 'offline-note-1',
      referralId: referral.id,
      type: 'note-added',
      at: new Date(Date.parse(referral.updatedAt) + 60_000).toISOString(),
      actor: { role: 'practice-manager', id: 'pm-1' },
      text: 'Phoned from the car park',
    } as ReferralEvent;
    const appended = await before.append(note, { expectedVersion: referral.version, idempotencyKey: 'key-1' });
    expect(appended.ok && appended.value.queued).to.equal(true);

    online = true;
    const after = createQueuedReferralStore(line, fresh(storage.databaseName), { flushOnReconnect: false });
    expect((await after.flush()).sent).to.equal(1);
    const stream = (await service.get(referral.id))!.events;
    expect(stream.filter((e) => e.id === 'offline-note-1')).to.have.length(1);
    expect(await storage.load()).to.deep.equal([]);
  });
});
