import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import {
  createMemoryStore,
  type DocumentStore,
  type StoreCodec,
  type StoredDocument,
} from '@links-approach/core/store';
import type { ChangeFeed, FeedStatus, ReferralStore, ServiceStores, TokenProvider } from '@links-approach/core/service';
import { createIdbStore } from '../idb-store/idb-store.js';
import { lazyDocumentStore, lazyReferralStore, lazyStatus } from './lazy-stores.js';
import { LinksElement } from '../internal/links-element.js';
import {
  ensureContextRoot,
  personLabelContext,
  referralContext,
  storeContext,
  type PersonLabelResolver,
  type ReferralSource,
  type StoreSource,
} from '../internal/context.js';
import { setLocale, type LinksLocale } from '../internal/localization.js';
import { styles } from './provider.styles.js';

/** Where a provider keeps documents when the host gives no adapter. */
export type ProviderStorage = 'indexeddb' | 'memory';

/**
 * A host's own storage: one {@link DocumentStore} for every kind of document
 * the elements keep, or a {@link StoreSource} giving one store per kind.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one adapter serves documents of any kind
export type StoreAdapter = DocumentStore<any> | StoreSource;

/**
 * The document kinds the service keeps (core's `SERVICE_DOCUMENT_KINDS`, repeated here so that the HTTP
 * stores load only when a page sets `service-url`: see `serviceStores()`).
 */
const SERVICE_KINDS: readonly string[] = ['links.plan', 'links.network-register', 'links.outcome-responses'];

/** The service's address without a trailing `/` or `/api` (as core's `serviceBase`). */
const serviceAddress = (url: unknown): string =>
  typeof url === 'string'
    ? url
        .trim()
        .replace(/\/+$/, '')
        .replace(/\/api$/, '')
    : '';

/** What a provider connected to a service keeps: the stores (loaded on first use) and the wrappers it gave out. */
interface Connection {
  readonly key: string;
  readonly feed: ChangeFeed | undefined;
  readonly stores: () => Promise<ServiceStores>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stores of every kind share one cache
  readonly documents: Map<string, DocumentStore<any>>;
  readonly referrals: ReferralStore;
}

const isSource = (adapter: StoreAdapter): adapter is StoreSource =>
  typeof (adapter as { storeFor?: unknown }).storeFor === 'function';

/**
 * Binds the elements inside it to a store and to the host's person labels,
 * so a page sets them once instead of on every element.
 *
 * - **Store.** Elements that keep documents (the plan editor) load and save
 *   through the provider unless their own `store` is set: in IndexedDB by
 *   default (one database per document kind, named `database-prefix` and
 *   the kind, e.g. `links-approach:links.plan`), in memory with
 *   `storage="memory"`, on the shared Links service with `service-url`, or
 *   through a host adapter set as the `store` property (a `DocumentStore`,
 *   or an object with `storeFor(codec)`).
 * - **Service.** With `service-url` (and the host's `getToken` callback),
 *   plans, network registers and outcome responses are kept on
 *   `@links-approach/server` over HTTP (kinds the service does not keep stay
 *   in `storage`), and the referral elements get the service's referral
 *   store and its live feed. The token is only ever sent in the
 *   `Authorization` header: never put in a URL or stored. Switching a page
 *   from IndexedDB to the service is adding this one attribute. Referral
 *   changes recorded offline wait in IndexedDB for the person who recorded
 *   them (read from the token's `sub`, stored only as a SHA-256): on a shared
 *   device another person signing in neither sees nor sends them.
 * - **Person labels.** Elements that show people (caseload, referral detail,
 *   referral form) show the label the host's `personLabel` callback returns
 *   for a pseudonymous reference, followed by the reference. Labels are only
 *   shown: never stored, logged, or put in events or URLs. Without a
 *   resolver, or while an asynchronous one has not answered, the reference is
 *   shown.
 *
 * The nearest provider wins: an inner provider replaces an outer one for
 * both the store and the labels (an inner provider without `personLabel`
 * shows references). The provider renders nothing of its own
 * (`display: contents`).
 *
 * @summary Gives the elements inside it a store (IndexedDB, memory, the Links service or a host adapter) and the host's person labels.
 *
 * @slot - The page content whose `links-*` elements use this provider.
 */
export class LinksProvider extends LinksElement {
  static override styles = [LinksElement.styles, styles];

