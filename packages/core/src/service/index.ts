/**
 * `@links-approach/core/service`: talking to `@links-approach/server` with
 * `fetch` only (no DOM): the referral store and change-feed contracts, their
 * HTTP implementations (plans, network registers, outcome responses and
 * referral event streams).
 *
 * @packageDocumentation
 */
export type * from './types.js';
export {
  createChangeFeed,
  type ChangeFeedOptions,
  type HttpChangeFeed,
  type StreamFetch,
  type StreamFetchInit,
  type StreamResponseLike,
} from './change-feed.js';
export {
  createServiceClient,
  servicePath,
  serviceBase,
  isTransient,
  problemMessage,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceFetch,
  type ServiceFetchInit,
  type ServiceResponseLike,
  type ServiceRequest,
  type ServiceAnswer,
  type ServiceProblem,
  type ServiceIssue,
  type TokenProvider,
} from './client.js';
export {
  createHttpPlanStore,
  createHttpNetworkRegisterStore,
  createHttpOutcomeResponsesStore,
  ServiceError,
  SERVICE_DOCUMENT_KINDS,
  type ServiceDocumentKind,
  type HttpStoreOptions,
  type PracticeDocument,
} from './http-document-store.js';
export { createHttpReferralStore, storedReferral } from './http-referral-store.js';
export { createServiceStores, type ServiceStores, type ServiceStoresOptions } from './service-stores.js';
export {
  createMemoryReferralStore,
  type MemoryReferralStore,
  type MemoryReferralStoreOptions,
} from './memory-referral-store.js';
export {
  createMemoryQueueStorage,
  createQueuedReferralStore,
  isQueuedReferralStore,
  sendKeyOf,
  type FlushReport,
  type QueuedEvent,
  type QueuedReferralStore,
  type QueuedReferralStoreOptions,
  type QueueRefusal,
  type QueueStorage,
} from './offline-queue.js';
export { queueOwnerKey, tokenQueueOwner, tokenSubject, UNKNOWN_QUEUE_OWNER, type QueueOwner } from './queue-owner.js';
export {
  STORE_MESSAGES_EN,
  storeMessage,
  type StoreMessage,
  type StoreMessageCode,
  type StoreMessageParams,
} from '../messages/store.js';
