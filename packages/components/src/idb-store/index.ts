export {
  createIdbStore,
  createIdbPlanStore,
  deleteIdbStore,
  type IdbStore,
  type IdbStoreOptions,
} from './idb-store.js';
