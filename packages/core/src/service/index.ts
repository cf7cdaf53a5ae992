/**
 * `@links-approach/core/service`: talking to `@links-approach/server` with
 * `fetch` only (no DOM): the referral store and change-feed contracts, and
 * their HTTP implementations.
 *
 * @packageDocumentation
 */
export type * from './types.js';
export { createMemoryReferralStore, type MemoryReferralStore, type MemoryReferralStoreOptions } from './memory-referral-store.js';
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
