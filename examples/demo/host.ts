// What the demo page does as "the host": the practice intranet (or GP system)
// that embeds the links-* elements. Everything here is the host's job, not the
// toolkit's: finding the <links-provider>, looking up people's names, and
// wiping the demo's data.
import '@links-approach/components/provider.js';
import { deleteIdbStore } from '@links-approach/components/idb-store.js';
import type { LinksProvider } from '@links-approach/components/provider.js';
import type { DocumentStore, StoreCodec, StoredDocument } from '@links-approach/core/store';

/** The document kinds the demo keeps in IndexedDB (one database each). */
export const DEMO_KINDS = ['links.plan', 'links-demo.referral', 'links-demo.network-register'] as const;

/** The page's provider: every element inside it loads and saves through it. */
export function demoProvider(): LinksProvider {
  const provider = document.querySelector('links-provider');
  if (!provider) throw new Error('The demo page has no <links-provider>.');
  return provider;
}

/** The provider's store for one kind of document (in IndexedDB, unless the page says otherwise). */
export function demoStore<T extends StoredDocument>(codec: StoreCodec<T>): DocumentStore<T> {
  const store = demoProvider().storeFor(codec);
  if (!store) throw new Error(`The provider keeps no ${codec.kind} documents.`);
  return store;
}

// ---------------------------------------------------------------------------
// Person labels: THE HOST'S JOB. A real GP system looks the pseudonymous
// reference up in its own patient index and returns the name to show. The
// toolkit only ever shows what this returns: it never stores, logs or sends it.
// The demo makes obviously fictional names from the reference, and answers a
// moment later, as a lookup over the network would.

const GIVEN = ['Ailsa', 'Rory', 'Morven', 'Callum', 'Iona', 'Fraser', 'Eilidh', 'Hamish', 'Kirsty', 'Lachlan'];
const FAMILY = ['Example', 'Sample', 'Madeup', 'Pretend', 'Notreal', 'Placeholder', 'Specimen', 'Fictional'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The demo's person-label resolver: a made-up, obviously fictional name for each reference. */
export function demoPersonLabel(personRef: string): Promise<string> {
  const h = hash(personRef);
  const name = `${GIVEN[h % GIVEN.length]} ${FAMILY[Math.floor(h / GIVEN.length) % FAMILY.length]}`;
  return new Promise((resolve) => setTimeout(() => resolve(name), 30));
}

/** Closes the provider's IndexedDB stores and deletes every demo database. */
export async function deleteDemoData(): Promise<void> {
  const provider = demoProvider();
  for (const kind of DEMO_KINDS) {
    const store = provider.storeFor({ kind, validate: () => ({ ok: false, errors: [] }) }) as { close?: () => void };
    store?.close?.();
    await deleteIdbStore(`${provider.databasePrefix}${kind}`);
  }
}
