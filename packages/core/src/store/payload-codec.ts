import * as z from 'zod/mini';
import { shortTextSchema } from '../framework/framework-schema.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import { joinPath } from '../validation/path.js';
import type { Result, ValidationIssue } from '../validation/result.js';
import type { StoreCodec, StoredDocument } from './types.js';

/** The revision stamp every stored document carries; other keys are the payload's business. */
const stampSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(LIMITS.shortText)),
    revision: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
    savedAt: z.iso.datetime({ offset: true }),
    savedBy: shortTextSchema,
  }))();

/** A stored document that wraps one payload under `field`. */
export type PayloadDocument<K extends string, T> = StoredDocument & { readonly [P in K]: T };

/**
 * A codec for a host's own kind of document: core checks the revision stamp
 * (`id`, `revision`, `savedAt`, `savedBy`) and `validate` checks the payload
 * kept under `field`, its error paths coming back under the field's name.
 * What the codec returns holds only the stamp and the validated payload.
 *
 * @example
 * const registerCodec = payloadCodec('my-host.register', 'register', (register) => validateNetworkRegister(register));
 * const store = createMemoryStore(registerCodec);
 */
export function payloadCodec<K extends string, T>(
  kind: string,
  field: K,
  validate: (payload: unknown, stamp: StoredDocument) => Result<T, ValidationIssue>,
): StoreCodec<PayloadDocument<K, T>> {
  return {
    kind,
    validate(input) {
      const stamp = parseWith(stampSchema, input);
      if (!stamp.ok) return stamp;
      const { id, revision, savedAt, savedBy } = stamp.value;
      const payload = validate((input as Record<string, unknown>)[field], { id, revision, savedAt, savedBy });
      if (!payload.ok)
        return { ok: false, errors: payload.errors.map((e) => ({ ...e, path: joinPath(field, e.path) })) };
      return { ok: true, value: { id, revision, savedAt, savedBy, [field]: payload.value } as PayloadDocument<K, T> };
    },
  };
}
