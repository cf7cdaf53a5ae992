import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  notifyStoreListeners,
  planCodec,
  prepareSave,
  type DocumentStore,
  type PlanCodecOptions,
  type SaveError,
  type SaveOptions,
  type StoreCodec,
  type StoredDocument,
  type StoreListener,
} from '@links-approach/core/store';
import { type Plan } from '@links-approach/core/plan';
import { type Result } from '@links-approach/core';

interface Schema<T> extends DBSchema {
  /** The latest revision of each document, by id. */
  latest: { key: string; value: T };
  /** Every saved revision, by [id, revision]. */
  revisions: { key: [string, number]; value: T };
}

/** Options for {@link createIdbStore}. */
export interface IdbStoreOptions {
  /** The IndexedDB database name; defaults to `links-approach:` and the codec's kind (e.g. `links-approach:links.plan`). */
  readonly databaseName?: string;
  /** The clock used for `savedAt`; defaults to the system clock. */
  readonly now?: () => Date;
  /**
   * Tell other tabs of the same origin about saves (through a
   * `BroadcastChannel` named like the database), so their subscribers hear
   * them too. Default `true`.
   */
  readonly broadcast?: boolean;
}

/** A {@link DocumentStore} in IndexedDB, with a way to let the database go. */
export interface IdbStore<T extends StoredDocument> extends DocumentStore<T> {
  /** The database name in use. */
  readonly databaseName: string;
  /** Closes the database and the broadcast channel; the store cannot be used afterwards. */
  close(): void;
}

function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  }
  return value;
}

function storageError(error: unknown): { ok: false; errors: SaveError[] } {
  const name = error instanceof DOMException ? error.name : '';
  const why =
    name === 'QuotaExceededError'
      ? 'the browser has no more storage space for this site'
      : name === 'InvalidStateError'
        ? 'the database was closed (perhaps by another tab upgrading it); reload the page'
        : error instanceof Error
          ? error.message
          : String(error);
  return { ok: false, errors: [{ code: 'storage', path: '', message: `could not save: ${why}. Nothing was saved.` }] };
}

/**
 * A {@link DocumentStore} kept in the browser's IndexedDB (through `idb`):
 * the latest revision of each document and every earlier one. A save reads
 * the current revision and writes the new one in a single transaction, so
 * two tabs saving at once cannot both win: the second gets a `conflict`.
 * A refused save (conflict, invalid, storage failure) writes nothing.
 */
export function createIdbStore<T extends StoredDocument>(
  codec: StoreCodec<T>,
  options: IdbStoreOptions = {},
): IdbStore<T> {
  const databaseName = options.databaseName ?? `links-approach:${codec.kind}`;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<StoreListener<T>>();
  let closed = false;
  let database: Promise<IDBPDatabase<Schema<T>>> | undefined;
  const open = () =>
    (database ??= openDB<Schema<T>>(databaseName, 1, {
      upgrade(db) {
        db.createObjectStore('latest', { keyPath: 'id' });
        db.createObjectStore('revisions', { keyPath: ['id', 'revision'] });
      },
      blocking() {
        // Another tab wants a newer version: let it, and reopen on next use.
        void database?.then((db) => db.close());
        database = undefined;
      },
    }));

  const channel =
    options.broadcast !== false && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(databaseName)
      : undefined;
  if (channel) {
    channel.onmessage = async (message: MessageEvent<unknown>) => {
      const data = message.data as { id?: unknown; revision?: unknown } | null;
      if (closed || typeof data?.id !== 'string' || typeof data.revision !== 'number') return;
      const document = await store.get(data.id).catch(() => undefined);
      notifyStoreListeners(listeners, { type: 'saved', id: data.id, revision: data.revision, document });
    };
  }

  const store: IdbStore<T> = {
    databaseName,
    async get(id) {
      if (typeof id !== 'string') return undefined;
      const found = await (await open()).get('latest', id);
      return found === undefined ? undefined : freeze(found);
    },
    async list() {
      const all = await (await open()).getAll('latest');
      return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(freeze);
    },
    async save(document: T, saveOptions: SaveOptions): Promise<Result<T, SaveError>> {
      let prepared: Result<T, SaveError>;
      try {
        const db = await open();
        const tx = db.transaction(['latest', 'revisions'], 'readwrite');
        const id = (document as { id?: unknown } | null)?.id;
        const current = typeof id === 'string' ? await tx.objectStore('latest').get(id) : undefined;
        prepared = prepareSave(codec, current, document, saveOptions, now());
        if (prepared.ok) {
          // Both writes are queued in the same transaction: both happen or neither does.
          // A failed request aborts the transaction, and tx.done reports it.
          tx.objectStore('revisions')
            .add(prepared.value)
            .catch(() => undefined);
          tx.objectStore('latest')
            .put(prepared.value)
            .catch(() => undefined);
        }
        await tx.done;
      } catch (error) {
        return storageError(error);
      }
      if (prepared.ok) {
        const saved = prepared.value;
        notifyStoreListeners(listeners, { type: 'saved', id: saved.id, revision: saved.revision, document: saved });
        channel?.postMessage({ id: saved.id, revision: saved.revision });
      }
      return prepared;
    },
    async history(id) {
      if (typeof id !== 'string') return [];
      const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
      return (await (await open()).getAll('revisions', range)).map(freeze);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closed = true;
      channel?.close();
      void database?.then((db) => db.close());
      database = undefined;
    },
  };
  return store;
}

/** A plan store in IndexedDB (database `links-approach:links.plan` unless named). */
export function createIdbPlanStore(options: IdbStoreOptions & PlanCodecOptions = {}): IdbStore<Plan> {
  return createIdbStore(planCodec(options), options);
}

/** Deletes a store's IndexedDB database (for "reset demo data" buttons and tests). Close stores using it first. */
export async function deleteIdbStore(databaseName: string): Promise<void> {
  await deleteDB(databaseName);
}
