import { applyEvent } from '../referral/apply.js';
import { hasEvent } from '../referral/workflow.js';
import type { Framework } from '../framework/types.js';
import type { ReferralEvent, ReferralState, RejectionCode } from '../referral/types.js';
import type { Result } from '../validation/result.js';
import { storeMessage, type StoreMessage } from '../messages/store.js';
import { UNKNOWN_QUEUE_OWNER, type QueueOwner } from './queue-owner.js';
import type {
  AppendError,
  Appended,
  AppendOptions,
  Change,
  FeedStatus,
  ReferralQuery,
  ReferralStore,
  StoredReferral,
} from './types.js';

/** Why a queued event was refused when it was finally sent (or replayed on a stream that had moved on). */
export interface QueueRefusal {
  /** Core's rejection code, or `forbidden` / `invalid` when the service refused it for those reasons. */
  readonly code: RejectionCode | 'forbidden' | 'invalid';
  /** Plain English, fit to show the person. */
  readonly reason: string;
}

/**
 * One referral event kept on this device until the service accepts it. The
 * person's referral data: keep it only where the host keeps referral data.
 */
export interface QueuedEvent {
  /** The idempotency key the event was first appended with; the entry's identity. */
  readonly key: string;
  /** Recording order across every referral (smaller first). */
  readonly seq: number;
  readonly referralId: string;
  readonly practiceId: string;
  readonly event: ReferralEvent;
  /** The stream version the event is to be written against (moves on when the event is replayed). */
  readonly expectedVersion: number;
  /**
   * How many times the event was replayed on a stream that had moved on. The
   * key sent is {@link sendKeyOf}: the original key, then `key~r1`, `key~r2`…
   * A new key is taken only after the service answered that the previous one
   * wrote nothing, so no send can be written twice.
   */
  readonly rebases: number;
  /** ISO date-time at which it was queued. */
  readonly queuedAt: string;
  /**
   * Whose event it is: the owner key of the person signed in when it was
   * recorded (the SHA-256, hex, of their token's subject: see
   * `tokenQueueOwner`), or {@link UNKNOWN_QUEUE_OWNER}. It is shown and sent
   * only while that person is signed in, with their token. Absent on entries
   * kept before owners were recorded: they count as the unknown owner's.
   */
  readonly owner?: string;
  /** Set when the service (or core's rules on the newer stream) refused it: kept until the person discards it. */
  readonly refused?: QueueRefusal;
}

/** The idempotency key a queued event is sent with now. */
export function sendKeyOf(entry: Pick<QueuedEvent, 'key' | 'rebases'>): string {
  return entry.rebases === 0 ? entry.key : `${entry.key}~r${entry.rebases}`;
}

/**
 * Where queued events are kept between page loads: IndexedDB in the browser
 * (`createIdbQueueStorage` in `@links-approach/components`), memory in tests.
 */
export interface QueueStorage {
  /** Every entry, in recording order (`seq` ascending). */
  load(): Promise<readonly QueuedEvent[]>;
  /** Adds the entry, or replaces the one with the same `key`. */
  put(entry: QueuedEvent): Promise<void>;
  /** Removes the entry with this key (nothing when there is none). */
  remove(key: string): Promise<void>;
}

/** A {@link QueueStorage} in memory (lost when the page closes): for tests and hosts that accept that. */
export function createMemoryQueueStorage(): QueueStorage {
  const entries = new Map<string, QueuedEvent>();
  return {
    async load() {
      return Array.from(entries.values()).sort((a, b) => a.seq - b.seq);
    },
    async put(entry) {
      entries.set(entry.key, entry);
    },
    async remove(key) {
      entries.delete(key);
    },
  };
}

/** What one {@link QueuedReferralStore.flush} did. */
export interface FlushReport {
  /** Events the service accepted (or had already accepted under the same key or event id). */
  readonly sent: number;
  /** Events newly refused, kept for the person to discard. */
  readonly refused: number;
  /** Events still waiting (the service could not be reached, or a referral kept moving). */
  readonly waiting: number;
}

