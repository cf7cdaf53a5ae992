import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import {
  createMemoryStore,
  type DocumentStore,
  type StoreCodec,
  type StoredDocument,
} from '@links-approach/core/store';
import { createIdbStore } from '../idb-store/idb-store.js';
import { LinksElement } from '../internal/links-element.js';
import {
  ensureContextRoot,
  personLabelContext,
  storeContext,
  type PersonLabelResolver,
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
 *   `storage="memory"`, or through a host adapter set as the `store`
 *   property (a `DocumentStore`, or an object with `storeFor(codec)`).
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
 * @summary Gives the elements inside it a store (IndexedDB, memory or a host adapter) and the host's person labels.
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
  private sourceKey: unknown[] = [];

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) {
      setLocale(this.locale).catch((error: Error) => console.warn(`<links-provider locale="${this.locale}">: ${error.message}`));
    }
    if (changed.has('store') || changed.has('storage') || changed.has('databasePrefix') || changed.has('personLabel'))
      this.refresh();
  }

  /** Tells the elements inside about a changed store or resolver (only when something changed). */
  private refresh(): void {
    const key = [this.store, this.storage, this.databasePrefix];
    if (key.some((part, i) => part !== this.sourceKey[i]) || this.storeProvider.value === undefined) {
      this.sourceKey = key;
      this.storeProvider.setValue({ storeFor: (codec) => this.storeFor(codec) });
    }
    const resolver = typeof this.personLabel === 'function' ? this.personLabel : undefined;
    if (this.labelProvider.value !== resolver) this.labelProvider.setValue(resolver);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
