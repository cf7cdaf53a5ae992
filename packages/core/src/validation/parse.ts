import { safeParse, type core } from 'zod/mini';
import { checkJsonSafety } from './json-safety.js';
import { fail, ok, type Result } from './result.js';
import { fromZodIssues, plainEnglish } from './zod-issues.js';

/**
 * Validates untrusted input against a schema: first the JSON safety checks,
 * then the schema, with plain-English messages and JSON paths. Never throws
 * on bad input, and never returns a value that shares hostile keys with it.
 */
export function parseWith<S extends core.$ZodType>(schema: S, input: unknown): Result<core.output<S>> {
  const unsafe = checkJsonSafety(input);
  if (unsafe.length > 0) return fail(unsafe);
  return parseCheckedWith(schema, input);
}

/**
 * The schema step of {@link parseWith} alone, for input that has already
 * passed {@link checkJsonSafety} (so a document is walked once, not twice).
 */
export function parseCheckedWith<S extends core.$ZodType>(schema: S, input: unknown): Result<core.output<S>> {
  const result = safeParse(schema, input, { error: plainEnglish, reportInput: true });
  return result.success ? ok(result.data) : fail(fromZodIssues(result.error.issues));
}