/** Options for {@link createQueuedReferralStore}. */
export interface QueuedReferralStoreOptions {
  /** The framework whose theme ids reasons and goals must use. Default: the Links framework. */
  readonly framework?: Framework;
  /** The clock for `queuedAt` and `upToDateAt`; defaults to the system clock. */
  readonly now?: () => Date;
  /**
   * Runs `task` while holding a lock shared with other tabs (in the browser,
   * `navigator.locks.request(name, task)`), so two tabs never flush the same
   * queue at once. Default: a lock within this store only.
   */
  readonly lock?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Send waiting events as soon as a call to the service succeeds again. Default `true`. */
  readonly flushOnReconnect?: boolean;
  /**
   * Who is signed in now, asked before each call: `tokenQueueOwner(getToken)`
   * keys the queue by the token's subject (hashed), and sends each person's
   * events with their own token. `undefined` means no one can be identified
   * (no token): nothing new is kept and nothing is sent. Default: everyone
   * is {@link UNKNOWN_QUEUE_OWNER} and the inner store chooses the token (one
   * queue for the device, for hosts whose device has one user).
   */
  readonly owner?: () => QueueOwner | undefined | Promise<QueueOwner | undefined>;
}

/**
 * A {@link ReferralStore} that keeps working offline: see
 * {@link createQueuedReferralStore}.
 */
export interface QueuedReferralStore extends ReferralStore {
  /** The signed-in person's queued events (waiting and refused), in recording order. */
  pending(): Promise<readonly QueuedEvent[]>;
  /** Sends the signed-in person's waiting events, in order, with their token; see {@link createQueuedReferralStore}. */
  flush(): Promise<FlushReport>;
  /**
   * Removes a queued event the person chose to discard. Only a refused event
   * of the signed-in person can be discarded (a waiting one may be on its way); returns whether it was.
   */
  discard(key: string): Promise<boolean>;
  /**
   * Calls `listener` with the signed-in person's queued events after each
   * change to the queue, and when another person signs in. Returns the
   * function that unsubscribes.
   */
  onQueue(listener: (entries: readonly QueuedEvent[]) => void): () => void;
  /** Whether the service answered the latest call, and when data was last fetched from it. */
  onStatus(listener: (status: FeedStatus) => void): () => void;
}

/** Whether a store is a {@link QueuedReferralStore} (it has a queue to show). */
export function isQueuedReferralStore(store: ReferralStore | undefined): store is QueuedReferralStore {
  return (
    store !== undefined &&
    typeof (store as Partial<QueuedReferralStore>).pending === 'function' &&
    typeof (store as Partial<QueuedReferralStore>).discard === 'function' &&
    typeof (store as Partial<QueuedReferralStore>).onQueue === 'function'
  );
}

