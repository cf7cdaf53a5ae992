import { ContextRoot, createContext } from '@lit/context';
import type { DocumentStore, StoreCodec, StoredDocument } from '@links-approach/core/store';
import type { FeedStatus, ReferralStore } from '@links-approach/core/service';
import { PERSON_LABEL_CONTEXT_KEY, REFERRAL_CONTEXT_KEY, STORE_CONTEXT_KEY } from './context-keys.js';

/**
 * Gives the store for each kind of document the elements keep (business
 * plans today): what `<links-provider>` shares with the elements inside it.
 */
export interface StoreSource {
  /**
   * The store for documents checked by `codec` (one store per `codec.kind`),
   * or `undefined` when this source keeps no documents of that kind.
   */
  storeFor<T extends StoredDocument>(codec: StoreCodec<T>): DocumentStore<T> | undefined;
}

/**
 * The host's person-label resolver: turns a pseudonymous person reference
 * into the label staff should see (usually a name from the host system).
 * Labels are only ever shown: the toolkit never stores, logs or sends them.
 */
export type PersonLabelResolver = (personRef: string) => string | Promise<string>;

/**
 * The store context. Keys are global symbols so that two copies of the
 * package on one page (say, the script-tag bundle and a module import)
 * still find each other's providers.
 */
export const storeContext = createContext<StoreSource | undefined>(STORE_CONTEXT_KEY);

/** The person-label context: the host's resolver, or `undefined` to show references. */
export const personLabelContext = createContext<PersonLabelResolver | undefined>(PERSON_LABEL_CONTEXT_KEY);

/**
 * What a provider connected to a service (or an offline-only host) gives the
 * referral elements: the referral store, and the connection status they show
 * ("waiting to send", "up to date at …").
 */
export interface ReferralSource {
  readonly store: ReferralStore;
  /** Connection status of the store's live feed, when it has one. */
  readonly onStatus?: (listener: (status: FeedStatus) => void) => () => void;
}

/** The referral context: the provider's referral source, or `undefined` when the host feeds the elements itself. */
export const referralContext = createContext<ReferralSource | undefined>(REFERRAL_CONTEXT_KEY);

const ROOT_FLAG = Symbol.for('links-approach.context.root');

/**
 * Makes sure requests from elements that connect before their provider is
 * defined or connected are answered once it is (a `ContextRoot` on the
 * document, attached once per page whatever the number of package copies).
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const flags = globalThis as { [ROOT_FLAG]?: boolean };
  if (flags[ROOT_FLAG]) return;
  flags[ROOT_FLAG] = true;
  new ContextRoot().attach(document as unknown as HTMLElement);
}
