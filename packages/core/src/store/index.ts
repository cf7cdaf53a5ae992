/**
 * `@links-approach/core/store`: Document stores: the `DocumentStore` interface every storage adapter implements, and an in-memory store.
 *
 * @packageDocumentation
 */
export type {
  StoredDocument,
  StoreCodec,
  SaveOptions,
  ConflictError,
  InvalidError,
  StorageError,
  SaveError,
  StoreEvent,
  StoreListener,
  DocumentStore,
} from './types.js';
export type { ForbiddenError, UnreachableError } from '../service/types.js';
export { prepareSave } from './prepare.js';
export { payloadCodec, type PayloadDocument } from './payload-codec.js';
export { createMemoryStore, notifyStoreListeners, type MemoryStoreOptions } from './memory-store.js';
export { createMemoryPlanStore, planCodec, type PlanStore, type PlanCodecOptions } from './plan-store.js';
export {
  STORE_MESSAGES_EN,
  storeMessage,
  type StoreMessage,
  type StoreMessageCode,
  type StoreMessageParams,
} from '../messages/store.js';
