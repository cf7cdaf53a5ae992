import { newAbortController, startTimer } from '../resources/platform.js';
import type { Change, ChangeFeed, FeedReset, FeedStatus } from './types.js';

/** The part of a streaming fetch `Response` the feed reads. A real `Response` fits. */
export interface StreamResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
}

/** The options the feed passes to fetch. */
export interface StreamFetchInit {
  readonly method: 'GET';
  readonly headers: Readonly<Record<string, string>>;
  /** A real `AbortSignal` (the feed creates it). */
  readonly signal: unknown;
  readonly cache: 'no-store';
}

/** A `fetch` whose response body can be read as it arrives: the global `fetch`, or a stub in tests. */
export type StreamFetch = {
  bivarianceHack(url: string, init: StreamFetchInit): Promise<StreamResponseLike>;
}['bivarianceHack'];

/** How {@link createChangeFeed} connects to `@links-approach/server`. */
export interface ChangeFeedOptions {
  /** The service's address, e.g. `https://links.example.nhs.uk` (the feed reads `<baseUrl>/api/changes`). */
  readonly baseUrl: string;
  /**
   * The bearer token for each (re)connection, from whatever sign-in the host
   * page has (e.g. MSAL). Called again before every reconnect, so a refreshed
   * token is used. The token goes in the Authorization header only, never in
   * the URL, and the feed keeps no copy.
   */
  readonly getToken: () => string | undefined | Promise<string | undefined>;
  /** The fetch to use (default: the global `fetch`). */
  readonly fetch?: StreamFetch;
  /** Resume after this seq on the first connection (e.g. a seq kept from an earlier page); default: from now. */
  readonly since?: number;
  /** Reconnect delays: the first (default 500 ms) doubling to at most `maxMs` (default 30 s), each with random jitter down to half. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Failed attempts in a row before the status says `offline` rather than `reconnecting` (default 3). */
  readonly offlineAfter?: number;
  /** No byte for this long (the server sends a keep-alive every 15 s) means the connection is dead: reconnect. Default 45 s. */
  readonly idleTimeoutMs?: number;
}

/** A {@link ChangeFeed} over `GET /api/changes`, with its state and a way to stop it. */
export interface HttpChangeFeed extends ChangeFeed {
  onStatus(listener: (status: FeedStatus) => void): () => void;
  onReset(listener: (reset: FeedReset) => void): () => void;
  /** The status now. */
  readonly status: FeedStatus;
  /** The seq of the last change seen (or the head when the feed started), to resume from; `undefined` before the first connection. */
  readonly lastSeq: number | undefined;
  /** Disconnects for good; listeners hear nothing more. */
  close(): void;
}

interface Globals {
  fetch?: StreamFetch;
  TextDecoder: new () => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
}
const globals = globalThis as unknown as Globals;

/** One server-sent event. */
interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
}

/**
 * A server-sent events parser (the WHATWG event-stream grammar): feed it text
 * as it arrives; it calls `onEvent` per dispatched event and `onComment` per
 * comment line. Lines end in CRLF, LF or CR; `data` lines join with LF.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  private started = false;
  private pendingCr = false;

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: (text: string) => void = () => undefined,
  ) {}

  /** Parses the next piece of the stream. */
  push(text: string): void {
    let chunk = text;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(this.buffer.slice(start, i));
      if (c === 13) {
        if (i + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0)
        this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.id = value;
  }
}

const KINDS: ReadonlySet<string> = new Set(['referral', 'plan', 'network-register', 'outcomes']);

/** A change frame's data, checked: a malformed frame is ignored rather than trusted. */
function parseChange(data: string): Change | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!Number.isSafeInteger(v['seq']) || typeof v['kind'] !== 'string' || !KINDS.has(v['kind'])) return undefined;
  if (typeof v['id'] !== 'string' || typeof v['practiceId'] !== 'string' || !Number.isSafeInteger(v['version']))
    return undefined;
  return {
    seq: v['seq'] as number,
    kind: v['kind'] as Change['kind'],
    id: v['id'],
    practiceId: v['practiceId'],
    version: v['version'] as number,
  };
}

