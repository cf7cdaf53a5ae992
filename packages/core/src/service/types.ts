import type { Result } from '../validation/result.js';
import type { MessageParams } from '../messages/types.js';
import type { ReferralEvent, ReferralState, RejectionCode } from '../referral/types.js';
import type { ReferralStatus } from '../referral/constants.js';

/**
 * What changed on the service, as its push channel tells it: ids and
 * versions only, never content. A listener fetches what it is allowed to see.
 */
export interface Change {
  /** The position of this change in the service's change feed; resume after it. */
  readonly seq: number;
  /** Which kind of record changed. */
  readonly kind: 'referral' | 'plan' | 'network-register' | 'outcomes';
  /** The record's id (a referral id, a plan id, or a practice id for the register and outcomes). */
  readonly id: string;
  /** The practice the record belongs to. */
  readonly practiceId: string;
  /** The record's version after the change: the referral stream version or the document revision. */
  readonly version: number;
}

/** A live feed of {@link Change}s (server-sent events read through `fetch`, or an in-memory feed). */
export interface ChangeFeed {
  /**
   * Calls `listener` for every change the signed-in user may see, in order,
   * resuming from the last seen position after a dropped connection. Returns
   * the function that unsubscribes.
   */
  subscribe(listener: (change: Change) => void): () => void;
  /** Told when the connection state changes (`live`, `reconnecting`, `offline`) and when data was last known current. */
  onStatus?(listener: (status: FeedStatus) => void): () => void;
  /**
   * Told when the feed cannot say what changed since the last seen position
   * (the service does not know it, or it is too far back): refetch everything
   * shown. A reset never reaches `subscribe` listeners.
   */
  onReset?(listener: (reset: FeedReset) => void): () => void;
}

/** The feed lost its place: changes may have been missed, so refetch everything. */
export interface FeedReset {
  /** The service's head position; the feed carries on from here. */
  readonly seq: number;
}

/** Whether a feed is connected, and when it last knew it was up to date. */
export interface FeedStatus {
  readonly state: 'live' | 'reconnecting' | 'offline';
  /** ISO date-time at which the feed last knew its data was current (absent before the first connection). */
  readonly upToDateAt?: string;
}

/** One referral as a store lists it: its current state and stream version. */
export interface StoredReferral {
  readonly id: string;
  readonly practiceId: string;
  readonly status: ReferralStatus;
  /** The number of events in the stream (the version the next event is written against). */
  readonly version: number;
  /** ISO date-time of the latest event. */
  readonly updatedAt: string;
  readonly state: ReferralState;
}

/** Which referrals to list. */
export interface ReferralQuery {
  readonly practice?: string;
  readonly status?: ReferralStatus;
}

/** What an append needs besides the event. */
export interface AppendOptions {
  /** The stream version the event was written against (0 for a `created` event). */
  readonly expectedVersion: number;
  /** Unique to this event: a retry with the same key returns the first answer and writes nothing. */
  readonly idempotencyKey: string;
  /**
   * Send with this bearer token instead of asking the host's `getToken()`.
   * The offline queue sets it so a person's queued events go with the token
   * their owner key was read from, never with a later sign-in's. Kept in
   * memory only; stores that send no token ignore it.
   */
  readonly token?: string;
}

/** The stream has moved on since the event was written. Nothing was written. */
export interface StreamConflictError {
  readonly code: 'conflict';
  readonly path: 'version';
  readonly message: string;
  /** Core's message code for `message` (`service.unreachable`, `store.stream-moved`…), when core or the service gave one: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
  readonly currentVersion: number;
}

/** The referral workflow refused the event (core's `applyEvent`). Nothing was written. */
export interface RefusedError {
  readonly code: 'refused';
  /** JSON path of the field the refusal belongs to, or '' for the whole event. */
  readonly path: string;
  readonly message: string;
  readonly refusal: RejectionCode;
  /** The refusal's parameters (see `RefusalParams`), when the service or core gave them: with `refusal` they render `message` in any language. */
  readonly params?: MessageParams;
}

/** The signed-in user may not do this (HTTP 403). Nothing was written. */
export interface ForbiddenError {
  readonly code: 'forbidden';
  readonly path: string;
  readonly message: string;
  /** Core's message code for `message` (`service.unreachable`, `store.stream-moved`…), when core or the service gave one: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/** The service could not be reached. An offline-queueing store keeps the event and sends it later. */
export interface UnreachableError {
  readonly code: 'unreachable';
  readonly path: '';
  readonly message: string;
  /** Core's message code for `message` (`service.unreachable`, `store.stream-moved`…), when core or the service gave one: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/** The event itself is malformed, or the store failed. Nothing was written. */
export interface AppendInvalidError {
  readonly code: 'invalid' | 'storage';
  readonly path: string;
  readonly message: string;
  /** Core's message code for `message` (`service.unreachable`, `store.stream-moved`…), when core or the service gave one: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/** Why an append was refused. */
export type AppendError = StreamConflictError | RefusedError | ForbiddenError | UnreachableError | AppendInvalidError;

/** An accepted append. */
export interface Appended {
  readonly referral: StoredReferral;
  /** The stream version after the event. */
  readonly version: number;
  /** True when the event is only queued on this device (offline) and not yet accepted by the service. */
  readonly queued?: boolean;
}

/**
 * Referral event streams, as the referral elements use them: in memory, over
 * HTTP on `@links-approach/server`, or wrapped by an offline queue. The actor
 * of an appended event is the signed-in user; stores over HTTP drop the
 * event's `actor` and the service sets it from the verified token.
 */
export interface ReferralStore {
  /** The current state of every referral the user may see that matches `query`. */
  list(query?: ReferralQuery): Promise<readonly StoredReferral[]>;
  /** One referral's state and its events, or `undefined` when it does not exist (or is not visible). */
  get(
    id: string,
  ): Promise<{ readonly referral: StoredReferral; readonly events: readonly ReferralEvent[] } | undefined>;
  /** Appends one event against `expectedVersion`, once per idempotency key. */
  append(event: ReferralEvent, options: AppendOptions): Promise<Result<Appended, AppendError>>;
  /** Calls `listener` after every change to a referral the user may see (own appends and others'). */
  subscribe(listener: (change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void): () => void;
}
