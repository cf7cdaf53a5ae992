import { parseWith } from '../validation/parse.js';
import { fail, messageCodeOf, ok, type Result, type ValidationIssue } from '../validation/result.js';
import { MAX_EVENTS_PER_DOCUMENT, referralEventSchema, referralEventsDocumentSchema } from './schema.js';
import type { ReferralEvent, ReferralEventsDocument } from './types.js';
import { fastParseReferralEvent, fastParseReferralEventsDocument, isExactReferralEvent } from './fast-validation.js';

/** How referral events are written down: one JSON document, or NDJSON (one event per line). */
export type ReferralEventsFormat = 'json' | 'ndjson';

/** Most problems reported for one NDJSON text before giving up. */
const MAX_ISSUES = 100;

/**
 * Validates one referral event from untrusted input. A valid event takes a
 * hand-written fast path (no `eval`); anything else is checked by the zod
 * schema, which reports every problem with its JSON path.
 */
export function validateReferralEvent(input: unknown): Result<ReferralEvent> {
  const fast = fastParseReferralEvent(input);
  return fast !== undefined ? ok(fast) : parseWith(referralEventSchema, input);
}

/**
 * {@link validateReferralEvent} for a value the caller owns and will not
 * change afterwards, such as one it has just read with `JSON.parse`: a valid
 * event that is already exactly the value the schema returns (as any event
 * the toolkit wrote is, once parsed) is handed back as it is rather than
 * copied. The same results, values and errors as `validateReferralEvent`;
 * the fast way to check events read from large files.
 */
export function validateOwnedReferralEvent(input: unknown): Result<ReferralEvent> {
  return isExactReferralEvent(input) ? ok(input) : validateReferralEvent(input);
}

/**
 * Validates a referral events document (`{ "kind": "links.referral-events",
 * "schemaVersion": 1, "events": [...] }`); problems come with JSON paths
 * such as `events[12].at`.
 */
export function validateReferralEventsDocument(input: unknown): Result<ReferralEventsDocument> {
  const fast = fastParseReferralEventsDocument(input, MAX_EVENTS_PER_DOCUMENT);
  return fast !== undefined ? ok(fast as ReferralEventsDocument) : parseWith(referralEventsDocumentSchema, input);
}

/** Wraps events in a referral events document. */
export function referralEventsDocument(events: readonly ReferralEvent[]): ReferralEventsDocument {
  return { kind: 'links.referral-events', schemaVersion: 1, events: [...events] };
}

/** Writes events as NDJSON: one JSON event per line, ending with a newline. */
export function toNdjson(events: readonly ReferralEvent[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n') + (events.length > 0 ? '\n' : '');
}

/**
 * Guesses the format of a text: a JSON document starts with `{` and parses
 * as one object that is not itself an event (or, when it does not parse,
 * its first line is not JSON on its own: a broken document rather than
 * NDJSON); anything else is NDJSON.
 */
export function detectReferralEventsFormat(text: string): ReferralEventsFormat {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return trimmed.startsWith('[') ? 'json' : 'ndjson';
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('type' in value)
      ? 'json'
      : 'ndjson';
  } catch {
    const newline = trimmed.indexOf('\n');
    try {
      JSON.parse(newline === -1 ? trimmed : trimmed.slice(0, newline));
      return 'ndjson';
    } catch {
      return 'json';
    }
  }
}

/**
 * Parses referral events from text: a JSON events document, or NDJSON (one
 * event per line; blank lines are skipped). Every event is checked against
 * its schema; problems come with JSON paths: `events[12].at` in a document,
 * `line 13: at` in NDJSON (`line 13` when the line is not JSON at all).
 * Never throws. The events returned are trusted: pass them to
 * {@link replay} with `{ trusted: true }`.
 */
export function parseReferralEvents(
  text: string,
  options: { readonly format?: ReferralEventsFormat } = {},
): Result<ReferralEvent[]> {
  const format = options.format ?? detectReferralEventsFormat(text);
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail([{ path: '', message: `is not valid JSON (${(error as Error).message})` }]);
    }
    if (Array.isArray(value)) {
      return fail([
        {
          path: '',
          message:
            'must be a referral events document, { "kind": "links.referral-events", "schemaVersion": 1, "events": [...] }, not a bare list',
        },
      ]);
    }
    const result = validateReferralEventsDocument(value);
    return result.ok ? ok(result.value.events) : result;
  }
  return parseNdjson(text);
}

function parseNdjson(text: string): Result<ReferralEvent[]> {
  const events: ReferralEvent[] = [];
  const issues: ValidationIssue[] = [];
  let lineNumber = 0;
  let start = 0;
  let badLines = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() === '') {
      if (end === text.length) break;
      continue;
    }
    if (events.length + badLines >= MAX_EVENTS_PER_DOCUMENT) {
      issues.push({
        path: `line ${lineNumber}`,
        message: `is one event too many: a file may hold at most ${MAX_EVENTS_PER_DOCUMENT} events`,
      });
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      badLines++;
      if (issues.length < MAX_ISSUES)
        issues.push({ path: `line ${lineNumber}`, message: `is not valid JSON (${(error as Error).message})` });
      continue;
    }
    const result = validateOwnedReferralEvent(value);
    if (result.ok) {
      events.push(result.value);
    } else {
      badLines++;
      for (const issue of result.errors) {
        if (issues.length >= MAX_ISSUES) break;
        issues.push({
          path: issue.path ? `line ${lineNumber}: ${issue.path}` : `line ${lineNumber}`,
          message: issue.message,
          ...messageCodeOf(issue),
        });
      }
    }
    if (end === text.length) break;
  }
  if (issues.length >= MAX_ISSUES && badLines > 0)
    issues.push({ path: '', message: `stopped after ${MAX_ISSUES} problems` });
  if (issues.length > 0) return fail(issues);
  if (events.length === 0) return fail([{ path: '', message: 'holds no events: write one JSON event per line' }]);
  return ok(events);
}
