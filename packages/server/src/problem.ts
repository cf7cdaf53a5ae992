import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestValidationError } from './schemas.js';

/** One problem with a request, located by a JSON path (RFC 9457 extension member `errors`). */
export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
  /**
   * Core's message code for a validation or plan/network/outcome rule issue
   * (`text-too-long`, `plan.cycle-open`…), so a client can render `message`
   * in its own language from {@link ProblemIssue.params}; absent when core
   * gave none.
   */
  readonly messageCode?: string;
  /** The values core's message names (for a refusal: the parameters of its `code`), passed on unchanged. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The coded part of a core issue or refusal, as a problem issue carries it (nothing when core gave none). */
export function codedPart(from: {
  readonly messageCode?: string | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}): Pick<ProblemIssue, 'messageCode' | 'params'> {
  return {
    ...(from.messageCode !== undefined ? { messageCode: from.messageCode } : {}),
    ...(from.params !== undefined ? { params: from.params } : {}),
  };
}

/**
 * An HTTP error every route throws instead of writing a body: the one error
 * handler turns it into `application/problem+json` (RFC 9457).
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: readonly ProblemIssue[];
  readonly headers: Readonly<Record<string, string>>;
  /** Further members of the problem document (e.g. `currentVersion`). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    title: string,
    errors: readonly ProblemIssue[],
    options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(errors[0]?.message ?? title);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** A problem with one issue. */
export function problem(
  status: number,
  code: string,
  message: string,
  path = '',
  options: ConstructorParameters<typeof HttpProblem>[3] & { readonly params?: Readonly<Record<string, unknown>> } = {},
): HttpProblem {
  const { params, ...rest } = options;
  return new HttpProblem(status, TITLES[status] ?? 'Error', [{ path, message, code, ...codedPart({ params }) }], rest);
}

/** The largest request body accepted, in bytes (documented in the guide and `links serve --help`). */
export const BODY_LIMIT = 1_048_576;

function fromFastifyError(error: FastifyError & { validation?: unknown }): HttpProblem {
  if (error instanceof RequestValidationError) {
    return new HttpProblem(
      400,
      'Bad request',
      error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: 'invalid', ...codedPart(issue) })),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', `The request body is larger than ${BODY_LIMIT} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        415,
        'unsupported-media-type',
        'Send the request body as JSON (Content-Type: application/json).',
        '',
        {
          headers: { 'accept-post': 'application/json' },
        },
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(
        414,
        'uri-too-long',
        `A part of the address is longer than ${MAX_PARAM_LENGTH} characters: ids are at most 128.`,
      );
    case 'FST_ERR_BAD_URL':
      return problem(400, 'bad-url', 'The address is not a valid URL (a bad percent-encoding?).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'empty-body', 'The request says it has a JSON body, but the body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'invalid-json', 'The request body is not valid JSON.');
    default:
      break;
  }
  if (error instanceof SyntaxError || (error as { type?: string }).type === 'entity.parse.failed') {
    return problem(400, 'invalid-json', 'The request body is not valid JSON.');
  }
  if (isDatabaseUnavailable(error)) {
    return problem(
      503,
      'database-unreachable',
      'The database is not answering; nothing was written. Try again shortly.',
      '',
      { headers: { 'retry-after': '5' } },
    );
  }
  if (error.statusCode === 429) {
    return problem(429, 'rate-limited', 'Too many requests: wait and try again.');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, 'bad-request', 'The request could not be understood.');
  }
  return problem(
    500,
    'internal',
    'Something went wrong on the server. Nothing about your request was changed unless it said so.',
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A database that is down or restarting (connection refused or dropped, server shutting down), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = String((error as { message?: unknown }).message ?? '');
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database is closed|PGlite is closed/i.test(
    message,
  );
}

/** The longest path parameter Fastify's router accepts (its default); longer gives 414. */
export const MAX_PARAM_LENGTH = 100;

/**
 * Fastify's `frameworkErrors` option: the errors its router raises before any
 * route or hook runs (a path parameter over {@link MAX_PARAM_LENGTH}
 * characters, a malformed URL) become problem documents too.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, request, fromFastifyError(error));
}

/** Writes a problem document; the only place an error body is written. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(p.headers)) reply.header(name, value);
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: p.title,
      status: p.status,
      detail: p.errors[0]?.message ?? p.title,
      instance: request.url.split('?')[0],
      errors: p.errors,
      ...p.extra,
    });
}

/**
 * Installs the one error handler (every thrown error, validation failure,
 * body-parser refusal and rate limit) and the JSON 404 / 405 handler.
 */
export function installProblemHandlers(
  app: FastifyInstance,
  knownRoutes: () => readonly { method: string; url: string }[],
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const p = error instanceof HttpProblem ? error : fromFastifyError(error);
    if (p.status >= 500)
      request.log.error({ err: { type: error.name, code: error.code, message: error.message } }, 'request failed');
    if (p.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
    return sendProblem(reply, request, p);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = knownRoutes()
      .filter((route) => routeMatches(route.url, path))
      .map((route) => route.method);
    if (allowed.length > 0) {
      return sendProblem(
        reply,
        request,
        problem(
          405,
          'method-not-allowed',
          `${request.method} is not allowed here; use ${[...new Set(allowed)].join(', ')}.`,
          '',
          {
            headers: { allow: [...new Set(allowed)].join(', ') },
          },
        ),
      );
    }
    return sendProblem(reply, request, problem(404, 'not-found', 'There is nothing at this address.'));
  });
}

function routeMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return false;
  return a.every((part, i) => (part.startsWith(':') ? (b[i] ?? '') !== '' : part === b[i]));
}
