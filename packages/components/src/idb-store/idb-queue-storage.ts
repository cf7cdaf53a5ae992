import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedEvent, QueueStorage } from '@links-approach/core/service';

interface Schema extends DBSchema {
  /** Queued referral events, by their first idempotency key. */
  queue: { key: string; value: QueuedEvent };
}

/** Options for {@link createIdbQueueStorage}. */
export interface IdbQueueStorageOptions {
  /**
   * The IndexedDB database name (default `links-approach:referral-queue`).
   * Never put a person's reference or name in it: database names are visible
   * to anyone with the browser's developer tools, even when the data is not.
   */
  readonly databaseName?: string;
}

/** A {@link QueueStorage} in IndexedDB, with a way to let the database go. */
export interface IdbQueueStorage extends QueueStorage {
  /** The database name in use. */
  readonly databaseName: string;
  /** Closes the database; the storage cannot be used afterwards. */
  close(): void;
}

function storageFailure(error: unknown, what: string): Error {
  const name = error instanceof DOMException ? error.name : '';
  const why =
    name === 'QuotaExceededError'
      ? 'the browser has no more storage space for this site'
      : name === 'InvalidStateError'
        ? 'the database was closed (perhaps by another tab upgrading it); reload the page'
        : error instanceof Error
          ? error.message
          : String(error);
  return new Error(`could not ${what} the referral events waiting to be sent: ${why}.`);
}

/**
 * Keeps the referral events waiting to be sent (core's offline queue,
 * `createQueuedReferralStore`) in the browser's IndexedDB, so they survive a
 * reload or a closed tab until the service accepts them. The events are the
 * person's referral data, as the other IndexedDB stores of the toolkit hold:
 * the device must be one the practice trusts with it (hazard log H-31).
 *
 * @example
 * const store = createQueuedReferralStore(httpStore, createIdbQueueStorage());
 */
export function createIdbQueueStorage(options: IdbQueueStorageOptions = {}): IdbQueueStorage {
  const databaseName = options.databaseName ?? 'links-approach:referral-queue';
  let database: Promise<IDBPDatabase<Schema>> | undefined;
  const open = () =>
    (database ??= openDB<Schema>(databaseName, 1, {
      upgrade(db) {
        db.createObjectStore('queue', { keyPath: 'key' });
      },
      blocking() {
        void database?.then((db) => db.close());
        database = undefined;
      },
    }));
  return {
    databaseName,
    async load() {
      try {
        const all = await (await open()).getAll('queue');
        return all.sort((a, b) => a.seq - b.seq);
      } catch (error) {
        throw storageFailure(error, 'read');
      }
    },
    async put(entry) {
      try {
        await (await open()).put('queue', entry);
      } catch (error) {
        throw storageFailure(error, 'keep');
      }
    },
    async remove(key) {
      try {
        await (await open()).delete('queue', key);
      } catch (error) {
        throw storageFailure(error, 'remove one of');
      }
    },
    close() {
      void database?.then((db) => db.close());
      database = undefined;
    },
  };
}

/**
 * A lock shared by every tab of the origin (the Web Locks API), for
 * `createQueuedReferralStore`'s `lock` option, so two tabs never send the
 * same queue at once. `undefined` where the browser has no Web Locks.
 */
export function webLock(
  name = 'links-approach:referral-queue',
): (<T>(task: () => Promise<T>) => Promise<T>) | undefined {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return undefined;
  return <T>(task: () => Promise<T>) => locks.request(name, () => task()) as Promise<T>;
}
