import { messageCodeOf, type Result } from '../validation/result.js';
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
      errors: [
        {
          code: 'invalid',
          path: 'expectedRevision',
          message: 'must be the revision the edit started from: a whole number, 0 for a new document',
        },
      ],
    };
  }
  const currentRevision = current?.revision ?? 0;
  if (expected !== currentRevision) {
    const who = current ? ` (saved by ${current.savedBy} at ${current.savedAt})` : '';
    return {
      ok: false,
      errors: [
        {
          code: 'conflict',
          path: 'revision',
          message:
            current === undefined
              ? `expected revision ${expected}, but nothing is stored under this id`
              : `expected revision ${expected}, but revision ${currentRevision} is stored${who}: someone else saved a newer version`,
          id: String((document as { id?: unknown })?.id),
          expectedRevision: expected,
          currentRevision,
          ...(current ? { currentSavedBy: current.savedBy, currentSavedAt: current.savedAt } : {}),
        },
      ],
    };
  }
  if (document === null || typeof document !== 'object') {
    return { ok: false, errors: [{ code: 'invalid', path: '', message: 'must be a document (an object)' }] };
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
