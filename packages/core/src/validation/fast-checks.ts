/**
 * Building blocks for the hand-written fast paths of our zod schemas
 * (`plan/fast-validation.ts`, `referral/fast-validation.ts`).
 *
 * A fast path answers one question: "is this input certainly valid, and what
 * value would the zod schema return for it?" It returns that value, or
 * `undefined` for "not certain", and the caller then runs the zod schema,
 * which is the one source of every error message and path. So a fast path
 * may refuse more than the schema (it only costs time) but must never accept
 * less: the property tests beside each fast path hold it to the schema on
 * random valid and broken documents, value for value.
 *
 * No `eval`, no `new Function`: the same code runs in Node and in browsers
 * under a Content Security Policy without `unsafe-eval`.
 *
 * Everything a fast path accepts also passes {@link checkJsonSafety}: every
 * object it accepts is a plain object (prototype `Object.prototype` or
 * `null`) with only the keys its schema names (never `__proto__`,
 * `constructor` or `prototype`), every number is finite, and the schemas
 * are not recursive, so the walk is bounded and a cycle is refused.
 *
 * @internal
 */

/** A plain JSON-like object, as the schemas' objects must be. */
export type Plain = Record<string, unknown>;

/**
 * Whether `value` is a plain object: not null, not an array, prototype
 * `Object.prototype` or `null` (the objects {@link checkJsonSafety} accepts).
 */
export function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The number of `for…in` keys of `object` when every one of them is in
 * `known`, else -1. A strict object is certainly free of unknown keys when
 * this count equals the number of its known fields the fast path read as
 * defined (and it refused any optional field present as `undefined`).
 */
export function knownKeyCount(object: Plain, known: ReadonlySet<string>): number {
  let count = 0;
  for (const key in object) {
    if (!known.has(key)) return -1;
    count++;
  }
  return count;
}

/**
 * An optional field that is absent: `undefined` read and the key not there
 * at all. (A key present with the value `undefined` is left to the schema,
 * which keeps it in its output.)
 */
export function absent(object: Plain, key: string): boolean {
  return !(key in object);
}

/**
 * Whether a string has at most `max` characters as zod counts them: Unicode
 * code points (a pair of UTF-16 surrogates is one), so `'😀'.repeat(200)`
 * fits in 200. Counted only when the UTF-16 length is over `max`.
 */
export function fitsIn(text: string, max: number): boolean {
  const units = text.length;
  if (units <= max) return true;
  if (units > 2 * max) return false;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count <= max;
}

/** `z.string().check(z.maxLength(max))`, with `z.minLength(1)` when `nonEmpty`. */
export function isText(value: unknown, max: number, nonEmpty: boolean): value is string {
  return typeof value === 'string' && (!nonEmpty || value.length > 0) && fitsIn(value, max);
}

/**
 * `z.string().check(z.trim(), z.minLength(1), z.maxLength(max))`: the
 * trimmed text when it is certainly valid, else `undefined`.
 */
export function trimmedText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && fitsIn(trimmed, max) ? trimmed : undefined;
}

/** A finite number within `[min, max]`. */
export function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && value >= min && value <= max;
}

/** A safe integer within `[min, max]` (`z.int()` with bounds). */
export function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** A string matching `pattern` (a regex without the `g` or `y` flag). */
export function matches(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

/** A string that is one of `choices`. */
export function isOneOf(value: unknown, choices: ReadonlySet<string>): value is string {
  return typeof value === 'string' && choices.has(value);
}