  /** Where documents are kept when no `store` adapter is set: `indexeddb` (default) or `memory` (lost on reload). */
  @property({ reflect: true })
  storage: ProviderStorage = 'indexeddb';

  /** IndexedDB only: the start of each database name; the document kind follows (default `links-approach:`). */
  @property({ attribute: 'database-prefix' })
  databasePrefix = 'links-approach:';

  /**
   * A host adapter, used instead of `storage`: a `DocumentStore` (used for
   * every kind of document; today only business plans, kind `links.plan`),
   * or an object with `storeFor(codec)` returning the store for each kind.
   */
  @property({ attribute: false })
  store: StoreAdapter | undefined;

  /**
   * The address of the shared Links service (`@links-approach/server`), e.g.
   * `https://links.example.scot`: plans, network registers, outcome
   * responses and referrals are then kept there, for the whole practice
   * team. Unset (the default) keeps documents in `storage`. A `store`
   * adapter, when set, still wins for documents.
   */
  @property({ attribute: 'service-url', reflect: true })
  serviceUrl: string | undefined;

  /**
   * With `service-url`: the host's token callback, `() => string | Promise<string>`,
   * called before each request (e.g. MSAL's `acquireTokenSilent` for Entra ID).
   * The token goes only in the `Authorization` header, never in a URL or any storage.
   */
  @property({ attribute: false })
  getToken: TokenProvider | undefined;

  /**
   * With `service-url`: the service's live change feed (`createChangeFeed`
   * from `@links-approach/core/service`), through which elements hear of
   * other people's changes within a second. Without it they see their own.
   */
  @property({ attribute: false })
  changeFeed: ChangeFeed | undefined;

  /**
   * A referral store for the referral elements when there is no
   * `service-url` (e.g. `createMemoryReferralStore()` for an offline-only
   * host), or to use instead of the service's (e.g. one wrapped in an
   * offline queue).
   */
  @property({ attribute: false })
  referralStore: ReferralStore | undefined;

  /**
   * The host's person-label resolver: `(personRef) => string | Promise<string>`.
   * Elements inside show its answer for each pseudonymous reference. It is
   * the only way a name reaches the page: the toolkit never stores or logs it.
   */
  @property({ attribute: false })
  personLabel: PersonLabelResolver | undefined;

  /**
   * The language of every `links-*` element on the page: `en-GB` (the
   * default) or `gd` (Scottish Gaelic, a draft translation). The language is
   * page-wide, as `@lit/localize` keeps one; unset leaves it as it is. An
   * unsupported value is ignored with a console warning.
   */
  @property({ reflect: true })
  locale: LinksLocale | undefined;

  /** Stores made by this provider, by storage, database prefix and kind, so each is made once. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stores of every kind share one cache
  private readonly stores = new Map<string, DocumentStore<any>>();
  private readonly storeProvider = new ContextProvider(this, { context: storeContext });
  private readonly labelProvider = new ContextProvider(this, { context: personLabelContext });
  private readonly referralProvider = new ContextProvider(this, { context: referralContext });
  private sourceKey: unknown[] = [];
  private referralKey: unknown[] = [];
  /** The service's stores, made once per address and feed. */
  private service: Connection | undefined;

  constructor() {
    super();
    ensureContextRoot();
  }

  override connectedCallback(): void {
    // Attributes are set by now: answer the elements inside with the right store from the start.
    this.refresh();
    super.connectedCallback();
  }

  /**
   * The store elements inside get for documents of `codec`'s kind: the
   * adapter's, or one this provider keeps in IndexedDB or memory. Host code
   * can use it too, to keep its own documents beside the elements'.
   */
  storeFor<T extends StoredDocument>(codec: StoreCodec<T>): DocumentStore<T> | undefined {
    const adapter = this.store;
    if (adapter) return isSource(adapter) ? adapter.storeFor(codec) : (adapter as DocumentStore<T>);
    const connection = this.connection();
    if (connection && SERVICE_KINDS.includes(codec.kind)) {
      let store = connection.documents.get(codec.kind) as DocumentStore<T> | undefined;
      if (!store) {
        store = lazyDocumentStore(async () => (await connection.stores()).storeFor<T>(codec)!);
        connection.documents.set(codec.kind, store);
      }
      return store;
    }
    const storage: ProviderStorage = this.storage === 'memory' ? 'memory' : 'indexeddb';
    const key = JSON.stringify([storage, storage === 'memory' ? '' : this.databasePrefix, codec.kind]);
    let store = this.stores.get(key) as DocumentStore<T> | undefined;
    if (!store) {
      store =
        storage === 'memory'
          ? createMemoryStore(codec)
          : createIdbStore(codec, { databaseName: `${this.databasePrefix}${codec.kind}` });
      this.stores.set(key, store);
    }
    return store;
  }

