import type { DocumentStore, StoredDocument, StoreListener } from '@links-approach/core/store';
import type {
  Change,
  FeedStatus,
  QueuedEvent,
  QueuedReferralStore,
  ReferralStore,
  ServiceStores,
} from '@links-approach/core/service';

/** Subscribes once the store has loaded; the returned function works before and after. */
function lazySubscribe<S, L>(
  load: () => Promise<S>,
  subscribe: (store: S, listener: L) => () => void,
  listener: L,
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  load().then(
    (store) => {
      if (!stopped) stop = subscribe(store, listener);
    },
    () => {
      // The load failing shows up in the calls that return its promise.
    },
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * A {@link DocumentStore} that loads the real one on first use, so a page
 * that never sets `service-url` never downloads the HTTP stores.
 */
export function lazyDocumentStore<T extends StoredDocument>(load: () => Promise<DocumentStore<T>>): DocumentStore<T> {
  return {
    get: async (id) => (await load()).get(id),
    list: async () => (await load()).list(),
    save: async (document, options) => (await load()).save(document, options),
    history: async (id) => (await load()).history(id),
    subscribe: (listener: StoreListener<T>) => lazySubscribe(load, (store, l) => store.subscribe(l), listener),
  };
}

/**
 * A {@link ReferralStore} that loads the real one on first use. The provider's
 * store is the offline queue ({@link QueuedReferralStore}), so its queue is
 * passed through too: without it the elements could not show what is waiting
 * to be sent or refused, nor send it when the connection returns.
 */
export function lazyReferralStore(load: () => Promise<ReferralStore>): ReferralStore & QueuedReferralStore {
  const queued = async (): Promise<QueuedReferralStore | undefined> => {
    const store = await load();
    return isQueued(store) ? store : undefined;
  };
  return {
    list: async (query) => (await load()).list(query),
    get: async (id) => (await load()).get(id),
    append: async (event, options) => (await load()).append(event, options),
    subscribe: (listener: (change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void) =>
      lazySubscribe(load, (store, l) => store.subscribe(l), listener),
    pending: async () => (await queued())?.pending() ?? [],
    flush: async () => (await queued())?.flush() ?? { sent: 0, refused: 0, waiting: 0 },
    discard: async (key) => (await queued())?.discard(key) ?? false,
    onQueue: (listener: (entries: readonly QueuedEvent[]) => void) =>
      lazySubscribe(queued, (store, l) => store?.onQueue(l) ?? (() => undefined), listener),
    onStatus: (listener: (status: FeedStatus) => void) =>
      lazySubscribe(queued, (store, l) => store?.onStatus(l) ?? (() => undefined), listener),
  };
}

/** Whether a store has a queue (the same test as core's `isQueuedReferralStore`, without loading core's service code). */
function isQueued(store: ReferralStore): store is QueuedReferralStore {
  const s = store as Partial<QueuedReferralStore>;
  return typeof s.pending === 'function' && typeof s.discard === 'function' && typeof s.onQueue === 'function';
}

/** Status of the service's referral store (queued when offline), once the stores have loaded. */
export function lazyStatus(load: () => Promise<ServiceStores>, listener: (status: FeedStatus) => void): () => void {
  return lazySubscribe(
    load,
    (stores, l: (status: FeedStatus) => void) => {
      const referrals = stores.referrals as ReferralStore & {
        onStatus?: (l: (status: FeedStatus) => void) => () => void;
      };
      return referrals.onStatus?.(l) ?? stores.feed?.onStatus?.(l) ?? (() => undefined);
    },
    listener,
  );
}
