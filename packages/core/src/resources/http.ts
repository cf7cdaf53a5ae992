import type { ValidationIssue } from '../validation/result.js';
import { directoryMessage, NETWORK_CAUSES_EN } from '../messages/resources.js';
import {
  type AbortSignalLike,
  type FetchLike,
  globalFetch,
  newAbortController,
  parseUrl,
  startTimer,
} from './platform.js';
import type { DirectoryError, DirectoryResult } from './types.js';

/** How long a directory request may take, unless the client is told otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** The largest response body accepted (5 MB); a directory page is far smaller. */
export const MAX_RESPONSE_CHARS = 5_000_000;

/** What every request needs to know. */
export interface RequestOptions {
  readonly fetch?: FetchLike;
  readonly timeoutMs: number;
  readonly signal?: AbortSignalLike;
  /** The directory's display name, for messages ("Could not reach ALISS"). */
  readonly sourceName: string;
  /** Treat 404 as "no such resource" (`undefined`) rather than an error. */
  readonly notFoundIsEmpty?: boolean;
}

/**
 * The origin and path of a URL, without its query: what errors and logs may
 * show. A search's query string can hold a postcode, which stays out of them.
 */
export function endpointOf(url: string): string {
  const parsed = parseUrl(url);
  return parsed ? `${parsed.origin}${parsed.pathname}` : '(invalid address)';
}

/**
 * GETs a URL and parses its JSON body, with a timeout and cancellation. Never
 * throws: a failure is a typed {@link DirectoryError}. The timeout covers
 * reading the body too, and holds even if a stubbed fetch ignores the signal.
 */
export async function getJson(url: string, options: RequestOptions): Promise<DirectoryResult<unknown>> {
  const endpoint = endpointOf(url);
  const name = options.sourceName;
  const fetchFn = options.fetch ?? globalFetch();
  if (!fetchFn) return fail({ kind: 'network', ...directoryMessage('directory.no-fetch', { source: name }), endpoint });
  if (options.signal?.aborted) return fail(aborted(endpoint));

  const controller = newAbortController();
  let why: 'timeout' | 'aborted' | undefined;
  let wake: (() => void) | undefined;
  const stopped = new Promise<'stopped'>((resolve) => {
    wake = () => resolve('stopped');
  });
  const stop = (reason: 'timeout' | 'aborted') => {
    if (why) return;
    why = reason;
    controller.abort(reason);
    wake?.();
  };
  const onAbort = () => stop('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelTimer = startTimer(options.timeoutMs, () => stop('timeout'));

  const settle = (): DirectoryError =>
    why === 'timeout'
      ? {
          kind: 'timeout',
          ...directoryMessage('directory.timeout', { source: name, timeoutMs: options.timeoutMs }),
          endpoint,
          timeoutMs: options.timeoutMs,
        }
      : aborted(endpoint);

  try {
    let response;
    try {
      const answer = await Promise.race([
        fetchFn(url, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal }),
        stopped,
      ]);
      if (answer === 'stopped') return fail(settle());
      response = answer;
    } catch (error) {
      if (why) return fail(settle());
      return fail({
        kind: 'network',
        ...directoryMessage('directory.unreachable', { source: name, host: hostOf(url), ...describeCause(error) }),
        endpoint,
      });
    }

    let body: string;
    try {
      const read = await Promise.race([response.text(), stopped]);
      if (read === 'stopped') return fail(settle());
      body = read;
    } catch (error) {
      if (why) return fail(settle());
      return fail({
        kind: 'network',
        ...directoryMessage('directory.connection-broke', { source: name, ...describeCause(error) }),
        endpoint,
      });
    }

    if (!response.ok) {
      if (response.status === 404 && options.notFoundIsEmpty) return { ok: true, value: undefined };
      return fail({
        kind: 'http',
        status: response.status,
        ...directoryMessage('directory.http-error', {
          source: name,
          status: response.status,
          ...errorDetail(body),
        }),
        endpoint,
      });
    }
    if (body.length > MAX_RESPONSE_CHARS) {
      return fail(
        malformed(name, endpoint, [{ path: '', message: `is larger than ${MAX_RESPONSE_CHARS} characters` }]),
      );
    }
    try {
      return { ok: true, value: JSON.parse(body) as unknown };
    } catch {
      return fail(malformed(name, endpoint, [{ path: '', message: 'is not valid JSON' }]));
    }
  } finally {
    cancelTimer();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** A `malformed` error for an answer that did not have the expected shape. */
export function malformed(
  sourceName: string,
  endpoint: string | undefined,
  issues: readonly ValidationIssue[],
): DirectoryError {
  const first = issues[0];
  return {
    kind: 'malformed',
    ...directoryMessage('directory.malformed', {
      source: sourceName,
      problems: issues.length,
      ...(first ? { path: first.path, detail: first.message } : {}),
    }),
    endpoint,
    issues,
  };
}

function aborted(endpoint: string): DirectoryError {
  return { kind: 'aborted', ...directoryMessage('directory.aborted', {}), endpoint };
}

function fail(error: DirectoryError): DirectoryResult<never> {
  return { ok: false, error };
}

function hostOf(url: string): string {
  return parseUrl(url)?.origin.replace(/^https?:\/\//, '') ?? url;
}

/**
 * A short, plain summary of an error body, when it is the JSON a REST API
 * sends (`{"detail": "..."}` or `{"postcode": ["..."]}`). Untrusted text:
 * shortened, one line, shown only as text.
 */
function errorDetail(body: string): { detail?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const parts: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>).slice(0, 3)) {
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v === 'string').join(' ')
      : typeof value === 'string'
        ? value
        : '';
    if (text) parts.push(key === 'detail' ? text : `${key}: ${text}`);
  }
  const detail = parts.join('; ').replace(/\s+/g, ' ').trim();
  return detail ? { detail: detail.length > 300 ? `${detail.slice(0, 299)}…` : detail } : {};
}

/** A network failure's cause: a known platform code, else the platform's own words (shortened). */
function describeCause(error: unknown): { cause: string } | { detail: string } {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code && Object.prototype.hasOwnProperty.call(NETWORK_CAUSES_EN, code)) return { cause: code };
  const message = error instanceof Error ? error.message : String(error);
  return { detail: message.length > 200 ? `${message.slice(0, 199)}…` : message };
}
