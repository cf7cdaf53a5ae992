import type { Result, ValidationIssue } from '../validation/result.js';
import type { MessageParams } from '../messages/types.js';
import type { ForbiddenError, UnreachableError } from '../service/types.js';

/**
 * What a store needs of a document: an id, and the revision stamp that every
 * save sets (revision number, time, author).
 */
export interface StoredDocument {
  readonly id: string;
  /** 0 before the first save; each save adds 1. */
  readonly revision: number;
  /** ISO date-time of the save. */
  readonly savedAt: string;
  /** Staff role or name of whoever saved it (never a patient). */
  readonly savedBy: string;
}

/** How a store checks the documents it keeps: one per document kind (plans, later referrals…). */
export interface StoreCodec<T extends StoredDocument> {
  /** The document kind, e.g. `links.plan`; implementations may use it to name their storage. */
  readonly kind: string;
  /** Validates a document about to be stored (after the revision stamp is set); returns a fresh copy or the problems. */
  validate(input: unknown): Result<T, ValidationIssue>;
}

/** What a save needs besides the document. */
export interface SaveOptions {
  /**
   * The revision the editor started from: 0 for a new document. If the
   * stored document has moved on (someone else saved), the save is refused
   * with a `conflict` error and nothing is written.
   */
  readonly expectedRevision: number;
  /** Staff role or name saving it (never a patient); stored as `savedBy`. */
  readonly author: string;
}

/** The stored document has moved on since the editor read it. Nothing was written. */
export interface ConflictError {
  readonly code: 'conflict';
  readonly path: 'revision';
  readonly message: string;
  /** Core's message code for `message` (`store.newer-revision`…), when core wrote it: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
  readonly id: string;
  /** The revision the save expected. */
  readonly expectedRevision: number;
  /** The revision now stored (0 when there is none). */
  readonly currentRevision: number;
  /** Who saved the current revision, and when (absent when there is none). */
  readonly currentSavedBy?: string;
  readonly currentSavedAt?: string;
}

/** The document (or the options) failed validation. Nothing was written. */
export interface InvalidError {
  readonly code: 'invalid';
  readonly path: string;
  readonly message: string;
  /** Core's message code for `message` (`text-too-long`, `plan.cycle-open`…), when known: with `params` it renders the message in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/** The storage itself failed (quota, a blocked or closed database). Nothing was written. */
export interface StorageError {
  readonly code: 'storage';
  readonly path: '';
  readonly message: string;
  /** Core's message code for `message`, when core wrote it (see `STORE_MESSAGES_EN`). */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/**
 * Why a save was refused. Every kind leaves the stored data unchanged.
 * Stores over HTTP (`@links-approach/core/service`) also answer `forbidden`
 * (the signed-in role may not save it) and `unreachable` (the service could
 * not be reached: the edit is not saved, and the editor keeps it).
 */
export type SaveError = ConflictError | InvalidError | StorageError | ForbiddenError | UnreachableError;

/** Told to subscribers after every successful save (including saves from other tabs where the store supports it). */
export interface StoreEvent<T> {
  readonly type: 'saved';
  readonly id: string;
  readonly revision: number;
  /** The stored document, or `undefined` when the change came from elsewhere and was not loaded. */
  readonly document: T | undefined;
}

/** A subscriber to a store. */
export type StoreListener<T> = (event: StoreEvent<T>) => void;

/**
 * A store of revisioned documents. Every save writes a new revision and
 * keeps the earlier ones (see {@link DocumentStore.history}). Implementations:
 * in memory (core), IndexedDB (components). A referral store follows the
 * same pattern with its own codec.
 */
export interface DocumentStore<T extends StoredDocument> {
  /** The latest revision of a document, or `undefined`. */
  get(id: string): Promise<T | undefined>;
  /** The latest revision of every document, ordered by id. */
  list(): Promise<readonly T[]>;
  /**
   * Validates and saves a new revision: `revision` becomes the stored one
   * plus 1, `savedAt` now, `savedBy` the author. A stale `expectedRevision`
   * gives a {@link ConflictError} carrying the current revision; an invalid
   * document gives {@link InvalidError}s. Both leave stored data unchanged.
   */
  save(document: T, options: SaveOptions): Promise<Result<T, SaveError>>;
  /** Every saved revision of a document, oldest first (empty when there is none). */
  history(id: string): Promise<readonly T[]>;
  /** Calls `listener` after every save; returns the function that unsubscribes it. */
  subscribe(listener: StoreListener<T>): () => void;
}
