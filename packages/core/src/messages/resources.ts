/**
 * The community resource directories' messages (a search that cannot be
 * sent or failed, a query field that is not right) as codes with parameters,
 * and their English. A `DirectoryError` and each of its query issues carry
 * `messageCode` and `params` for the elements, which say them in the page's
 * language, beside the English `message` rendered here.
 *
 * The parameters are data: the directory's name (`source`, e.g. `ALISS`), an
 * HTTP status, a time limit in milliseconds, a field name, limits, ids (a
 * network failure's `cause`, e.g. `ECONNREFUSED`) and, as written, the text
 * the directory or the platform gave (`detail`), which no map translates.
 */
import type { MessageRenderers } from './types.js';

/** Which directory a cursor or id belongs to: ALISS, an Open Referral UK feed, or any other. */
export type DirectoryWhich = 'aliss' | 'feed' | 'directory';

/** A network failure's known cause (a platform error code), or the platform's own words. */
export type NetworkCauseParams = {
  /** A known cause: `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, `EAI_AGAIN`, `ETIMEDOUT` or `UND_ERR_SOCKET`. */
  readonly cause?: string | undefined;
  /** The platform's own words, when the cause is not a known one (shown as written). */
  readonly detail?: string | undefined;
};

/** A query field's problem: the issue beside the field. */
export interface DirectoryIssueParams {
  readonly 'directory.query-not-object': Record<string, never>;
  readonly 'directory.text-not-text': Record<string, never>;
  readonly 'directory.text-too-long': { readonly maximum: number };
  readonly 'directory.postcode': Record<string, never>;
  readonly 'directory.radius': { readonly maximum: number };
  readonly 'directory.category': Record<string, never>;
  readonly 'directory.location-type': Record<string, never>;
  readonly 'directory.limit': { readonly maximum: number };
  readonly 'directory.cursor': Record<string, never>;
  readonly 'directory.postcode-aliss': Record<string, never>;
  readonly 'directory.id-aliss': Record<string, never>;
  readonly 'directory.id-feed': Record<string, never>;
}

/** A directory issue's code. */
export type DirectoryIssueCode = keyof DirectoryIssueParams;

/** The parameters of each directory message code: the issues' and the errors'. */
export interface DirectoryMessageParams extends DirectoryIssueParams {
  /**
   * The query cannot be sent: its first problem, by `field` (`""` for the
   * query itself), the issue's code (`issue`) and the issue's parameters
   * (`maximum`, when it has one).
   */
  readonly 'directory.cannot-send': {
    readonly field: string;
    readonly issue: DirectoryIssueCode;
    readonly maximum?: number | undefined;
  };
  /** A cursor this directory (`from`) did not give. */
  readonly 'directory.cursor-unknown': { readonly from: DirectoryWhich };
  readonly 'directory.aliss-needs-postcode': Record<string, never>;
  /** An id that is not one of this directory's (`from`: `aliss` or `feed`). */
  readonly 'directory.not-an-id': { readonly from: 'aliss' | 'feed' };
  readonly 'directory.no-fetch': { readonly source: string };
  /** No complete answer within `timeoutMs` milliseconds. */
  readonly 'directory.timeout': { readonly source: string; readonly timeoutMs: number };
  /** Not reached at `host`. */
  readonly 'directory.unreachable': { readonly source: string; readonly host: string } & NetworkCauseParams;
  readonly 'directory.connection-broke': { readonly source: string } & NetworkCauseParams;
  /** An HTTP error `status`, with the directory's own explanation (`detail`, as it wrote it) when it gave one. */
  readonly 'directory.http-error': {
    readonly source: string;
    readonly status: number;
    readonly detail?: string | undefined;
  };
  /**
   * An answer in a shape this toolkit cannot read: `problems` found, the
   * first at `path` (`""`: the answer itself), with its technical `detail`
   * in English (the English says it; other languages leave it out).
   */
  readonly 'directory.malformed': {
    readonly source: string;
    readonly problems: number;
    readonly path?: string | undefined;
    readonly detail?: string | undefined;
  };
  readonly 'directory.aborted': Record<string, never>;
}

/** A directory message code. */
export type DirectoryMessageCode = keyof DirectoryMessageParams;

/** The English of each known network cause. */
export const NETWORK_CAUSES_EN: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'address not found',
  EAI_AGAIN: 'address lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

