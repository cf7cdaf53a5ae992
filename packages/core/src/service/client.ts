import { globalFetch, newAbortController, startTimer } from '../resources/platform.js';
import type { MessageParams } from '../messages/types.js';
import { storeMessage, type StoreMessage } from '../messages/store.js';

/** The part of a fetch `Response` the service client reads. A real `Response` fits. */
export interface ServiceResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the service client passes to fetch. */
export interface ServiceFetchInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A real `AbortSignal` (the client creates it, for its timeout). */
  readonly signal?: unknown;
  /** Never send cookies: the bearer token is the only credential. */
  readonly credentials?: 'omit';
}

/**
 * A `fetch` the service client can call: the global `fetch` (browsers, Node
 * 20+), or a stub in tests. Declared with method syntax so the global `fetch`
 * is accepted without casts.
 */
export type ServiceFetch = {
  bivarianceHack(url: string, init: ServiceFetchInit): Promise<ServiceResponseLike>;
}['bivarianceHack'];

/**
 * Gives the bearer token for the next request: from whatever sign-in the host
 * page already has (e.g. MSAL's `acquireTokenSilent` for Entra ID, or the
 * service's `--dev-auth` token endpoint in a demo). Called before every
 * request (and once more after a 401, so a refreshed token is picked up);
 * `undefined` sends no token. The toolkit puts the token only in the
 * `Authorization` header: never in a URL, and never in any storage.
 */
export type TokenProvider = () => string | undefined | null | Promise<string | undefined | null>;

/** Options for {@link createServiceClient}. */
export interface ServiceClientOptions {
  /** The service's address, e.g. `https://links.example.scot` or `http://127.0.0.1:8787` (a trailing `/api` is allowed). */
  readonly baseUrl: string;
  /** The host's token callback: see {@link TokenProvider}. */
  readonly getToken?: TokenProvider;
  /** The fetch to use (default: the global one). */
  readonly fetch?: ServiceFetch;
  /** Give up on a request after this many milliseconds (default 30 000): it then counts as unreachable. */
  readonly timeoutMs?: number;
}

/** One problem the service reported, located by a JSON path (`body.event.at`, `headers.if-match`). */
export interface ServiceIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
  /** Core's message code of a validation or rule issue (`text-too-long`, `plan.cycle-open`…), when the service gave one. */
  readonly messageCode?: string;
  /** The values the message names (an issue's or a refusal's parameters), when the service gave them. */
  readonly params?: MessageParams;
}

/** The coded part of an issue in a problem document (`messageCode`, `params`), when it is well formed. */
function codedPartOf(e: Record<string, unknown>): Pick<ServiceIssue, 'messageCode' | 'params'> {
  const messageCode = e['messageCode'];
  const params = e['params'];
  return {
    ...(typeof messageCode === 'string' ? { messageCode } : {}),
    ...(params !== null && typeof params === 'object' && !Array.isArray(params)
      ? { params: params as MessageParams }
      : {}),
  };
}

/**
 * A request the service refused or could not answer. `status` 0 means it was
 * not reached at all (network failure, timeout): `code` is then `unreachable`.
 */
