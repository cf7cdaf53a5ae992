/**
 * The few web-platform globals the directory clients need (`fetch`, `URL`,
 * `AbortController`, timers), typed structurally. Core compiles without the
 * DOM or Node type libraries, so these are declared here, in their smallest
 * useful shape, and read from `globalThis` at run time. Browsers and
 * Node 20+ provide all of them.
 */

/** The part of `AbortSignal` the clients use. A real `AbortSignal` fits. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The part of a fetch `Response` the clients read. A real `Response` fits. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText?: string;
  text(): Promise<string>;
}

/** The options the clients pass to fetch. */
export interface FetchInit {
  readonly method?: 'GET';
  readonly headers?: Readonly<Record<string, string>>;
  /** A real `AbortSignal` (the clients create it). */
  readonly signal?: unknown;
}

/**
 * A `fetch` the clients can call: the global `fetch`, or a stub in tests.
 * Declared with method syntax so the global `fetch` (whose parameter types are
 * wider) is accepted without casts.
 */
export type FetchLike = {
  bivarianceHack(url: string, init?: FetchInit): Promise<ResponseLike>;
}['bivarianceHack'];

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

interface UrlLike {
  readonly origin: string;
  readonly pathname: string;
  readonly href: string;
  readonly protocol: string;
  readonly searchParams: { set(name: string, value: string): void; get(name: string): string | null };
  toString(): string;
}

interface Globals {
  fetch?: FetchLike;
  URL: new (url: string, base?: string) => UrlLike;
  AbortController: new () => AbortControllerLike;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globals = globalThis as unknown as Globals;

/** Parses a URL, or returns `undefined` when it is not one. */
export function parseUrl(url: string, base?: string): UrlLike | undefined {
  try {
    return new globals.URL(url, base);
  } catch {
    return undefined;
  }
}

/** The global fetch, if the platform has one. */
export function globalFetch(): FetchLike | undefined {
  return typeof globals.fetch === 'function' ? globals.fetch.bind(globalThis) : undefined;
}

/** A new AbortController. */
export function newAbortController(): AbortControllerLike {
  return new globals.AbortController();
}

/** Starts a timer; returns a function that cancels it. */
export function startTimer(ms: number, handler: () => void): () => void {
  const handle = globals.setTimeout(handler, ms);
  return () => globals.clearTimeout(handle);
}