type ChangeListener = (change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void;

/** The owner of a queue entry (entries kept before owners were recorded are the unknown owner's). */
const ownerOf = (entry: Pick<QueuedEvent, 'owner'>): string => entry.owner ?? UNKNOWN_QUEUE_OWNER;

/** The entries of the owner `key` (none when no one is signed in). */
function mine(list: readonly QueuedEvent[], key: string | undefined): QueuedEvent[] {
  return key === undefined ? [] : list.filter((e) => ownerOf(e) === key);
}

/** The most a flush replays one event on a stream that keeps moving before leaving it for the next flush. */
const MAX_REBASES_PER_FLUSH = 5;

const unreachable = (said: StoreMessage): AppendError => ({ code: 'unreachable', path: '', ...said });

function isUnreachable(result: Result<Appended, AppendError>): boolean {
  return !result.ok && result.errors.some((e) => e.code === 'unreachable');
}

/**
 * Whether a referral carries its whole state. A service's list answers with
 * summaries (no timeline, no notes, so a caseload costs the same however long
 * each stream is); one referral read answers with the whole state.
 */
function isWhole(referral: StoredReferral): boolean {
  return Array.isArray((referral.state as Partial<ReferralState>).timeline);
}

/**
 * The state core decides a waiting event against: a summary gets an empty
 * timeline and note list (core reads nothing else of them to decide, but an
 * event already in the stream then goes unnoticed here: the flush decides it
 * on the whole referral).
 */
function decisionState(referral: StoredReferral): ReferralState {
  return isWhole(referral) ? referral.state : ({ ...referral.state, timeline: [], notes: [] } as ReferralState);
}

/** Remembers a fetched referral, never replacing a whole one with a summary of the same version or older. */
function keepFetched(cache: Map<string, StoredReferral>, referral: StoredReferral): void {
  const known = cache.get(referral.id);
  if (known && isWhole(known) && !isWhole(referral) && known.version >= referral.version) return;
  cache.set(referral.id, referral);
}

function storedFrom(state: ReferralState, version: number): StoredReferral {
  return {
    id: state.id,
    practiceId: state.practiceId,
    status: state.status,
    version,
    updatedAt: state.updatedAt,
    state,
  };
}

function call<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of Array.from(listeners)) {
    try {
      listener(value);
    } catch {
      // A listener's bug must not stop the others or the queue.
    }
  }
}

/**
 * Wraps a {@link ReferralStore} (usually the HTTP one) so referral work
 * goes on without a connection:
 *
 * - An append the inner store answers with `unreachable` (or that throws)
 *   is checked with core's `applyEvent` on this device's state, kept in
 *   `queue` with its idempotency key, and answered `{ ok: true, queued: true }`
 *   with the local state. Later appends to a referral with events waiting are
 *   queued behind them, so each referral's events keep their order.
 * - {@link QueuedReferralStore.flush} sends waiting events in recording
 *   order. When the stream has moved on (`conflict`), it fetches the new
 *   state and replays the referral's waiting events on it with core's rules:
 *   an event already in the stream (its id is there) was delivered; one still
 *   allowed is written against the new version under a new key (`key~rN`,
 *   taken only after the service said the previous key wrote nothing);
 *   one now refused stays queued, marked with core's code and reason, until
 *   the person discards it. Nothing is dropped without the person's say, and
 *   no event is written twice.
 * - `list` and `get` show waiting events applied to the fetched state, and
 *   fall back to the last state fetched when the service cannot be reached.
 * - Each entry belongs to the person signed in when it was recorded
 *   (`options.owner`, usually `tokenQueueOwner(getToken)`: the SHA-256 of
 *   the token's subject). Only the signed-in person's entries are shown
 *   (`pending`, `onQueue`, `list`, `get`), sent (with the token their owner
 *   key was read from) and discardable; another person's stay in `queue`,
 *   untouched, until they sign in again. When a different person signs in,
 *   the states fetched for the previous one are forgotten.
 */
