export {
  createIdbStore,
  createIdbPlanStore,
  deleteIdbStore,
  type IdbStore,
  type IdbStoreOptions,
} from './idb-store.js';
export {
  createIdbQueueStorage,
  webLock,
  type IdbQueueStorage,
  type IdbQueueStorageOptions,
} from './idb-queue-storage.js';
