import { JSONParser } from '@streamparser/json';
import type { ValidationIssue } from '@links-approach/core';
import {
  detectReferralEventsFormat,
  parseReferralEvents,
  validateReferralEvent,
  validateReferralEventsDocument,
  type ReferralEvent,
  type ReferralEventsFormat,
} from '@links-approach/core/referral';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';
import { readError, readTextFile } from './read-json.js';

/** Most problems reported for one events file before giving up (as core's parser). */
const MAX_ISSUES = 100;

/** How far into a file the format is guessed from. */
const SNIFF = 64 * 1024;

const at = (base: string, path: string) => (path ? (path.startsWith('[') ? `${base}${path}` : `${base}.${path}`) : base);

/**
 * Guesses the format from the start of a file too large to read at once: a
 * file starting with `[` is a (bare-list) JSON document; one not starting
 * with `{` is NDJSON; otherwise its first line decides, as
 * `detectReferralEventsFormat` does for a whole text.
 */
function sniff(prefix: string, complete: boolean): ReferralEventsFormat {
  if (complete) return detectReferralEventsFormat(prefix);
  const trimmed = prefix.trimStart();
  if (!trimmed.startsWith('{')) return trimmed.startsWith('[') ? 'json' : 'ndjson';
  const newline = trimmed.indexOf('\n');
  if (newline === -1) return 'json';
  try {
    const value: unknown = JSON.parse(trimmed.slice(0, newline));
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('type' in value) ? 'json' : 'ndjson';
  } catch {
    return 'json';
  }
}

async function* chunksOf(io: CliIo, path: string): AsyncGenerator<string> {
  try {
    for await (const chunk of io.readChunks(path)) yield chunk;
  } catch (error) {
    throw readError(error, path);
  }
}

/**
 * Reads referral events from a file as a stream (NDJSON line by line, or a
 * `links.referral-events` JSON document through a streaming JSON parser),
 * checks each against its schema and hands the valid ones to `onEvent` in
 * file order. Memory stays flat however large the file. Problems come with
 * the same JSON paths as core's `parseReferralEvents` (`line 13: at`,
 * `events[12].at`); when there are any, an InputError naming the file is
 * thrown after the whole file has been read (events already handed on
 * must then be discarded). Returns how many events were read.
 */
export async function streamReferralEvents(
  io: CliIo,
  path: string,
  format: ReferralEventsFormat | undefined,
  onEvent: (event: ReferralEvent) => void,
): Promise<number> {
  const chunks = chunksOf(io, path);
  let head = '';
  let done = false;
  while (head.length < SNIFF) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  const chosen = format ?? sniff(head, done);
  const rest = async function* (): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (!done) yield* chunks;
  };
  return chosen === 'ndjson' ? readNdjson(rest(), path, onEvent) : readJsonDocument(io, rest(), path, onEvent);
}

async function readNdjson(chunks: AsyncIterable<string>, file: string, onEvent: (event: ReferralEvent) => void): Promise<number> {
  const issues: ValidationIssue[] = [];
  let events = 0;
  let badLines = 0;
  let lineNumber = 0;
  let carry = '';
  const line = (raw: string) => {
    lineNumber++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      badLines++;
      if (issues.length < MAX_ISSUES)
        issues.push({ path: `line ${lineNumber}`, message: `is not valid JSON (${(error as Error).message})` });
      return;
    }
    const result = validateReferralEvent(value);
    if (result.ok) {
      events++;
      if (issues.length === 0) onEvent(result.value);
      return;
    }
    badLines++;
    for (const issue of result.errors) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push({ path: issue.path ? `line ${lineNumber}: ${issue.path}` : `line ${lineNumber}`, message: issue.message });
    }
  };
  for await (const chunk of chunks) {
    const text = carry === '' ? chunk : carry + chunk;
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      line(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    carry = text.slice(start);
  }
  if (carry !== '') line(carry);
  if (issues.length >= MAX_ISSUES && badLines > 0) issues.push({ path: '', message: `stopped after ${MAX_ISSUES} problems` });
  if (issues.length > 0) throw new InputError(issues, file);
  if (events === 0) throw new InputError([{ path: '', message: 'holds no events: write one JSON event per line' }], file);
  return events;
}

async function readJsonDocument(
  io: CliIo,
  chunks: AsyncIterable<string>,
  file: string,
  onEvent: (event: ReferralEvent) => void,
): Promise<number> {
  const issues: ValidationIssue[] = [];
  const envelope: Record<string, unknown> = {};
  let events = 0;
  let sawEvents = false;
  let first = true;
  const parser = new JSONParser({ paths: ['$.kind', '$.schemaVersion', '$.events.*'], keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) {
      envelope[String(key)] = value;
      return;
    }
    sawEvents = true;
    const index = events++;
    const result = validateReferralEvent(value);
    if (result.ok) {
      if (issues.length === 0) onEvent(result.value);
      return;
    }
    for (const issue of result.errors) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push({ path: at(`events[${index}]`, issue.path), message: issue.message });
    }
  };
  const notJson = (error: unknown) =>
    new InputError([{ path: '', message: `is not valid JSON (${(error as Error).message})` }], file);
  try {
    for await (const chunk of chunks) {
      if (first) {
        const start = chunk.trimStart();
        if (start === '') continue;
        first = false;
        if (start.startsWith('['))
          throw new InputError(
            [
              {
                path: '',
                message:
                  'must be a referral events document, { "kind": "links.referral-events", "schemaVersion": 1, "events": [...] }, not a bare list',
              },
            ],
            file,
          );
      }
      parser.write(chunk);
    }
    if (first) throw notJson(new Error('Unexpected end of JSON input'));
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw notJson(error);
  }
  if (!sawEvents) {
    // No event at all: a small document (or none); core's parser gives its exact problems.
    const parsed = parseReferralEvents(await readTextFile(io, file), { format: 'json' });
    if (!parsed.ok) throw new InputError(parsed.errors, file);
    return 0;
  }
  // The document around the events: its kind and schema version.
  const shape = validateReferralEventsDocument({ ...envelope, events: [] });
  const all = shape.ok ? issues : shape.errors.map(({ path, message }) => ({ path, message })).concat(issues);
  if (all.length > 0) throw new InputError(all.slice(0, MAX_ISSUES + 1), file);
  return events;
}
