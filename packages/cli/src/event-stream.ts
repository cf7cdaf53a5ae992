import { messageCodeOf, type ValidationIssue } from '@links-approach/core';
import {
  detectReferralEventsFormat,
  parseReferralEvents,
  validateOwnedReferralEvent,
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

const at = (base: string, path: string) =>
  path ? (path.startsWith('[') ? `${base}${path}` : `${base}.${path}`) : base;

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
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('type' in value)
      ? 'json'
      : 'ndjson';
  } catch {
    return 'json';
  }
}

async function* chunksOf(io: CliIo, path: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of io.readChunks(path))
      yield typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  } catch (error) {
    throw readError(error, path);
  }
}

/**
 * Reads referral events from a file as a stream of bytes (NDJSON split into
 * lines on the bytes, each line decoded and parsed on its own; a
 * `links.referral-events` JSON document scanned for the elements of its
 * `events` list, each parsed on its own), checks each against its schema and
 * hands the valid ones to `onEvent` in file order. Memory stays flat however
 * large the file. Problems come with the same JSON paths as core's
 * `parseReferralEvents` (`line 13: at`, `events[12].at`); when there are any,
 * an InputError naming the file is thrown after the whole file has been read
 * (events already handed on must then be discarded). Returns how many events
 * were read.
 */
export async function streamReferralEvents(
  io: CliIo,
  path: string,
  format: ReferralEventsFormat | undefined,
  onEvent: (event: ReferralEvent) => void,
): Promise<number> {
  const chunks = chunksOf(io, path);
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const chosen = format ?? sniff(Buffer.concat(head).toString('utf8'), done);
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield* head;
    if (!done) yield* chunks;
  };
  return chosen === 'ndjson' ? readNdjson(rest(), path, onEvent) : readJsonDocument(io, rest(), path, onEvent);
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const OPEN_BRACE = 0x7b;

async function readNdjson(
  chunks: AsyncIterable<Buffer>,
  file: string,
  onEvent: (event: ReferralEvent) => void,
): Promise<number> {
  const issues: ValidationIssue[] = [];
  let events = 0;
  let badLines = 0;
  let lineNumber = 0;
  let carry: Buffer | undefined;
  /** One line, `buffer[start, end)` without its newline. */
  const line = (buffer: Buffer, start: number, end: number) => {
    lineNumber++;
    if (end > start && buffer[end - 1] === RETURN) end--;
    // Decoded one line at a time: a file with a few non-ASCII characters stays mostly one-byte strings.
    const text = buffer.toString('utf8', start, end);
    if (buffer[start] !== OPEN_BRACE && text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      badLines++;
      if (issues.length < MAX_ISSUES)
        issues.push({ path: `line ${lineNumber}`, message: `is not valid JSON (${(error as Error).message})` });
      return;
    }
    const result = validateOwnedReferralEvent(value);
    if (result.ok) {
      events++;
      if (issues.length === 0) onEvent(result.value);
      return;
    }
    badLines++;
    for (const issue of result.errors) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push({
        path: issue.path ? `line ${lineNumber}: ${issue.path}` : `line ${lineNumber}`,
        message: issue.message,
        ...messageCodeOf(issue),
      });
    }
  };
  for await (const chunk of chunks) {
    let buffer = chunk;
    let start = 0;
    let end = buffer.indexOf(NEWLINE);
    if (carry !== undefined) {
      if (end === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      // The line that straddles the two pieces: only it is copied.
      buffer = Buffer.concat([carry, chunk.subarray(0, end + 1)]);
      line(buffer, 0, buffer.length - 1);
      carry = undefined;
      buffer = chunk;
      start = end + 1;
      end = buffer.indexOf(NEWLINE, start);
    }
    while (end !== -1) {
      line(buffer, start, end);
      start = end + 1;
      end = buffer.indexOf(NEWLINE, start);
    }
    if (start < buffer.length) carry = buffer.subarray(start);
  }
  if (carry !== undefined && carry.length > 0) line(carry, 0, carry.length);
  if (issues.length >= MAX_ISSUES && badLines > 0)
    issues.push({ path: '', message: `stopped after ${MAX_ISSUES} problems` });
  if (issues.length > 0) throw new InputError(issues, file);
  if (events === 0)
    throw new InputError([{ path: '', message: 'holds no events: write one JSON event per line' }], file);
  return events;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

const isSpace = (c: number) => c === 0x20 || c === NEWLINE || c === RETURN || c === 0x09;

/** Not valid JSON, with a message in the words of `JSON.parse`. */
class NotJson extends Error {}

/**
 * Finds the end of JSON values in a byte buffer that arrives a piece at a
 * time, without parsing them: strings are skipped (escapes respected),
 * brackets and braces counted. Multi-byte UTF-8 characters never look like
 * JSON punctuation (all their bytes are 0x80 or more), so bytes are scanned
 * as they are. The value found is then parsed by `JSON.parse`, which checks
 * it fully.
 */
class ValueScanner {
  /** Where the scan stopped, for resuming when more bytes arrive. */
  private at = 0;
  private depth = 0;
  private inString = false;

  reset(start: number): void {
    this.at = start;
    this.depth = 0;
    this.inString = false;
  }

  /** Moves the scan position when bytes before it are dropped from the buffer. */
  shift(by: number): void {
    this.at -= by;
  }

  /**
   * Scans on from where it stopped; the end (exclusive) of the value that
   * began at the last `reset`, or -1 when the buffer ends first. `final`:
   * no more bytes will come (a number may end at the end of the input).
   */
  scan(buffer: Buffer, final: boolean): number {
    let i = this.at;
    const n = buffer.length;
    if (this.depth === 0 && !this.inString) {
      // The first byte decides: a string, a container, or a bare literal (number, true, false, null).
      const c = buffer[i]!;
      if (c === QUOTE) {
        this.inString = true;
        i++;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth = 1;
        i++;
      } else {
        while (i < n) {
          const d = buffer[i]!;
          if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) return i;
          i++;
        }
        this.at = i;
        return final ? n : -1;
      }
    }
    for (;;) {
      if (this.inString) {
        const q = buffer.indexOf(QUOTE, i);
        if (q === -1) {
          // The buffer keeps every byte of the value, so backslashes before a quote in the next piece are still seen.
          this.at = n;
          return -1;
        }
        let back = q - 1;
        while (buffer[back] === BACKSLASH) back--;
        i = q + 1;
        if ((q - 1 - back) % 2 === 1) continue; // an escaped quote
        this.inString = false;
        if (this.depth === 0) return i;
      }
      while (i < n) {
        const c = buffer[i]!;
        if (c === QUOTE) break;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 0) return i + 1;
        }
        i++;
      }
      if (i >= n) {
        this.at = n;
        return -1;
      }
      this.inString = true;
      i++;
    }
  }
}