const HTTP_STATUS_EN: Readonly<Record<number, string>> = {
  400: ' Bad Request',
  401: ' Unauthorized',
  403: ' Forbidden',
  404: ' Not Found',
  429: ' Too Many Requests',
  500: ' Internal Server Error',
  502: ' Bad Gateway',
  503: ' Service Unavailable',
  504: ' Gateway Timeout',
};

const cause = (p: NetworkCauseParams) =>
  (p.cause !== undefined ? NETWORK_CAUSES_EN[p.cause] : undefined) ?? (p.detail || 'unknown network error');

const seconds = (ms: number) => {
  const s = ms / 1000;
  return s >= 1 ? `${Number(s.toFixed(1))} second${s === 1 ? '' : 's'}` : `${ms} ms`;
};

const GAVE_EN: Record<DirectoryWhich, string> = { aliss: 'ALISS', feed: 'this feed', directory: 'this directory' };

/** The English of every directory issue code. */
export const DIRECTORY_ISSUES_EN: MessageRenderers<DirectoryIssueParams> = {
  'directory.query-not-object': () => 'must be an object',
  'directory.text-not-text': () => 'must be text',
  'directory.text-too-long': (p) => `must be at most ${p.maximum} characters`,
  'directory.postcode': () => 'must be a UK postcode, e.g. "G40 1AA"',
  'directory.radius': (p) => `must be a whole number of metres from 1 to ${p.maximum}`,
  'directory.category': () => 'must be a category id made of letters, digits, "-", "_", "." or ":"',
  'directory.location-type': () => 'must be "local" or "national"',
  'directory.limit': (p) => `must be a whole number from 1 to ${p.maximum}`,
  'directory.cursor': () => 'is not a cursor this directory gave',
  'directory.postcode-aliss': () => 'is required by ALISS',
  'directory.id-aliss': () => 'is not an ALISS service id',
  'directory.id-feed': () => 'is not a service id',
};

/** The English of every directory message code, word for word what the directories wrote. */
export const DIRECTORY_MESSAGES_EN: MessageRenderers<DirectoryMessageParams> = {
  ...DIRECTORY_ISSUES_EN,
  'directory.cannot-send': (p) =>
    `The search cannot be sent: ${p.field ? `${p.field} ` : ''}${(
      DIRECTORY_ISSUES_EN[p.issue] as (params: { maximum?: number | undefined }) => string
    )(p)}.`,
  'directory.cursor-unknown': (p) => `The search cannot be continued: the cursor is not one ${GAVE_EN[p.from]} gave.`,
  'directory.aliss-needs-postcode': () => 'ALISS needs a postcode to search around.',
  'directory.not-an-id': (p) =>
    p.from === 'aliss' ? 'That is not an ALISS service id.' : 'That is not a service id of this feed.',
  'directory.no-fetch': (p) => `Cannot reach ${p.source}: this platform has no fetch.`,
  'directory.timeout': (p) => `${p.source} did not answer within ${seconds(p.timeoutMs)}.`,
  'directory.unreachable': (p) => `Could not reach ${p.source} (${p.host}): ${cause(p)}.`,
  'directory.connection-broke': (p) => `The connection to ${p.source} broke while reading its answer: ${cause(p)}.`,
  'directory.http-error': (p) =>
    `${p.source} answered with an error (HTTP ${p.status}${HTTP_STATUS_EN[p.status] ?? ''})${
      p.detail ? `: ${p.detail}` : ''
    }.`,
  'directory.malformed': (p) => {
    const where =
      p.detail === undefined
        ? ''
        : ` (${p.problems === 1 ? '' : `${p.problems} problems; first: `}${p.path ? `${p.path} ` : 'the answer '}${
            p.detail
          })`;
    return `${p.source} sent an answer this toolkit cannot read${where}.`;
  },
  'directory.aborted': () => 'The search was cancelled.',
};

/** A coded directory message: its code and parameters with its English `message`. */
export function directoryMessage<C extends DirectoryMessageCode>(
  code: C,
  params: DirectoryMessageParams[C],
): { readonly message: string; readonly messageCode: C; readonly params: DirectoryMessageParams[C] } {
  const message = (DIRECTORY_MESSAGES_EN[code] as (p: DirectoryMessageParams[C]) => string)(params);
  return { message, messageCode: code, params };
}