function parseSeq(data: string): number | undefined {
  try {
    const seq = (JSON.parse(data) as { seq?: unknown }).seq;
    return Number.isSafeInteger(seq) && (seq as number) >= 0 ? (seq as number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The service's change feed, read through `fetch` as server-sent events
 * (`GET /api/changes`, bearer token in the Authorization header). It
 * connects when the first listener subscribes and disconnects when the last
 * one leaves. After a dropped connection it reconnects with a bounded,
 * jittered backoff and resumes with `Last-Event-ID` from the last change it
 * saw, so no change is missed or heard twice.
 *
 * Listeners hear ids and versions only ({@link Change}); fetch what changed.
 * When the service cannot replay what was missed (the position is unknown to
 * it, or too far back) the feed tells `onReset` listeners instead: refetch
 * everything shown. A reset is not passed to `subscribe` listeners.
 *
 * Status: `live` once the stream is open (with `upToDateAt` renewed on every
 * frame and keep-alive); `reconnecting` after a drop; `offline` after
 * `offlineAfter` failed attempts in a row (it keeps trying, at most every
 * `retry.maxMs`).
 *
 * @example
 * const feed = createChangeFeed({ baseUrl: 'https://links.example', getToken: () => msal.token() });
 * const stop = feed.subscribe((change) => { if (change.kind === 'referral') reload(change.id); });
 * feed.onReset(() => reloadEverything());
 */
export function createChangeFeed(options: ChangeFeedOptions): HttpChangeFeed {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/changes`;
  const initialMs = Math.max(1, options.retry?.initialMs ?? 500);
  const maxMs = Math.max(initialMs, options.retry?.maxMs ?? 30_000);
  const offlineAfter = Math.max(1, options.offlineAfter ?? 3);
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  const changeListeners = new Set<(change: Change) => void>();
  const statusListeners = new Set<(status: FeedStatus) => void>();
  const resetListeners = new Set<(reset: FeedReset) => void>();
  let cursor: number | undefined = options.since;
  let status: FeedStatus = { state: 'offline' };
  let running: { stop(): void } | undefined;
  let closed = false;

  const emit = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of Array.from(listeners)) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the feed carries on.
      }
    }
  };
  const setStatus = (state: FeedStatus['state'], current: boolean) => {
    const upToDateAt = current ? new Date().toISOString() : status.upToDateAt;
    status = upToDateAt === undefined ? { state } : { state, upToDateAt };
    emit(statusListeners, status);
  };

  /** Runs connections until stopped. */
  const start = () => {
    const doFetch = options.fetch ?? (typeof globals.fetch === 'function' ? globals.fetch.bind(globalThis) : undefined);
    let stopped = false;
    let abort: (() => void) | undefined;
    let wake: (() => void) | undefined;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const cancel = startTimer(ms, () => {
          wake = undefined;
          resolve();
        });
        wake = () => {
          cancel();
          wake = undefined;
          resolve();
        };
      });

    const connectOnce = async (): Promise<boolean> => {
      if (!doFetch) throw new Error('this platform has no fetch');
      const controller = newAbortController();
      let idle: (() => void) | undefined;
      const touch = () => {
        idle?.();
        idle = startTimer(idleTimeoutMs, () => controller.abort('idle'));
      };
      abort = () => controller.abort('stopped');
      let opened = false;
      try {
        const token = await options.getToken();
        if (stopped) return false;
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (token) headers['authorization'] = `Bearer ${token}`;
        if (cursor !== undefined) headers['last-event-id'] = String(cursor);
        touch();
        const response = await doFetch(url, { method: 'GET', headers, signal: controller.signal, cache: 'no-store' });
        if (
          !response.ok ||
          !response.body ||
          !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')
        ) {
          await response.body
            ?.getReader()
            .cancel()
            .catch(() => undefined);
          return false;
        }
        const reader = response.body.getReader();
        const decoder = new globals.TextDecoder();
        const parser = new SseParser(
          (event) => {
            if (event.event === 'ready') {
              const seq = parseSeq(event.data);
              if (cursor === undefined && seq !== undefined) cursor = seq;
              opened = true;
              setStatus('live', true);
            } else if (event.event === 'change') {
              const change = parseChange(event.data);
              if (!change || (cursor !== undefined && change.seq <= cursor)) return;
              cursor = change.seq;
              emit(changeListeners, change);
            } else if (event.event === 'reset') {
              const seq = parseSeq(event.data);
              if (seq === undefined) return;
              cursor = seq;
              emit(resetListeners, { seq });
            }
          },
          () => {
            if (opened) setStatus('live', true);
          },
        );
        for (;;) {
          const { done, value } = await reader.read();
          if (done || stopped) break;
          touch();
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // A network failure, an abort (idle, stopped) or a broken body: reconnect below.
      } finally {
        idle?.();
        abort = undefined;
      }
      return opened;
    };

    void (async () => {
      let failures = 0;
      // Bounded: each turn waits at least `initialMs / 2`; stops when the feed is stopped.
      while (!stopped) {
        const opened = await connectOnce();
        if (stopped) break;
        failures = opened ? 0 : failures + 1;
        setStatus(failures >= offlineAfter ? 'offline' : 'reconnecting', false);
        const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
        await sleep(ceiling * (0.5 + Math.random() / 2));
      }
    })();

    return {
      stop() {
        stopped = true;
        abort?.();
        wake?.();
      },
    };
  };

  const stopIfUnused = () => {
    if (changeListeners.size === 0 && running) {
      running.stop();
      running = undefined;
      setStatus('offline', false);
    }
  };

  return {
    subscribe(listener) {
      if (closed) return () => undefined;
      changeListeners.add(listener);
      running ??= start();
      return () => {
        changeListeners.delete(listener);
        stopIfUnused();
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    onReset(listener) {
      resetListeners.add(listener);
      return () => {
        resetListeners.delete(listener);
      };
    },
    get status() {
      return status;
    },
    get lastSeq() {
      return cursor;
    },
    close() {
      closed = true;
      changeListeners.clear();
      stopIfUnused();
      running?.stop();
      running = undefined;
      statusListeners.clear();
      resetListeners.clear();
    },
  };
}
