import type { ValidationIssue } from '../validation/result.js';
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
    return invalid([{ path: '', message: 'must be an object' }]);
  }
  if (query.text !== undefined) {
    if (typeof query.text !== 'string') issues.push({ path: 'text', message: 'must be text' });
    else if (query.text.trim().length > 200) issues.push({ path: 'text', message: 'must be at most 200 characters' });
    else if (query.text.trim()) out.text = query.text.trim();
  }
  if (query.postcode !== undefined) {
    const postcode = typeof query.postcode === 'string' ? normalisePostcode(query.postcode) : undefined;
    if (typeof query.postcode === 'string' && !query.postcode.trim()) {
      // An empty postcode box means no postcode.
    } else if (!postcode) issues.push({ path: 'postcode', message: 'must be a UK postcode, e.g. "G40 1AA"' });
    else out.postcode = postcode;
  }
  if (query.radius !== undefined) {
    if (!Number.isInteger(query.radius) || query.radius < 1 || query.radius > MAX_RADIUS_METRES) {
      issues.push({ path: 'radius', message: `must be a whole number of metres from 1 to ${MAX_RADIUS_METRES}` });
    } else out.radius = query.radius;
  }
  if (query.category !== undefined) {
    if (typeof query.category !== 'string' || (query.category.trim() && !CATEGORY.test(query.category.trim()))) {
      issues.push({ path: 'category', message: 'must be a category id made of letters, digits, "-", "_", "." or ":"' });
    } else if (query.category.trim()) out.category = query.category.trim();
  }
  if (query.locationType !== undefined) {
    if (query.locationType !== 'local' && query.locationType !== 'national') {
      issues.push({ path: 'locationType', message: 'must be "local" or "national"' });
    } else out.locationType = query.locationType;
  }
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
      issues.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_SEARCH_LIMIT}` });
    } else out.limit = query.limit;
  }
  if (query.cursor !== undefined) {
    if (typeof query.cursor !== 'string' || query.cursor.length > 4000)
      issues.push({ path: 'cursor', message: 'is not a cursor this directory gave' });
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

function invalid(issues: ValidationIssue[]): DirectoryResult<never> {
  const first = issues[0]!;
  return {
    ok: false,
    error: {
      kind: 'invalid-query',
      message: `The search cannot be sent: ${first.path ? `${first.path} ` : ''}${first.message}.`,
      issues,
    },
  };
}
