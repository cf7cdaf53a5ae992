import type { Result } from '../validation/result.js';
import { prepareSave } from './prepare.js';
import type {
  DocumentStore,
  SaveError,
  SaveOptions,
  StoreCodec,
  StoredDocument,
  StoreEvent,
  StoreListener,
} from './types.js';

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** The clock used for `savedAt`; defaults to the system clock. Tests pass a fixed one. */
  readonly now?: () => Date;
}

/** Calls each listener, so that one failing listener neither stops the others nor fails the save. */
export function notifyStoreListeners<T>(listeners: Iterable<StoreListener<T>>, event: StoreEvent<T>): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // A subscriber's bug must not undo or fail a save that has happened.
    }
  }
}

/**
 * A {@link DocumentStore} held in memory: for tests, servers that persist
 * elsewhere, and demos. Stored revisions are frozen copies, so nothing a
 * caller does to its objects reaches the store.
 */
export function createMemoryStore<T extends StoredDocument>(
  codec: StoreCodec<T>,
  options: MemoryStoreOptions = {},
): DocumentStore<T> {
  const revisions = new Map<string, T[]>();
  const listeners = new Set<StoreListener<T>>();
  const now = options.now ?? (() => new Date());
  const latest = (id: string): T | undefined => revisions.get(id)?.at(-1);

  return {
    async get(id) {
      return typeof id === 'string' ? latest(id) : undefined;
    },
    async list() {
      return [...revisions.keys()].sort().map((id) => latest(id)!);
    },
    async save(document: T, saveOptions: SaveOptions): Promise<Result<T, SaveError>> {
      const id = (document as { id?: unknown } | null)?.id;
      const current = typeof id === 'string' ? latest(id) : undefined;
      const prepared = prepareSave(codec, current, document, saveOptions, now());
      if (!prepared.ok) return prepared;
      const saved = prepared.value;
      const list = revisions.get(saved.id) ?? [];
      revisions.set(saved.id, [...list, saved]);
      notifyStoreListeners(listeners, { type: 'saved', id: saved.id, revision: saved.revision, document: saved });
      return prepared;
    },
    async history(id) {
      return [...(revisions.get(id) ?? [])];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
