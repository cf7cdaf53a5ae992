import { LIMITS } from '../validation/limits.js';

/**
 * A copy of a value without object keys whose value is `undefined` (so a
 * TypeScript caller may write `{ target: maybe }`; JSON has no `undefined`
 * and the schemas refuse it), recursing into plain objects and arrays down
 * to `maxDepth`. Other values, and anything deeper, are returned as they are
 * for the validation that follows to judge.
 *
 * Keys are defined, never assigned: a `"__proto__"` key (from `JSON.parse`)
 * stays an own key for the JSON-safety check to refuse, rather than
 * silently replacing the copy's prototype and vanishing.
 */
export function withoutUndefined(value: unknown, maxDepth: number = LIMITS.depth, depth = 0): unknown {
  if (depth > maxDepth || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutUndefined(item, maxDepth, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    Object.defineProperty(out, key, {
      value: withoutUndefined(child, maxDepth, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