  /**
   * The service's stores (HTTP, over `fetch`) when `service-url` is set, for
   * host code: e.g. `(await provider.serviceStores())?.referrals`. They are
   * loaded on first use, so pages without a service never download them.
   */
  async serviceStores(): Promise<ServiceStores | undefined> {
    return this.connection()?.stores();
  }

  private connection(): Connection | undefined {
    const url = serviceAddress(this.serviceUrl);
    if (!url) return undefined;
    if (this.service?.key !== url || this.service.feed !== this.changeFeed) {
      const feed = this.changeFeed;
      let loading: Promise<ServiceStores> | undefined;
      const stores = () =>
        (loading ??= Promise.all([
          import('@links-approach/core/service'),
          import('../idb-store/idb-queue-storage.js'),
        ]).then(([service, queue]) => {
          // The callback is read at each request, so a new `getToken` needs no new stores; the token is never kept.
          const getToken = () => this.getToken?.();
          // Referral events recorded with no signal wait in IndexedDB and are sent, in order, when it returns:
          // core keeps each for the person signed in when it was recorded (the token's subject, hashed) and
          // shows and sends it only to them, with their own token (hazard H-31).
          const lock = queue.webLock();
          return service.createServiceStores({
            baseUrl: url,
            getToken,
            feed:
              feed ?? service.createChangeFeed({ baseUrl: url, getToken: async () => (await getToken()) ?? undefined }),
            queue: queue.createIdbQueueStorage({ databaseName: `${this.databasePrefix}referral-queue` }),
            queueOptions: lock ? { lock } : {},
          });
        }));
      this.service = {
        key: url,
        feed,
        stores,
        documents: new Map(),
        referrals: lazyReferralStore(async () => (await stores()).referrals),
      };
    }
    return this.service;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) {
      setLocale(this.locale).catch((error: Error) =>
        console.warn(`<links-provider locale="${this.locale}">: ${error.message}`),
      );
    }
    if (
      changed.has('store') ||
      changed.has('storage') ||
      changed.has('databasePrefix') ||
      changed.has('personLabel') ||
      changed.has('serviceUrl') ||
      changed.has('changeFeed') ||
      changed.has('referralStore')
    )
      this.refresh();
  }

  /** Tells the elements inside about a changed store or resolver (only when something changed). */
  private refresh(): void {
    const key = [this.store, this.storage, this.databasePrefix, this.serviceUrl, this.changeFeed];
    if (key.some((part, i) => part !== this.sourceKey[i]) || this.storeProvider.value === undefined) {
      this.sourceKey = key;
      this.storeProvider.setValue({ storeFor: (codec) => this.storeFor(codec) });
    }
    const referralKey = [this.referralStore, this.serviceUrl, this.changeFeed];
    if (referralKey.some((part, i) => part !== this.referralKey[i])) {
      this.referralKey = referralKey;
      this.referralProvider.setValue(this.referralSource());
    }
    const resolver = typeof this.personLabel === 'function' ? this.personLabel : undefined;
    if (this.labelProvider.value !== resolver) this.labelProvider.setValue(resolver);
  }

  /** What the referral elements inside get: the host's referral store, or the service's, with the feed's status. */
  private referralSource(): ReferralSource | undefined {
    const connection = this.connection();
    const store = this.referralStore ?? connection?.referrals;
    if (!store) return undefined;
    if (this.referralStore) {
      const feed = this.changeFeed;
      return feed?.onStatus
        ? { store, onStatus: (listener: (status: FeedStatus) => void) => feed.onStatus!(listener) }
        : { store };
    }
    // The service's store (queued when offline) tells whether the service answered and when data was last current.
    const stores = connection!.stores;
    return { store, onStatus: (listener: (status: FeedStatus) => void) => lazyStatus(stores, listener) };
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
