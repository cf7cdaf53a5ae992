/**
 * `@links-approach/core/service`: talking to `@links-approach/server` with
 * `fetch` only (no DOM): the referral store and change-feed contracts, and
 * their HTTP implementations.
 *
 * @packageDocumentation
 */
export type * from './types.js';
export { createChangeFeed, type ChangeFeedOptions, type HttpChangeFeed, type StreamFetch, type StreamFetchInit, type StreamResponseLike } from './change-feed.js';
