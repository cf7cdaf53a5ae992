import { messageCodeOf, type Result } from '../validation/result.js';
import { storeMessage } from '../messages/store.js';
import type { SaveError, SaveOptions, StoreCodec, StoredDocument } from './types.js';

/**
 * The decision every store implementation makes on save, in one place so
 * they all behave the same: checks the expected revision against the stored
 * one, stamps the next revision (number, time, author), validates the
 * result with the codec and freezes it. The caller writes the returned
 * document in the same transaction it read `current` in.
 *
 * @param current the latest stored revision, or `undefined` when there is none.
 */
export function prepareSave<T extends StoredDocument>(
  codec: StoreCodec<T>,
  current: T | undefined,
  document: T,
  options: SaveOptions,
  now: Date,
): Result<T, SaveError> {
  const expected: unknown = options?.expectedRevision;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    return {
      ok: false,
      errors: [{ code: 'invalid', path: 'expectedRevision', ...storeMessage('store.expected-revision', {}) }],
    };
  }
  const currentRevision = current?.revision ?? 0;
  if (expected !== currentRevision) {
    return {
      ok: false,
      errors: [
        {
          code: 'conflict',
          path: 'revision',
          ...(current === undefined
            ? storeMessage('store.nothing-stored', { expected })
            : storeMessage('store.newer-revision', {
                expected,
                current: currentRevision,
                savedBy: current.savedBy,
                savedAt: current.savedAt,
              })),
          id: String((document as { id?: unknown })?.id),
          expectedRevision: expected,
          currentRevision,
          ...(current ? { currentSavedBy: current.savedBy, currentSavedAt: current.savedAt } : {}),
        },
      ],
    };
  }
  if (document === null || typeof document !== 'object') {
    return { ok: false, errors: [{ code: 'invalid', path: '', ...storeMessage('store.not-a-document', {}) }] };
  }
  const stamped = { ...document, revision: currentRevision + 1, savedAt: now.toISOString(), savedBy: options.author };
  const checked = codec.validate(stamped);
  if (!checked.ok)
    return {
      ok: false,
      errors: checked.errors.map((e) => ({
        code: 'invalid' as const,
        path: e.path,
        message: e.message,
        ...messageCodeOf(e),
      })),
    };
  return { ok: true, value: deepFreeze(checked.value) };
}

/** Freezes a plain data tree in place and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
