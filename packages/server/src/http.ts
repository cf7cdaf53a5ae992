import { problem } from './problem.js';

/**
 * The version an `If-Match` header names: `"3"` (or `W/"3"`, or a bare 3).
 * `undefined` when the header is absent; a 400 problem when it is not a version.
 */
export function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? (header[0] ?? '') : header;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match)
    throw problem(
      400,
      'invalid-if-match',
      'If-Match must name one version, e.g. "3" (with the quotes), as the ETag gave it.',
      'headers.if-match',
    );
  return Number(match[1]);
}

/** An ETag for a version or revision number. */
export const etag = (n: number): string => `"${n}"`;

/** An idempotency key: 1 to 200 visible ASCII characters. */
export function idempotencyKey(header: string | string[] | undefined, body: unknown): string | undefined {
  const value = Array.isArray(header) ? header[0] : (header ?? (typeof body === 'string' ? body : undefined));
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(value))
    throw problem(
      400,
      'invalid-idempotency-key',
      'An idempotency key must be 1 to 200 visible ASCII characters (a UUID is ideal).',
      'headers.idempotency-key',
    );
  return value;
}