type Phase = 'start' | 'key' | 'colon' | 'events' | 'value' | 'after-value' | 'elements' | 'after-element' | 'end';

async function readJsonDocument(
  io: CliIo,
  chunks: AsyncIterable<Buffer>,
  file: string,
  onEvent: (event: ReferralEvent) => void,
): Promise<number> {
  const issues: ValidationIssue[] = [];
  const envelope: Record<string, unknown> = {};
  let events = 0;
  let sawEvents = false;
  let phase: Phase = 'start';
  let key = '';
  /** Members of the document read so far, and elements of the current events list. */
  let members = 0;
  let inList = 0;
  /** Unconsumed bytes; `base` is the file offset of buffer[0] (for messages). */
  let buffer: Buffer = Buffer.alloc(0);
  let base = 0;
  let pos = 0;
  /** Start of the value being scanned, or -1. */
  let valueStart = -1;
  const scanner = new ValueScanner();
  const unexpected = (c: number | undefined) =>
    new NotJson(
      c === undefined
        ? 'Unexpected end of JSON input'
        : `Unexpected ${c === QUOTE ? 'string' : `token ${JSON.stringify(String.fromCharCode(c))}`} at byte ${base + pos}`,
    );
  const parse = (start: number, end: number, where: string): unknown => {
    try {
      return JSON.parse(buffer.toString('utf8', start, end));
    } catch (error) {
      throw new NotJson(`${(error as Error).message} in ${where}, from byte ${base + start}`);
    }
  };
  const element = (value: unknown) => {
    sawEvents = true;
    const index = events++;
    const result = validateOwnedReferralEvent(value);
    if (result.ok) {
      if (issues.length === 0) onEvent(result.value);
      return;
    }
    for (const issue of result.errors) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push({ path: at(`events[${index}]`, issue.path), message: issue.message, ...messageCodeOf(issue) });
    }
  };
  /** Consumes what it can of the buffer (all of it when `final`). */
  const step = (final: boolean): void => {
    for (;;) {
      if (valueStart === -1) {
        while (pos < buffer.length && isSpace(buffer[pos]!)) pos++;
        if (pos >= buffer.length) {
          if (final && phase !== 'end') throw unexpected(undefined);
          return;
        }
      }
      const c = buffer[pos]!;
      switch (phase) {
        case 'start':
          if (c !== OPEN_BRACE) throw unexpected(c);
          pos++;
          phase = 'key';
          continue;
        case 'key':
        case 'value':
        case 'elements': {
          if (valueStart === -1) {
            if (phase === 'key' && c === CLOSE_BRACE && members === 0) {
              pos++;
              phase = 'end';
              continue;
            }
            if (phase === 'elements' && c === CLOSE_BRACKET && inList === 0) {
              pos++;
              phase = 'after-value';
              continue;
            }
            if (phase === 'key' && c !== QUOTE) throw unexpected(c);
            valueStart = pos;
            scanner.reset(pos);
          }
          const end = scanner.scan(buffer, final);
          if (end === -1) {
            if (final) throw unexpected(undefined);
            return;
          }
          const start = valueStart;
          valueStart = -1;
          pos = end;
          if (phase === 'key') {
            key = parse(start, end, 'a key of the document') as string;
            members++;
            phase = 'colon';
          } else if (phase === 'value') {
            envelope[key] = parse(start, end, `"${key}"`);
            phase = 'after-value';
          } else {
            element(parse(start, end, `events[${events}]`));
            inList++;
            phase = 'after-element';
          }
          continue;
        }
        case 'colon':
          if (c !== COLON) throw unexpected(c);
          pos++;
          // A list of events is read an element at a time; any other value whole.
          phase = key === 'events' ? 'events' : 'value';
          continue;
        case 'events':
          if (c === OPEN_BRACKET) {
            pos++;
            inList = 0;
            phase = 'elements';
          } else phase = 'value';
          continue;
        case 'after-value':
          pos++;
          if (c === COMMA) phase = 'key';
          else if (c === CLOSE_BRACE) phase = 'end';
          else {
            pos--;
            throw unexpected(c);
          }
          continue;
        case 'after-element':
          pos++;
          if (c === COMMA) phase = 'elements';
          else if (c === CLOSE_BRACKET) phase = 'after-value';
          else {
            pos--;
            throw unexpected(c);
          }
          continue;
        case 'end':
          throw unexpected(c);
      }
    }
  };
  const notJson = (error: unknown) =>
    new InputError([{ path: '', message: `is not valid JSON (${(error as Error).message})` }], file);
  let first = true;
  try {
    for await (const chunk of chunks) {
      if (first) {
        let i = 0;
        while (i < chunk.length && isSpace(chunk[i]!)) i++;
        if (i === chunk.length) {
          base += chunk.length;
          continue;
        }
        first = false;
        if (chunk[i] === OPEN_BRACKET)
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
        if (chunk[i] !== OPEN_BRACE) {
          // Not an object at all (a number, a string, text that is not JSON): core's parser says exactly what is wrong.
          const parsed = parseReferralEvents(await readTextFile(io, file), { format: 'json' });
          if (!parsed.ok) throw new InputError(parsed.errors, file);
          return 0;
        }
      }
      // Keep only the bytes not yet consumed (the value being scanned, if any), then add the new piece.
      const keep = valueStart !== -1 ? valueStart : pos;
      if (keep > 0) {
        base += keep;
        scanner.shift(keep);
        pos -= keep;
        if (valueStart !== -1) valueStart -= keep;
      }
      buffer = keep < buffer.length ? Buffer.concat([buffer.subarray(keep), chunk]) : chunk;
      step(false);
    }
    if (first) throw new NotJson('Unexpected end of JSON input');
    step(true);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof NotJson) throw notJson(error);
    throw error;
  }
  if (!sawEvents) {
    // No event at all: a small document (or none); core's parser gives its exact problems.
    const parsed = parseReferralEvents(await readTextFile(io, file), { format: 'json' });
    if (!parsed.ok) throw new InputError(parsed.errors, file);
    return 0;
  }
  // The document around the events: its kind and schema version.
  const shape = validateReferralEventsDocument({ ...envelope, events: [] });
  const all = shape.ok
    ? issues
    : shape.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e) })).concat(issues);
  if (all.length > 0) throw new InputError(all.slice(0, MAX_ISSUES + 1), file);
  return events;
}
