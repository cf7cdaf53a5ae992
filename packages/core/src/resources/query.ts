import type { ValidationIssue } from '../validation/result.js';
import {
  directoryMessage,
  type DirectoryIssueCode,
  type DirectoryIssueParams,
  type DirectoryMessageParams,
} from '../messages/resources.js';
import type { DirectoryResult, ResourceQuery } from './types.js';

/** Results a search returns when the query does not say (`limit`). */
export const DEFAULT_SEARCH_LIMIT = 20;
/** The most results one search may ask for; larger lists are paged with `cursor`. */
export const MAX_SEARCH_LIMIT = 500;
/** The largest radius accepted, in metres (ALISS searches in metres; 200 km covers Scotland's widest local area). */
export const MAX_RADIUS_METRES = 200_000;

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
const CATEGORY = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** A query after checking: trimmed, postcode in standard form, limit filled in. */
export interface NormalisedQuery {
  readonly text?: string;
  readonly postcode?: string;
  readonly radius?: number;
  readonly category?: string;
  readonly locationType?: 'local' | 'national';
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Puts a UK postcode in standard form (`g401aa` → `G40 1AA`), or returns
 * `undefined` when it is not one.
 */
export function normalisePostcode(postcode: string): string | undefined {
  const match = POSTCODE.exec(postcode.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : undefined;
}

/** The outward code (district) of a standard-form postcode: `G40 1AA` → `G40`. */
export function postcodeDistrict(postcode: string): string | undefined {
  return normalisePostcode(postcode)?.split(' ')[0];
}

/** The area letters of a postcode: `G40 1AA` → `G`, `EH1 1AA` → `EH`. */
export function postcodeArea(postcode: string): string | undefined {
  return /^[A-Z]+/.exec(normalisePostcode(postcode) ?? '')?.[0];
}

/**
 * Checks a {@link ResourceQuery} before anything is sent: text length, the
 * postcode's form, radius, category id, limit. Problems come back as an
 * `invalid-query` error whose issues name the field.
 */
export function normaliseQuery(query: ResourceQuery): DirectoryResult<NormalisedQuery> {
  const issues: ValidationIssue[] = [];
  const out: { -readonly [K in keyof NormalisedQuery]: NormalisedQuery[K] } = { limit: DEFAULT_SEARCH_LIMIT };
  if (query === null || typeof query !== 'object') {
    return invalid([directoryIssue('', 'directory.query-not-object', {})]);
  }
  if (query.text !== undefined) {
    if (typeof query.text !== 'string') issues.push(directoryIssue('text', 'directory.text-not-text', {}));
    else if (query.text.trim().length > 200)
      issues.push(directoryIssue('text', 'directory.text-too-long', { maximum: 200 }));
    else if (query.text.trim()) out.text = query.text.trim();
  }
  if (query.postcode !== undefined) {
    const postcode = typeof query.postcode === 'string' ? normalisePostcode(query.postcode) : undefined;
    if (typeof query.postcode === 'string' && !query.postcode.trim()) {
      // An empty postcode box means no postcode.
    } else if (!postcode) issues.push(directoryIssue('postcode', 'directory.postcode', {}));
    else out.postcode = postcode;
  }
  if (query.radius !== undefined) {
    if (!Number.isInteger(query.radius) || query.radius < 1 || query.radius > MAX_RADIUS_METRES) {
      issues.push(directoryIssue('radius', 'directory.radius', { maximum: MAX_RADIUS_METRES }));
    } else out.radius = query.radius;
  }
  if (query.category !== undefined) {
    if (typeof query.category !== 'string' || (query.category.trim() && !CATEGORY.test(query.category.trim()))) {
      issues.push(directoryIssue('category', 'directory.category', {}));
    } else if (query.category.trim()) out.category = query.category.trim();
  }
  if (query.locationType !== undefined) {
    if (query.locationType !== 'local' && query.locationType !== 'national') {
      issues.push(directoryIssue('locationType', 'directory.location-type', {}));
    } else out.locationType = query.locationType;
  }
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
      issues.push(directoryIssue('limit', 'directory.limit', { maximum: MAX_SEARCH_LIMIT }));
    } else out.limit = query.limit;
  }
  if (query.cursor !== undefined) {
    if (typeof query.cursor !== 'string' || query.cursor.length > 4000)
      issues.push(directoryIssue('cursor', 'directory.cursor', {}));
    else out.cursor = query.cursor;
  }
  return issues.length > 0 ? invalid(issues) : { ok: true, value: out };
}

/** A stable text key for a query: the same search gives the same key. */
export function queryKey(query: NormalisedQuery): string {
  return JSON.stringify([
    query.text?.toLowerCase() ?? '',
    query.postcode ?? '',
    query.radius ?? '',
    query.category ?? '',
    query.locationType ?? '',
    query.limit,
    query.cursor ?? '',
  ]);
}

/** A query field's issue, by code, with its English (`DIRECTORY_MESSAGES_EN`). */
export function directoryIssue<C extends DirectoryIssueCode>(
  path: string,
  code: C,
  params: DirectoryIssueParams[C],
): ValidationIssue {
  return { path, ...directoryMessage(code, params as DirectoryMessageParams[C]) };
}

function invalid(issues: ValidationIssue[]): DirectoryResult<never> {
  const first = issues[0]!;
  const maximum = first.params?.['maximum'];
  return {
    ok: false,
    error: {
      kind: 'invalid-query',
      ...directoryMessage('directory.cannot-send', {
        field: first.path,
        issue: first.messageCode as DirectoryIssueCode,
        ...(typeof maximum === 'number' ? { maximum } : {}),
      }),
      issues,
    },
  };
}
