import type { DocumentStore, StoreCodec, StoredDocument } from '../store/types.js';
import { createServiceClient, type ServiceClient, type ServiceClientOptions } from './client.js';
import {
  createHttpNetworkRegisterStore,
  createHttpOutcomeResponsesStore,
  createHttpPlanStore,
  SERVICE_DOCUMENT_KINDS,
  type ServiceDocumentKind,
} from './http-document-store.js';
import { createHttpReferralStore } from './http-referral-store.js';
import { createQueuedReferralStore, type QueuedReferralStoreOptions, type QueueStorage } from './offline-queue.js';
import { tokenQueueOwner } from './queue-owner.js';
import type { ChangeFeed, ReferralStore } from './types.js';

/** Options for {@link createServiceStores}: a client (or what makes one), and the change feed. */
export type ServiceStoresOptions = (ServiceClientOptions | { readonly client: ServiceClient }) & {
  /** The service's change feed (`createChangeFeed`), so other people's changes reach subscribers. */
  readonly feed?: ChangeFeed;
  /**
   * Where to keep referral events the service cannot take (offline), so
   * `referrals` is core's offline queue (`createQueuedReferralStore`).
   * Each event is kept for the person signed in when it was recorded: the
   * owner is read from `getToken()`'s token (`tokenQueueOwner`), and only
   * that person's events are shown and sent, with their own token.
   */
  readonly queue?: QueueStorage;
  /** Options for the offline queue (`lock`, `now`…); `owner` defaults to `tokenQueueOwner(getToken)`. */
  readonly queueOptions?: QueuedReferralStoreOptions;
  /**
   * With `client`: the token callback the client was made with, so the
   * offline queue can tell whose events are whose.
   */
  readonly getToken?: ServiceClientOptions['getToken'];
};

/** Every store the service serves, over one client and one feed. */
export interface ServiceStores {
  readonly client: ServiceClient;
  readonly feed: ChangeFeed | undefined;
  /** Referral event streams (a `QueuedReferralStore` when `queue` was given). */
  readonly referrals: ReferralStore;
  /**
   * The store for documents of `codec.kind` (plans, network registers,
   * outcome responses: {@link SERVICE_DOCUMENT_KINDS}), one per kind; or
   * `undefined` for a kind the service does not keep.
   */
  storeFor<T extends StoredDocument>(codec: Pick<StoreCodec<T>, 'kind'>): DocumentStore<T> | undefined;
}

/**
 * The HTTP stores for one service: what `<links-provider service-url>` gives
 * the elements, and what a Node tool can use directly.
 *
 * @example
 * const stores = createServiceStores({ baseUrl: 'http://127.0.0.1:8787', getToken });
 * const plans = stores.storeFor(planCodec());
 * const caseload = await stores.referrals.list({ practice: 'practice-ash' });
 */
export function createServiceStores(options: ServiceStoresOptions): ServiceStores {
  const client = 'client' in options ? options.client : createServiceClient(options);
  const http = options.feed ? { feed: options.feed } : {};
  const documents = new Map<ServiceDocumentKind, DocumentStore<StoredDocument>>();
  const make: Record<ServiceDocumentKind, () => DocumentStore<StoredDocument>> = {
    'links.plan': () => createHttpPlanStore(client, http) as unknown as DocumentStore<StoredDocument>,
    'links.network-register': () =>
      createHttpNetworkRegisterStore(client, http) as unknown as DocumentStore<StoredDocument>,
    'links.outcome-responses': () =>
      createHttpOutcomeResponsesStore(client, http) as unknown as DocumentStore<StoredDocument>,
  };
  const overHttp = createHttpReferralStore(client, http);
  let referrals: ReferralStore = overHttp;
  if (options.queue) {
    const getToken = options.getToken;
    const owner = options.queueOptions?.owner ?? (getToken ? tokenQueueOwner(getToken) : undefined);
    referrals = createQueuedReferralStore(overHttp, options.queue, {
      ...options.queueOptions,
      ...(owner ? { owner } : {}),
    });
  }
  return {
    client,
    feed: options.feed,
    referrals,
    storeFor<T extends StoredDocument>(codec: Pick<StoreCodec<T>, 'kind'>): DocumentStore<T> | undefined {
      const kind = codec?.kind as ServiceDocumentKind;
      if (!(SERVICE_DOCUMENT_KINDS as readonly string[]).includes(kind)) return undefined;
      let store = documents.get(kind);
      if (!store) documents.set(kind, (store = make[kind]()));
      return store as unknown as DocumentStore<T>;
    },
  };
}
