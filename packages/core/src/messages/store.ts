/**
 * The stores' own messages (saving a document, appending a referral event)
 * and the service client's (the Links service could not be reached, refused
 * the request, …) as codes with parameters, and their English. A store error
 * or a service problem that core writes itself carries one of these codes as
 * `messageCode` with `params` beside its English `message`, which is
 * rendered here, so it is written once. Messages the service wrote are passed
 * on with the code the service gave (or none).
 */
import type { MessageRenderers } from './types.js';

/** The parameters of each store and service message code. */
export interface StoreMessageParams {
  /** A save's `expectedRevision` that is not a whole number of 0 or more. */
  readonly 'store.expected-revision': Record<string, never>;
  /** A save that expected revision `expected` of a document nothing is stored under. */
  readonly 'store.nothing-stored': { readonly expected: number };
  /** A save that expected revision `expected` while `current` (saved by `savedBy` at `savedAt`) is stored. */
  readonly 'store.newer-revision': {
    readonly expected: number;
    readonly current: number;
    readonly savedBy: string;
    readonly savedAt: string;
  };
  /** A save given something that is not a document. */
  readonly 'store.not-a-document': Record<string, never>;
  /** A save of a document without a text id. */
  readonly 'store.document-id': Record<string, never>;
  /** An append of an event without a text referral id. */
  readonly 'store.referral-id': Record<string, never>;
  /** An append's `expectedVersion` that is not a whole number of 0 or more. */
  readonly 'store.expected-version': Record<string, never>;
  /** An append's idempotency key that is not 1 to 200 visible ASCII characters. */
  readonly 'store.idempotency-key': Record<string, never>;
  /** An append without an idempotency key (the in-memory store). */
  readonly 'store.idempotency-key-missing': Record<string, never>;
  /** An event that names no referral (the in-memory store). */
  readonly 'store.no-referral': Record<string, never>;
  /** An event written against version `expected` of a stream that is at `current`. */
  readonly 'store.stream-moved': { readonly current: number; readonly expected: number };
  /** A document save refused because no one is signed in (HTTP 401). */
  readonly 'store.sign-in-again': Record<string, never>;
  /** An append refused because no one is signed in (HTTP 401): the change is kept. */
  readonly 'store.sign-in-kept': Record<string, never>;
  /** Offline, with no one signed in: the change was not kept. */
  readonly 'store.offline-no-owner': Record<string, never>;
  /** Offline, with the referral not loaded on this device: the change was not kept. */
  readonly 'store.offline-not-loaded': Record<string, never>;
  /** Offline, and keeping the change on this device failed (`why`: the storage's own error text). */
  readonly 'store.offline-not-kept': { readonly why: string };
  /** The service could not be reached (an offline queue's flush). */
  readonly 'store.offline': Record<string, never>;
  /** An idempotency key a change kept for another person on this device already uses. */
  readonly 'store.key-used-by-another': Record<string, never>;
  /** The platform has no `fetch`. */
  readonly 'service.no-fetch': Record<string, never>;
  /** The service did not answer within `seconds`. */
  readonly 'service.timeout': { readonly seconds: number };
  /** The service could not be reached. */
  readonly 'service.unreachable': Record<string, never>;
  /** HTTP 401 without a message from the service. */
  readonly 'service.not-signed-in': Record<string, never>;
  /** HTTP 403 without a message from the service. */
  readonly 'service.forbidden': Record<string, never>;
  /** HTTP 404 without a message from the service. */
  readonly 'service.not-found': Record<string, never>;
  /** HTTP 429 without a message from the service. */
  readonly 'service.busy': Record<string, never>;
  /** HTTP 503 (or another 5xx) without a message from the service. */
  readonly 'service.unavailable': Record<string, never>;
  /** Another HTTP `status` without a message from the service. */
  readonly 'service.refused': { readonly status: number };
}

/** A store or service message code. */
export type StoreMessageCode = keyof StoreMessageParams;

/** The English of every store and service message code. */
export const STORE_MESSAGES_EN: MessageRenderers<StoreMessageParams> = {
  'store.expected-revision': () => 'must be the revision the edit started from: a whole number, 0 for a new document',
  'store.nothing-stored': (p) => `expected revision ${p.expected}, but nothing is stored under this id`,
  'store.newer-revision': (p) =>
    `expected revision ${p.expected}, but revision ${p.current} is stored (saved by ${p.savedBy} at ${p.savedAt}): someone else saved a newer version`,
  'store.not-a-document': () => 'must be a document (an object)',
  'store.document-id': () => 'must be the id of the document (text)',
  'store.referral-id': () => 'must be the id of the referral (text)',
  'store.expected-version': () =>
    'must be the stream version the event was written against: a whole number, 0 for a new referral',
  'store.idempotency-key': () => 'must be 1 to 200 visible ASCII characters, unique to this event (a UUID is ideal)',
  'store.idempotency-key-missing': () => 'An append needs an idempotency key.',
  'store.no-referral': () => 'The event names no referral.',
  'store.stream-moved': (p) =>
    `The referral has changed since this was written (it is at version ${p.current}, not ${p.expected}).`,
  'store.sign-in-again': () =>
    'You are not signed in to the Links service (or your sign-in has expired): sign in again.',
  'store.sign-in-kept': () =>
    'You are not signed in to the Links service (or your sign-in has expired). The change is kept and will be sent once you sign in again.',
  'store.offline-no-owner': () =>
    'The service could not be reached, and no one is signed in on this page (or the sign-in could not be renewed without a connection), so the change could not be kept for the person who made it. Nothing was recorded: sign in, then record it again.',
  'store.offline-not-loaded': () =>
    'The service could not be reached, and this referral has not been loaded on this device, so the change could not be kept. Nothing was recorded.',
  'store.offline-not-kept': (p) =>
    `The service could not be reached, and the change could not be kept on this device (${p.why}). Nothing was recorded.`,
  'store.offline': () => 'The service could not be reached.',
  'store.key-used-by-another': () =>
    'is already used by a change kept on this device for another person: give each event a key of its own',
  'service.no-fetch': () => 'This platform has no fetch: the Links service cannot be reached.',
  'service.timeout': (p) => `The Links service did not answer within ${p.seconds} seconds.`,
  'service.unreachable': () => 'The Links service could not be reached (no connection?).',
  'service.not-signed-in': () =>
    'You are not signed in to the Links service, or your sign-in has expired: sign in again.',
  'service.forbidden': () => 'Your role may not do this.',
  'service.not-found': () => 'There is no such record among your practices.',
  'service.busy': () => 'The Links service is busy: try again in a minute.',
  'service.unavailable': () => 'The Links service is not available just now: try again shortly.',
  'service.refused': (p) => `The Links service refused the request (HTTP ${p.status}).`,
};

/** A store or service message: its English `message` beside its `messageCode` and `params`. */
export interface StoreMessage<C extends StoreMessageCode = StoreMessageCode> {
  readonly message: string;
  readonly messageCode: C;
  readonly params: StoreMessageParams[C];
}

/**
 * A store or service message as the fields an error carries: `message` (the
 * English), `messageCode` and `params`. Spread it into the error.
 */
export function storeMessage<C extends StoreMessageCode>(code: C, params: StoreMessageParams[C]): StoreMessage<C> {
  const message = (STORE_MESSAGES_EN[code] as (p: StoreMessageParams[C]) => string)(params);
  return { message, messageCode: code, params };
}