export interface ServiceProblem {
  readonly status: number;
  /** The first issue's code (`conflict`, `version-conflict`, a core refusal code…), or `unreachable`. */
  readonly code: string;
  /** Plain English, fit to show. */
  readonly message: string;
  /** The code of `message` (core's `service.*` codes, or the code the service gave its first issue), when known. */
  readonly messageCode?: string;
  /** The values `message` names, with {@link ServiceProblem.messageCode}. */
  readonly params?: MessageParams;
  readonly errors: readonly ServiceIssue[];
  /** Further members of the problem document (`currentRevision`, `currentVersion`, …). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** The answer to one request: the parsed JSON body, or the problem. */
export type ServiceAnswer<T = unknown> =
  | { readonly ok: true; readonly status: number; readonly body: T; readonly etag: string | undefined }
  | { readonly ok: false; readonly problem: ServiceProblem };

/** A request to the service. */
export interface ServiceRequest {
  readonly method?: 'GET' | 'PUT' | 'POST';
  /** Path under `/api`, made only of ids (see {@link servicePath}), e.g. `/plans/plan-1`. */
  readonly path: string;
  /** Query parameters: ids and codes only, never a person reference or free text. */
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * The bearer token for this request, instead of asking `getToken()`; no
   * second attempt with another token after a 401 (it could be someone
   * else's). The offline queue uses it to send a person's events with their own token.
   */
  readonly token?: string;
}

/** Talks to `@links-approach/server`: one JSON request at a time, with the host's bearer token. */
export interface ServiceClient {
  /** The service's address, without a trailing `/` or `/api`. */
  readonly baseUrl: string;
  /** Sends a request; never throws (a network failure is a `status: 0` problem). */
  request<T = unknown>(request: ServiceRequest): Promise<ServiceAnswer<T>>;
}

/** What core says for an HTTP status the service sent no message with. */
function statusMessage(status: number): StoreMessage {
  switch (status) {
    case 401:
      return storeMessage('service.not-signed-in', {});
    case 403:
      return storeMessage('service.forbidden', {});
    case 404:
      return storeMessage('service.not-found', {});
    case 429:
      return storeMessage('service.busy', {});
    default:
      return status >= 500 ? storeMessage('service.unavailable', {}) : storeMessage('service.refused', { status });
  }
}

/** Builds an address path from ids: each part is percent-encoded. */
export function servicePath(...parts: readonly string[]): string {
  return parts.map((p) => `/${encodeURIComponent(p)}`).join('');
}

/** Removes a trailing slash and `/api` from a service address. */
export function serviceBase(baseUrl: string): string {
  return String(baseUrl)
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api$/, '');
}

/**
 * A client for `@links-approach/server` with `fetch` only (no DOM), for
 * pages and Node tools alike. The HTTP stores (`createHttpPlanStore`,
 * `createHttpReferralStore`, …) take one.
 *
 * @example
 * const client = createServiceClient({
 *   baseUrl: 'https://links.example.scot',
 *   getToken: async () => (await msal.acquireTokenSilent({ scopes })).accessToken,
 * });
 * const plans = createHttpPlanStore(client);
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const baseUrl = serviceBase(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchFn = options.fetch ?? (globalFetch() as ServiceFetch | undefined);

  async function send(request: ServiceRequest, token: string | undefined): Promise<ServiceAnswer<unknown>> {
    if (!fetchFn) return unreachable(storeMessage('service.no-fetch', {}));
    const query = Object.entries(request.query ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const url = `${baseUrl}/api${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const controller = newAbortController();
    const cancel = startTimer(timeoutMs, () => controller.abort());
    let response: ServiceResponseLike;
    let text: string;
    try {
      response = await fetchFn(url, {
        method: request.method ?? 'GET',
        headers,
        credentials: 'omit',
        signal: controller.signal,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
      text = await response.text();
    } catch {
      return unreachable(
        controller.signal.aborted
          ? storeMessage('service.timeout', { seconds: Math.round(timeoutMs / 1000) })
          : storeMessage('service.unreachable', {}),
      );
    } finally {
      cancel();
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const status = response.status;
    if (status >= 200 && status < 300) {
      return { ok: true, status, body, etag: response.headers.get('etag') ?? undefined };
    }
    return { ok: false, problem: toProblem(status, body) };
  }

  return {
    baseUrl,
    async request<T>(request: ServiceRequest): Promise<ServiceAnswer<T>> {
      if (request.token !== undefined) return (await send(request, request.token)) as ServiceAnswer<T>;
      const first = await send(request, await tokenFrom(options.getToken));
      if (first.ok || first.problem.status !== 401 || !options.getToken) return first as ServiceAnswer<T>;
      // The token may have expired between the call and the answer: ask the host once more.
      return (await send(request, await tokenFrom(options.getToken))) as ServiceAnswer<T>;
    },
  };
}

async function tokenFrom(getToken: TokenProvider | undefined): Promise<string | undefined> {
  if (!getToken) return undefined;
  try {
    const token = await getToken();
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

function unreachable(said: StoreMessage): ServiceAnswer<never> {
  const { message, messageCode, params } = said;
  return {
    ok: false,
    problem: {
      status: 0,
      code: 'unreachable',
      message,
      messageCode,
      params,
      errors: [{ path: '', message, code: 'unreachable', messageCode, params }],
      extra: {},
    },
  };
}

/** Reads an RFC 9457 problem document (or makes one for a body that is not one, e.g. a proxy's HTML page). */
function toProblem(status: number, body: unknown): ServiceProblem {
  const doc =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors: ServiceIssue[] = Array.isArray(doc['errors'])
    ? (doc['errors'] as unknown[])
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
        .map((e) => ({
          path: String(e['path'] ?? ''),
          message: String(e['message'] ?? ''),
          code: String(e['code'] ?? ''),
          ...codedPartOf(e),
        }))
    : [];
  // The service's own message (with its code, when it gave one), else core's for the status.
  const said: { message: string; messageCode?: string | undefined; params?: MessageParams | undefined } = errors[0]
    ?.message
    ? { message: errors[0].message, messageCode: errors[0].messageCode, params: errors[0].params }
    : typeof doc['detail'] === 'string' && doc['detail'] !== ''
      ? { message: doc['detail'] }
      : statusMessage(status);
  const { message } = said;
  const coded = said.messageCode !== undefined ? { messageCode: said.messageCode, params: said.params ?? {} } : {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!['type', 'title', 'status', 'detail', 'instance', 'errors'].includes(key)) extra[key] = value;
  }
  return {
    status,
    code: errors[0]?.code || `http-${status}`,
    message,
    ...coded,
    errors: errors.length > 0 ? errors : [{ path: '', message, code: `http-${status}`, ...coded }],
    extra,
  };
}

/**
 * A problem's message as the fields a store error carries: its English
 * `message`, with its `messageCode` and `params` when known.
 */
export function problemMessage(problem: ServiceProblem): {
  readonly message: string;
  readonly messageCode?: string;
  readonly params?: MessageParams;
} {
  return problem.messageCode !== undefined
    ? { message: problem.message, messageCode: problem.messageCode, params: problem.params ?? {} }
    : { message: problem.message };
}

/** True for answers that say "try again later" rather than "no": not reached, rate-limited, or a server failure. */
export function isTransient(problem: ServiceProblem): boolean {
  return (
    problem.status === 0 ||
    problem.status === 401 ||
    problem.status === 408 ||
    problem.status === 429 ||
    problem.status >= 500
  );
}
