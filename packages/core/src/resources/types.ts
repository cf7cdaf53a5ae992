import type * as z from 'zod/mini';
import type { ValidationIssue } from '../validation/result.js';
import type { MessageParams } from '../messages/types.js';
import type { AbortSignalLike } from './platform.js';
import type {
  attributionSchema,
  communityResourceSchema,
  licenceSchema,
  provenanceSchema,
  resourceCategorySchema,
  resourceContactSchema,
  resourceLocationSchema,
  resourceOrganisationSchema,
  serviceAreaSchema,
  RESOURCE_STATUSES,
} from './resource-schema.js';

/** One community resource (a service), whichever directory it came from. */
export type CommunityResource = z.infer<typeof communityResourceSchema>;
/** Where a resource came from, its licence and attribution, and its review dates. */
export type ResourceProvenance = z.infer<typeof provenanceSchema>;
/** A licence the data is published under. */
export type Licence = z.infer<typeof licenceSchema>;
/** One attribution statement a publisher asks re-users to show. */
export type Attribution = z.infer<typeof attributionSchema>;
/** A category (ALISS category, HSDS taxonomy term). */
export type ResourceCategory = z.infer<typeof resourceCategorySchema>;
/** A place a resource is delivered from, or a virtual location. */
export type ResourceLocation = z.infer<typeof resourceLocationSchema>;
/** An area a resource serves. */
export type ServiceArea = z.infer<typeof serviceAreaSchema>;
/** How to get in touch with a resource. */
export type ResourceContact = z.infer<typeof resourceContactSchema>;
/** The organisation that runs a resource. */
export type ResourceOrganisation = z.infer<typeof resourceOrganisationSchema>;
/** Service status as HSDS 3.0 defines it. */
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** What to search a directory for. Every field is optional; directories say which they need. */
export interface ResourceQuery {
  /** Free text (ALISS `q`, HSDS `search`). */
  readonly text?: string;
  /** A UK postcode to search around. ALISS v4 requires one. */
  readonly postcode?: string;
  /** Search radius in metres around the postcode (ALISS default 5000). */
  readonly radius?: number;
  /** A category slug (ALISS category slug, HSDS taxonomy term id). */
  readonly category?: string;
  /** `local` services near the postcode or `national` ones (ALISS only). */
  readonly locationType?: 'local' | 'national';
  /** Most resources to return (default 20, at most {@link MAX_SEARCH_LIMIT}); pages are followed until reached. */
  readonly limit?: number;
  /** Continue a previous search: the `next` cursor of its result. */
  readonly cursor?: string;
}

/** Options for one directory call. */
export interface DirectoryCallOptions {
  /** Cancels the call; the result is then an `aborted` error. */
  readonly signal?: AbortSignalLike;
}

/** What a directory says about itself and its data's terms. */
export interface DirectorySource {
  /** Stable id, e.g. `aliss`. */
  readonly id: string;
  /** Display name, e.g. `ALISS`. */
  readonly name: string;
  /** The licence results are published under. */
  readonly licence: Licence;
  /** Attribution statements to show with the results. */
  readonly attribution: readonly Attribution[];
}

/** One search's answer. */
export interface ResourceSearchResult {
  readonly resources: readonly CommunityResource[];
  /** How many matches the directory reports in all, when it says. */
  readonly total?: number;
  /** Pass as `cursor` to get the next results; absent when there are no more. */
  readonly next?: string;
  /** Who published the results, under which licence, with which attribution. */
  readonly source: DirectorySource;
  /** How many pages were fetched to answer (0 when answered from a cache or memory). */
  readonly pagesFetched: number;
}

/**
 * Why a directory call failed. `kind` says what went wrong:
 * - `network`: the directory could not be reached (DNS, refused, reset);
 * - `timeout`: no complete answer within the time limit;
 * - `http`: the directory answered with an error status (`status`);
 * - `malformed`: the answer was not JSON or not the expected shape (`issues`, with JSON paths);
 * - `aborted`: the caller cancelled;
 * - `invalid-query`: the query itself cannot be sent (`issues`), e.g. ALISS without a postcode.
 */
export type DirectoryError = DirectoryErrorCode &
  (
    | { readonly kind: 'network'; readonly message: string; readonly endpoint?: string }
    | { readonly kind: 'timeout'; readonly message: string; readonly endpoint?: string; readonly timeoutMs: number }
    | { readonly kind: 'http'; readonly message: string; readonly endpoint?: string; readonly status: number }
    | {
        readonly kind: 'malformed';
        readonly message: string;
        readonly endpoint?: string;
        readonly issues: readonly ValidationIssue[];
      }
    | { readonly kind: 'aborted'; readonly message: string; readonly endpoint?: string }
    | { readonly kind: 'invalid-query'; readonly message: string; readonly issues: readonly ValidationIssue[] }
  );

/**
 * A directory error's `message` as a code with parameters (`directory.timeout`
 * `{ source, timeoutMs }`, …; see `DIRECTORY_MESSAGES_EN`), so an element can
 * say it in the page's language. Absent on a host's own directory's errors:
 * show `message` then.
 */
export interface DirectoryErrorCode {
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/** The kinds of {@link DirectoryError}. */
export type DirectoryErrorKind = DirectoryError['kind'];

/** A directory call's outcome: the value, or one typed error. Never thrown. */
export type DirectoryResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DirectoryError };

/**
 * A searchable directory of community resources. ALISS, an Open Referral UK
 * feed, an in-memory list and a cache around any of them all fit, so a host
 * can plug in its own. Calls never throw: failures come back as a
 * {@link DirectoryError}.
 */
export interface Directory {
  /** Who publishes this directory's data and under which terms. */
  readonly source: DirectorySource;
  /** Searches; follows the directory's pages until `query.limit` results or the end. */
  search(query: ResourceQuery, options?: DirectoryCallOptions): Promise<DirectoryResult<ResourceSearchResult>>;
  /** One resource by its id (`<source>:<sourceId>`, or the bare source id); `undefined` when there is none. */
  getById(id: string, options?: DirectoryCallOptions): Promise<DirectoryResult<CommunityResource | undefined>>;
  /** The categories it offers for filtering, when it can list them. */
  listCategories?(options?: DirectoryCallOptions): Promise<DirectoryResult<readonly DirectoryCategory[]>>;
}

/** A category a directory offers for filtering, flattened from its tree (depth 0 = top level). */
export interface DirectoryCategory extends ResourceCategory {
  /** The parent category's slug. */
  readonly parent?: string;
  /** 0 for a top-level category, 1 for its children, and so on. */
  readonly depth: number;
}