export function createQueuedReferralStore(
  inner: ReferralStore,
  queue: QueueStorage,
  options: QueuedReferralStoreOptions = {},
): QueuedReferralStore {
  const now = options.now ?? (() => new Date());
  const applyOptions = options.framework ? { framework: options.framework, trusted: false } : {};
  const flushOnReconnect = options.flushOnReconnect !== false;
  const changeListeners = new Set<ChangeListener>();
  const queueListeners = new Set<(entries: readonly QueuedEvent[]) => void>();
  const statusListeners = new Set<(status: FeedStatus) => void>();
  /** The last state fetched of each referral (its stream as the service last gave it). */
  const cache = new Map<string, StoredReferral>();
  let status: FeedStatus = { state: 'live' };
  let entries: QueuedEvent[] | undefined;
  const resolveOwner = options.owner ?? ((): QueueOwner => ({ key: UNKNOWN_QUEUE_OWNER }));
  /** The owner key of the person last found signed in (`undefined`: no one); `null` before the first look. */
  let ownerKey: string | undefined | null = null;
  /** The owner whose waiting events were last sent by themselves on reaching the service. */
  let flushedFor: string | undefined;

  let tail: Promise<unknown> = Promise.resolve();
  /** Runs tasks one at a time (within this store), inside the shared lock when one is given. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const locked = options.lock ? () => options.lock!(task) : task;
    const run = tail.then(locked, locked);
    tail = run.catch(() => undefined);
    return run;
  }

  /** Reads the queue from storage (another tab may have changed it). */
  async function reload(): Promise<QueuedEvent[]> {
    entries = Array.from(await queue.load()).sort((a, b) => a.seq - b.seq);
    return entries;
  }
  async function current(): Promise<QueuedEvent[]> {
    return entries ?? (await reload());
  }
  async function save(entry: QueuedEvent): Promise<void> {
    await queue.put(entry);
    const list = await current();
    const i = list.findIndex((e) => e.key === entry.key);
    if (i >= 0) list[i] = entry;
    else list.push(entry);
  }
  async function drop(key: string): Promise<void> {
    await queue.remove(key);
    const list = await current();
    const i = list.findIndex((e) => e.key === key);
    if (i >= 0) list.splice(i, 1);
  }
  function queueChanged(): void {
    call(queueListeners, mine(entries ?? [], ownerKey ?? undefined));
  }

  /** Who is signed in now; when that is someone else than last time, forgets their fetched states and says so. */
  async function whoAmI(): Promise<QueueOwner | undefined> {
    let owner: QueueOwner | undefined;
    try {
      owner = (await resolveOwner()) ?? undefined;
    } catch {
      owner = undefined;
    }
    if (owner !== undefined && (typeof owner.key !== 'string' || owner.key === '')) owner = undefined;
    const before = ownerKey;
    ownerKey = owner?.key;
    if (before !== null && before !== ownerKey) {
      // Another person: what was fetched with the previous person's token is not theirs to see.
      cache.clear();
      queueChanged();
      const affected = new Map<string, string>();
      for (const entry of entries ?? []) {
        const who = ownerOf(entry);
        if (who === before || who === ownerKey) affected.set(entry.referralId, entry.practiceId);
      }
      for (const [id, practiceId] of affected) call(changeListeners, { id, practiceId, version: 0 });
    }
    return owner;
  }

  /** An append's options with the owner's token, when the owner has one. */
  function withToken(appendOptions: AppendOptions, owner: QueueOwner | undefined): AppendOptions {
    return owner?.token ? { ...appendOptions, token: owner.token } : appendOptions;
  }

  function setStatus(next: FeedStatus): void {
    if (next.state === status.state && next.upToDateAt === status.upToDateAt) return;
    status = next;
    call(statusListeners, status);
  }
  function reached(fetched: boolean): void {
    const wasOffline = status.state !== 'live';
    setStatus({ state: 'live', upToDateAt: fetched ? now().toISOString() : status.upToDateAt });
    // Send the signed-in person's waiting events when the service answers again, and the first time it answers
    // them (after a reload, or when they sign in again on a shared device).
    const owner = ownerKey ?? undefined;
    if (!flushOnReconnect || owner === undefined || (!wasOffline && flushedFor === owner)) return;
    flushedFor = owner;
    current().then(
      (list) => {
        if (mine(list, owner).some((e) => !e.refused)) void store.flush();
      },
      () => undefined,
    );
  }
  function lost(): void {
    setStatus(status.upToDateAt ? { state: 'offline', upToDateAt: status.upToDateAt } : { state: 'offline' });
  }
  function notify(referral: StoredReferral): void {
    call(changeListeners, { id: referral.id, practiceId: referral.practiceId, version: referral.version });
  }

  /** The referral with this device's waiting events applied (events already in the stream are skipped). */
  function overlay(base: StoredReferral | undefined, waiting: readonly QueuedEvent[]): StoredReferral | undefined {
    let state = base ? decisionState(base) : undefined;
    let version = base?.version ?? 0;
    let changed = false;
    for (const entry of waiting) {
      if (entry.refused) continue;
      if (state && entry.event.type !== 'created' && hasEvent(state, entry.event.id)) continue;
      if (!state && entry.event.type !== 'created') continue;
      if (state && entry.event.type === 'created') continue;
      const applied = applyEvent(state, entry.event, applyOptions);
      if (!applied.ok) continue; // shown as waiting; the next flush settles it
      state = applied.state;
      version += 1;
      changed = true;
    }
    // Nothing of this device's applied: the referral as fetched (a summary stays a summary).
    if (!changed) return base;
    return state ? storedFrom(state, version) : undefined;
  }
  function waitingFor(referralId: string, list: readonly QueuedEvent[]): QueuedEvent[] {
    return list.filter((e) => e.referralId === referralId);
  }

  async function fetchOne(
    id: string,
  ): Promise<{ referral: StoredReferral; events: readonly ReferralEvent[] } | undefined | 'unreachable'> {
    try {
      const asked = ownerKey;
      const found = await inner.get(id);
      reached(true);
      if (ownerKey !== asked) return found; // someone else signed in meanwhile: not theirs to keep
      if (found) cache.set(id, found.referral);
      else cache.delete(id);
      return found;
    } catch {
      lost();
      return 'unreachable';
    }
  }

  async function queueEvent(
    event: ReferralEvent,
    key: string,
    owner: QueueOwner | undefined,
  ): Promise<Result<Appended, AppendError>> {
    if (!owner) return { ok: false, errors: [unreachable(storeMessage('store.offline-no-owner', {}))] };
    const all = await current();
    const list = mine(all, owner.key);
    const base = cache.get(event.referralId);
    const local = overlay(base, waitingFor(event.referralId, list));
    if (!local && event.type !== 'created') {
      return {
        ok: false,
        errors: [unreachable(storeMessage('store.offline-not-loaded', {}))],
      };
    }
    const applied = applyEvent(local?.state, event, applyOptions);
    if (!applied.ok) {
      return {
        ok: false,
        errors: [{ code: 'refused', path: '', message: applied.rejection.reason, refusal: applied.rejection.code }],
      };
    }
    const existing = list.find((e) => e.key === key);
    const version = (local?.version ?? 0) + 1;
    const referral = storedFrom(applied.state, version);
    if (!existing) {
      const seq = all.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
      try {
        await save({
          key,
          seq,
          referralId: event.referralId,
          practiceId: applied.state.practiceId,
          event,
          expectedVersion: version - 1,
          rebases: 0,
          queuedAt: now().toISOString(),
          owner: owner.key,
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          errors: [
            {
              code: 'storage',
              path: '',
              ...storeMessage('store.offline-not-kept', { why }),
            },
          ],
        };
      }
      queueChanged();
      notify(referral);
    }
    return { ok: true, value: { referral, version, queued: true } };
  }

  /**
   * Replays a referral's waiting events on the stream as the service has it
   * now. Returns false when the service could not be reached.
   */
  async function rebase(referralId: string, conflicted: string, owner: string): Promise<boolean> {
    const found = await fetchOne(referralId);
    if (found === 'unreachable') return false;
    let state = found?.referral.state;
    let version = found?.referral.version ?? 0;
    for (const entry of waitingFor(referralId, mine(await current(), owner))) {
      if (entry.refused) continue;
      if (state && hasEvent(state, entry.event.id)) {
        await drop(entry.key); // already in the stream: delivered under an earlier key
        continue;
      }
      const applied = applyEvent(state, entry.event, applyOptions);
      if (!applied.ok) {
        await save({ ...entry, refused: { code: applied.rejection.code, reason: applied.rejection.reason } });
        continue;
      }
      state = applied.state;
      // The key that met the conflict wrote nothing, and never will (its version has passed): a new key for the new version.
      if (entry.key === conflicted || entry.expectedVersion !== version) {
        await save({ ...entry, expectedVersion: version, rebases: entry.rebases + 1 });
      }
      version += 1;
    }
    return true;
  }

  async function flushNow(): Promise<FlushReport> {
    let sent = 0;
    let refused = 0;
    const rebased = new Map<string, number>();
    const me = await whoAmI();
    await reload();
    // No one signed in: no one's events are sent (they would go without a token, or with someone else's).
    if (!me) return { sent, refused, waiting: 0 };
    const owner = me.key;
    const own = async () => mine(await current(), owner);
    /** Keeps a state fetched with this owner's token only while they are still the one signed in. */
    const remember = (referral: StoredReferral) => {
      if (ownerKey === owner) keepFetched(cache, referral);
    };
    for (;;) {
      const list = await own();
      const next = list.find((e) => !e.refused && (rebased.get(e.referralId) ?? 0) <= MAX_REBASES_PER_FLUSH);
      if (!next) break;
      let result: Result<Appended, AppendError>;
      try {
        // Always the token the owner key was read from: never a later sign-in's.
        result = await inner.append(
          next.event,
          withToken({ expectedVersion: next.expectedVersion, idempotencyKey: sendKeyOf(next) }, me),
        );
      } catch {
        result = { ok: false, errors: [unreachable(storeMessage('store.offline', {}))] };
      }
      if (result.ok) {
        reached(false);
        remember(result.value.referral);
        await drop(next.key);
        sent++;
        queueChanged();
        notify(result.value.referral);
        continue;
      }
      if (isUnreachable(result)) {
        lost();
        break;
      }
      reached(false);
      const error = result.errors[0]!;
      if (error.code === 'conflict') {
        const count = (rebased.get(next.referralId) ?? 0) + 1;
        rebased.set(next.referralId, count);
        const before = (await own()).filter((e) => e.refused).length;
        const waitingBefore = (await own()).length;
        if (!(await rebase(next.referralId, next.key, owner))) break;
        const after = await own();
        refused += after.filter((e) => e.refused).length - before;
        sent += waitingBefore - after.length;
        queueChanged();
        const local = overlay(cache.get(next.referralId), waitingFor(next.referralId, after));
        if (local) notify(local);
        continue;
      }
      if (error.code === 'refused' && error.refusal === 'duplicate-event-id') {
        // The stream already holds this event (sent before, its answer lost): delivered.
        await drop(next.key);
        sent++;
        queueChanged();
        continue;
      }
      if (error.code === 'storage') break; // the service failed: try again later
      const code: QueueRefusal['code'] =
        error.code === 'refused' ? error.refusal : error.code === 'forbidden' ? 'forbidden' : 'invalid';
      await save({ ...next, refused: { code, reason: error.message } });
      refused++;
      queueChanged();
      const local = overlay(cache.get(next.referralId), waitingFor(next.referralId, await own()));
      if (local) notify(local);
    }
    const waiting = (await own()).filter((e) => !e.refused).length;
    return { sent, refused, waiting };
  }

  const store: QueuedReferralStore = {
    async list(query?: ReferralQuery) {
      const me = await whoAmI();
      let fetched: readonly StoredReferral[] | undefined;
      try {
        fetched = await inner.list(query);
        reached(true);
        if (ownerKey === me?.key) for (const referral of fetched) keepFetched(cache, referral);
      } catch (error) {
        lost();
        if (cache.size === 0 && mine(await current(), me?.key).length === 0) throw error;
      }
      const list = mine(await current(), me?.key);
      const out: StoredReferral[] = [];
      const seen = new Set<string>();
      const source =
        fetched ??
        Array.from(cache.values()).filter(
          (r) =>
            (query?.practice === undefined || r.practiceId === query.practice) &&
            (query?.status === undefined || r.status === query.status),
        );
      for (const referral of source) {
        seen.add(referral.id);
        out.push(overlay(referral, waitingFor(referral.id, list)) ?? referral);
      }
      // Referrals created on this device and not yet sent.
      for (const entry of list) {
        if (seen.has(entry.referralId) || entry.event.type !== 'created' || entry.refused) continue;
        if (query?.practice !== undefined && entry.practiceId !== query.practice) continue;
        const local = overlay(undefined, waitingFor(entry.referralId, list));
        if (local && (query?.status === undefined || local.status === query.status)) {
          seen.add(entry.referralId);
          out.push(local);
        }
      }
      return out;
    },
    async get(id) {
      const me = await whoAmI();
      const found = await fetchOne(id);
      const waiting = waitingFor(id, mine(await current(), me?.key));
      const base = found === 'unreachable' ? cache.get(id) : found?.referral;
      const local = overlay(base, waiting);
      if (!local) return undefined;
      return { referral: local, events: local.state.timeline };
    },
    append(event, appendOptions: AppendOptions) {
      return serial(async () => {
        const key = appendOptions?.idempotencyKey;
        const referralId = (event as { referralId?: unknown } | null)?.referralId;
        if (typeof key !== 'string' || key === '' || typeof referralId !== 'string')
          return inner.append(event, appendOptions);
        const me = await whoAmI();
        const all = await current();
        const list = mine(all, me?.key);
        const already = list.find((e) => e.key === key);
        if (!already && all.some((e) => e.key === key)) {
          return {
            ok: false,
            errors: [
              {
                code: 'invalid',
                path: 'idempotencyKey',
                ...storeMessage('store.key-used-by-another', {}),
              },
            ],
          };
        }
        if (already?.refused) {
          const { code, reason } = already.refused;
          return {
            ok: false,
            errors: [
              code === 'forbidden' || code === 'invalid'
                ? { code, path: '', message: reason }
                : { code: 'refused', path: '', message: reason, refusal: code },
            ],
          };
        }
        if (already) {
          // A retry of a queued append: the same answer, nothing new kept.
          const local = overlay(cache.get(referralId), waitingFor(referralId, list));
          if (local) return { ok: true, value: { referral: local, version: local.version, queued: true } };
        }
        if (list.some((e) => e.referralId === referralId && !e.refused)) return queueEvent(event, key, me);
        let result: Result<Appended, AppendError>;
        try {
          result = await inner.append(event, withToken(appendOptions, me));
        } catch {
          result = { ok: false, errors: [unreachable(storeMessage('store.offline', {}))] };
        }
        if (isUnreachable(result)) {
          lost();
          return queueEvent(event, key, me);
        }
        reached(false);
        if (result.ok && ownerKey === me?.key) keepFetched(cache, result.value.referral);
        return result;
      });
    },
    subscribe(listener) {
      changeListeners.add(listener);
      const off = inner.subscribe(listener);
      return () => {
        changeListeners.delete(listener);
        off();
      };
    },
    async pending() {
      const me = await whoAmI();
      return mine(await current(), me?.key);
    },
    flush() {
      return serial(flushNow);
    },
    discard(key) {
      return serial(async () => {
        const me = await whoAmI();
        await reload();
        const entry = mine(await current(), me?.key).find((e) => e.key === key);
        if (!entry?.refused) return false;
        await drop(key);
        queueChanged();
        const local = overlay(
          cache.get(entry.referralId),
          waitingFor(entry.referralId, mine(await current(), me?.key)),
        );
        if (local) notify(local);
        return true;
      });
    },
    onQueue(listener) {
      queueListeners.add(listener);
      return () => {
        queueListeners.delete(listener);
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
  return store;
}
