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
import type { ChangeFeed, ReferralStore } from './types.js';

/** Options for {@link createServiceStores}: a client (or what makes one), and the change feed. */
export type ServiceStoresOptions = (ServiceClientOptions | { readonly client: ServiceClient }) & {
  /** The service's change feed (`createChangeFeed`), so other people's changes reach subscribers. */
  readonly feed?: ChangeFeed;
};

/** Every store the service serves, over one client and one feed. */
export interface ServiceStores {
  readonly client: ServiceClient;
  readonly feed: ChangeFeed | undefined;
  /** Referral event streams. */
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
    'links.network-register': () => createHttpNetworkRegisterStore(client, http) as unknown as DocumentStore<StoredDocument>,
    'links.outcome-responses': () => createHttpOutcomeResponsesStore(client, http) as unknown as DocumentStore<StoredDocument>,
  };
  return {
    client,
    feed: options.feed,
    referrals: createHttpReferralStore(client, http),
    storeFor<T extends StoredDocument>(codec: Pick<StoreCodec<T>, 'kind'>): DocumentStore<T> | undefined {
      const kind = codec?.kind as ServiceDocumentKind;
      if (!(SERVICE_DOCUMENT_KINDS as readonly string[]).includes(kind)) return undefined;
      let store = documents.get(kind);
      if (!store) documents.set(kind, (store = make[kind]()));
      return store as unknown as DocumentStore<T>;
    },
  };
}
