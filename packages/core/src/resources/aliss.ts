import * as z from 'zod/mini';
import { directoryMessage } from '../messages/resources.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import type { Result } from '../validation/result.js';
import { ALISS_SOURCE, licenceFromUrl, mergeAttribution } from './attribution.js';
import { cleanLine, cleanText, distinct, isoDate, safeHttpUrl, slugify } from './clean.js';
import { DEFAULT_TIMEOUT_MS, endpointOf, getJson, malformed } from './http.js';
import { type FetchLike, parseUrl } from './platform.js';
import { directoryIssue, normaliseQuery, type NormalisedQuery } from './query.js';
import type {
  CommunityResource,
  Directory,
  DirectoryCallOptions,
  DirectoryCategory,
  DirectoryResult,
  DirectorySource,
  ResourceCategory,
  ResourceLocation,
  ResourceQuery,
  ResourceSearchResult,
} from './types.js';

/** The public ALISS API, version 4. */
export const ALISS_DEFAULT_BASE_URL = 'https://www.aliss.org/api/v4/';
/** ALISS caps `page_size` at 100. */
export const ALISS_MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------
// Response schemas. Unknown extra fields are tolerated (and dropped); fields
// this toolkit needs are required, so drift is reported with JSON paths.
// ---------------------------------------------------------------------------

const optionalString = z.nullish(z.string());
const requiredString = z.string().check(z.minLength(1));
/** ALISS publishes accessibility features and community groups as names, or as `{name, slug}` objects. */
const tag = z.union([z.string(), z.object({ name: z.string(), slug: optionalString })]);

const alissLocationSchema = z.object({
  id: optionalString,
  formatted_address: optionalString,
  name: optionalString,
  description: optionalString,
  street_address: optionalString,
  locality: optionalString,
  region: optionalString,
  state: optionalString,
  postal_code: optionalString,
  country: optionalString,
  latitude: z.nullish(z.number()),
  longitude: z.nullish(z.number()),
});

/** One ALISS v4 service, as `/services/` and `/services/{id}/` return it. */
export const alissServiceSchema = z.object({
  id: requiredString,
  name: requiredString,
  description: optionalString,
  url: optionalString,
  referral_url: optionalString,
  phone: optionalString,
  email: optionalString,
  slug: optionalString,
  aliss_url: optionalString,
  permalink: optionalString,
  categories: z.nullish(z.array(z.object({ name: z.string(), slug: z.string() }))),
  accessibility_features: z.nullish(z.array(tag)),
  community_groups: z.nullish(z.array(tag)),
  service_areas: z.nullish(z.array(z.object({ code: optionalString, type: optionalString, name: z.string() }))),
  organisation: z.object({
    id: requiredString,
    name: requiredString,
    aliss_url: optionalString,
    permalink: optionalString,
    slug: optionalString,
    is_claimed: z.nullish(z.boolean()),
  }),
  locations: z.nullish(z.array(alissLocationSchema)),
  last_updated: optionalString,
  last_reviewed: optionalString,
  is_claimed: z.nullish(z.boolean()),
});

const alissMetaSchema = z.object({
  licence: optionalString,
  attribution: z.nullish(z.array(z.object({ text: z.string(), url: optionalString }))),
});

/** One page of `GET /api/v4/services/`: `{meta, count, next, previous, data}`. */
export const alissSearchPageSchema = z.object({
  meta: z.nullish(alissMetaSchema),
  count: z.nullish(z.number()),
  next: optionalString,
  previous: optionalString,
  data: z.array(alissServiceSchema),
});

/** `GET /api/v4/services/{id}/`: `{meta, data}`. */
export const alissServiceDetailSchema = z.object({
  meta: z.nullish(alissMetaSchema),
  data: alissServiceSchema,
});

interface AlissCategoryNode {
  name: string;
  slug: string;
  sub_categories?: AlissCategoryNode[] | null;
}
const alissCategoryNodeSchema: z.ZodMiniType<AlissCategoryNode> = z.object({
  name: z.string(),
  slug: z.string(),
  get sub_categories() {
    return z.nullish(z.array(alissCategoryNodeSchema));
  },
});

/** `GET /api/v4/categories/`: top-level categories with nested `sub_categories`. */
export const alissCategoriesSchema = z.object({
  meta: z.nullish(alissMetaSchema),
  data: z.array(alissCategoryNodeSchema),
});

/** An ALISS service as validated. */
export type AlissService = z.infer<typeof alissServiceSchema>;
/** An ALISS search page as validated. */
export type AlissSearchPage = z.infer<typeof alissSearchPageSchema>;

// ---------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------

/** The source (licence and attribution) an ALISS response states, on top of ALISS's own. */
export function alissSourceFromMeta(meta: AlissSearchPage['meta']): DirectorySource {
  return {
    ...ALISS_SOURCE,
    licence: licenceFromUrl(meta?.licence, ALISS_SOURCE.licence),
    attribution: mergeAttribution(ALISS_SOURCE.attribution, meta?.attribution),
  };
}

function tagName(value: string | { name: string; slug?: string | null }): string | undefined {
  return cleanLine(typeof value === 'string' ? value : value.name, 1000);
}

function alissLocation(location: z.infer<typeof alissLocationSchema>): ResourceLocation | undefined {
  const address =
    cleanLine(location.formatted_address, 1000) ??
    cleanLine([location.street_address, location.locality, location.postal_code].filter(Boolean).join(', '), 1000);
  const postcode = cleanLine(location.postal_code, 20);
  const name = cleanLine(location.name);
  const lat = location.latitude;
  const lon = location.longitude;
  const hasPoint = typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (!address && !postcode && !name && !hasPoint) return undefined;
  return {
    type: 'physical',
    ...(name ? { name } : {}),
    ...(address ? { address } : {}),
    ...(postcode ? { postcode } : {}),
    ...(hasPoint ? { latitude: lat, longitude: lon } : {}),
  };
}

/**
 * Maps one ALISS v4 service to a {@link CommunityResource}, keeping its
 * provenance (ALISS id and page, CC BY 4.0 licence, attribution, review dates).
 */
export function alissServiceToResource(
  service: AlissService,
  source: DirectorySource = ALISS_SOURCE,
): CommunityResource {
  const website = safeHttpUrl(service.url);
  const referralUrl = safeHttpUrl(service.referral_url);
  const listingUrl = safeHttpUrl(service.aliss_url) ?? safeHttpUrl(service.permalink);
  const phone = cleanLine(service.phone);
  const email = cleanLine(service.email);
  const lastReviewed = isoDate(service.last_reviewed);
  const lastUpdated = isoDate(service.last_updated);
  const sourceId = cleanLine(service.id, LIMITS.shortText) ?? 'unknown';
  const organisationUrl = safeHttpUrl(service.organisation.aliss_url) ?? safeHttpUrl(service.organisation.permalink);
  return {
    id: `${source.id}:${sourceId}`,
    name: cleanLine(service.name) ?? 'Untitled service',
    description: cleanText(service.description, LIMITS.longText) ?? '',
    status: 'active',
    organisation: {
      id: cleanLine(service.organisation.id) ?? 'unknown',
      name: cleanLine(service.organisation.name) ?? 'Unnamed organisation',
      ...(organisationUrl ? { url: organisationUrl } : {}),
    },
    contact: {
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(website ? { website } : {}),
      ...(referralUrl ? { referralUrl } : {}),
    },
    categories: distinct<ResourceCategory>(
      (service.categories ?? []).map((c) => {
        const name = cleanLine(c.name);
        return name ? { name, slug: cleanLine(c.slug) ?? slugify(name) } : undefined;
      }),
      (c) => c.slug,
    ).slice(0, 200),
    accessibilityFeatures: distinct((service.accessibility_features ?? []).map(tagName)).slice(0, 200),
    communityGroups: distinct(
      (service.community_groups ?? []).map((g) => cleanLine(typeof g === 'string' ? g : g.name)),
    ).slice(0, 200),
    locations: (service.locations ?? [])
      .map(alissLocation)
      .filter((l): l is ResourceLocation => l !== undefined)
      .slice(0, 500),
    serviceAreas: (service.service_areas ?? [])
      .map((area) => {
        const name = cleanLine(area.name);
        if (!name) return undefined;
        const code = cleanLine(area.code);
        const type = cleanLine(area.type);
        return { name, ...(code ? { code } : {}), ...(type ? { type } : {}) };
      })
      .filter((a) => a !== undefined)
      .slice(0, 500),
    provenance: {
      source: source.id,
      sourceName: source.name,
      sourceId,
      ...(listingUrl ? { url: listingUrl } : {}),
      licence: source.licence,
      attribution: [...source.attribution],
      ...(lastReviewed ? { lastReviewed } : {}),
      ...(lastUpdated ? { lastUpdated } : {}),
    },
  };
}

/**
 * Validates and maps a whole ALISS v4 search page (as JSON data): the
 * resources, the source's licence and attribution, and the `next` link.
 * Used by the client, and by hosts that load an ALISS export from a file.
 */
export function parseAlissSearchPage(
  input: unknown,
): Result<{ resources: CommunityResource[]; source: DirectorySource; total?: number; next?: string }> {
  const parsed = parseWith(alissSearchPageSchema, input);
  if (!parsed.ok) return parsed;
  const source = alissSourceFromMeta(parsed.value.meta);
  const next = parsed.value.next ?? undefined;
  const total = parsed.value.count ?? undefined;
  return {
    ok: true,
    value: {
      resources: parsed.value.data.map((service) => alissServiceToResource(service, source)),
      source,
      ...(typeof total === 'number' ? { total } : {}),
      ...(next ? { next } : {}),
    },
  };
}

// ---------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------

/** How to reach ALISS. */
export interface AlissDirectoryOptions {
  /** The API's base URL (default {@link ALISS_DEFAULT_BASE_URL}); a local fixture server in tests. */
  readonly baseUrl?: string;
  /** The fetch to use (default the global one). Tests inject one. */
  readonly fetch?: FetchLike;
  /** Per-request time limit in ms, including reading the body (default 10 000). */
  readonly timeoutMs?: number;
  /** Results asked for per page, 1–100 (default 100; the query's limit if smaller). */
  readonly pageSize?: number;
  /** Most pages one search may fetch (default 10); the result's `next` continues from there. */
  readonly maxPages?: number;
}

/**
 * Checks a directory base URL: an absolute http(s) URL, without query or
 * fragment. Returns it with a trailing slash, so paths resolve below it.
 */
export function validateBaseUrl(baseUrl: string): Result<string> {
  const url = typeof baseUrl === 'string' ? parseUrl(baseUrl.trim()) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return { ok: false, errors: [{ path: 'baseUrl', message: 'must be a web address starting http:// or https://' }] };
  }
  if (/[?#]/.test(baseUrl))
    return { ok: false, errors: [{ path: 'baseUrl', message: 'must not have a query (?) or fragment (#)' }] };
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, value: href };
}

interface Cursor {
  /** The page URL to fetch. */
  readonly u: string;
  /** How many results of that page were already returned. */
  readonly s: number;
}

function encodeCursor(cursor: Cursor): string {
  return JSON.stringify(cursor);
}

function decodeCursor(text: string): Cursor | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object') return undefined;
    const { u, s } = value as Record<string, unknown>;
    return typeof u === 'string' && Number.isInteger(s) && (s as number) >= 0 ? { u, s: s as number } : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` lies under `base` (same origin, path below the base path): `next` links may not lead elsewhere. */
function isUnder(url: string, base: string): boolean {
  const a = parseUrl(url);
  const b = parseUrl(base);
  return !!a && !!b && a.origin === b.origin && a.pathname.startsWith(b.pathname);
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * A {@link Directory} over the ALISS API (v4 by default). Searches follow
 * `next` until the query's limit; every response is validated; failures are
 * typed errors; CC BY 4.0 attribution comes with every result.
 *
 * ALISS v4 needs a postcode for every search: without one the search is
 * refused before anything is sent (`invalid-query`).
 */
export function createAlissDirectory(options: AlissDirectoryOptions = {}): Directory & {
  readonly baseUrl: string;
  listCategories(callOptions?: DirectoryCallOptions): Promise<DirectoryResult<readonly DirectoryCategory[]>>;
} {
  const base = validateBaseUrl(options.baseUrl ?? ALISS_DEFAULT_BASE_URL);
  const baseUrl = base.ok ? base.value : String(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = Math.min(Math.max(1, Math.trunc(options.pageSize ?? ALISS_MAX_PAGE_SIZE)), ALISS_MAX_PAGE_SIZE);
  const maxPages = Math.max(1, Math.trunc(options.maxPages ?? 10));
  const configProblem: DirectoryResult<never> | undefined = base.ok
    ? undefined
    : {
        ok: false,
        error: {
          kind: 'invalid-query',
          message: `The ALISS address is not usable: baseUrl ${base.errors[0]!.message}.`,
          issues: base.errors,
        },
      };

  const request = (url: string, callOptions: DirectoryCallOptions | undefined, notFoundIsEmpty = false) =>
    getJson(url, {
      timeoutMs,
      sourceName: ALISS_SOURCE.name,
      notFoundIsEmpty,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
    });

  function firstPageUrl(query: NormalisedQuery): string {
    const url = parseUrl('services/', baseUrl)!;
    if (query.text) url.searchParams.set('q', query.text);
    if (query.postcode) url.searchParams.set('postcode', query.postcode);
    if (query.category) url.searchParams.set('category', query.category);
    if (query.locationType) url.searchParams.set('location_type', query.locationType);
    if (query.radius) url.searchParams.set('radius', String(query.radius));
    url.searchParams.set('page_size', String(Math.min(pageSize, query.limit)));
    return url.href;
  }

  async function search(
    query: ResourceQuery,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<ResourceSearchResult>> {
    if (configProblem) return configProblem;
    const checked = normaliseQuery(query);
    if (!checked.ok) return checked;
    const q = checked.value;
    let cursor: Cursor;
    if (q.cursor) {
      const decoded = decodeCursor(q.cursor);
      if (!decoded || !isUnder(decoded.u, baseUrl)) {
        return {
          ok: false,
          error: {
            kind: 'invalid-query',
            ...directoryMessage('directory.cursor-unknown', { from: 'aliss' }),
            issues: [directoryIssue('cursor', 'directory.cursor', {})],
          },
        };
      }
      cursor = decoded;
    } else {
      if (!q.postcode) {
        return {
          ok: false,
          error: {
            kind: 'invalid-query',
            ...directoryMessage('directory.aliss-needs-postcode', {}),
            issues: [directoryIssue('postcode', 'directory.postcode-aliss', {})],
          },
        };
      }
      cursor = { u: firstPageUrl(q), s: 0 };
    }

    const resources: CommunityResource[] = [];
    let source: DirectorySource = ALISS_SOURCE;
    let total: number | undefined;
    let next: Cursor | undefined = cursor;
    let pagesFetched = 0;
    while (next && resources.length < q.limit && pagesFetched < maxPages) {
      const pageUrl: string = next.u;
      const skip: number = next.s;
      const answer = await request(pageUrl, callOptions);
      pagesFetched += 1;
      if (!answer.ok) return answer;
      const page = parseAlissSearchPage(answer.value);
      if (!page.ok) return { ok: false, error: malformed(ALISS_SOURCE.name, endpointOf(pageUrl), page.errors) };
      if (page.value.next && !isUnder(page.value.next, baseUrl)) {
        return {
          ok: false,
          error: malformed(ALISS_SOURCE.name, endpointOf(pageUrl), [
            { path: 'next', message: `points outside the directory (${endpointOf(page.value.next)})` },
          ]),
        };
      }
      source = page.value.source;
      total = page.value.total ?? total;
      const fresh = page.value.resources.slice(skip);
      const room = q.limit - resources.length;
      for (const resource of fresh.slice(0, room)) resources.push(resource);
      if (fresh.length > room) next = { u: pageUrl, s: skip + room };
      else next = page.value.next ? { u: page.value.next, s: 0 } : undefined;
    }
    return {
      ok: true,
      value: {
        resources,
        source,
        pagesFetched,
        ...(total !== undefined ? { total } : {}),
        ...(next ? { next: encodeCursor(next) } : {}),
      },
    };
  }

  async function getById(
    id: string,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<CommunityResource | undefined>> {
    if (configProblem) return configProblem;
    const bare =
      typeof id === 'string' && id.startsWith(`${ALISS_SOURCE.id}:`) ? id.slice(ALISS_SOURCE.id.length + 1) : id;
    if (typeof bare !== 'string' || !ID_PATTERN.test(bare)) {
      return {
        ok: false,
        error: {
          kind: 'invalid-query',
          ...directoryMessage('directory.not-an-id', { from: 'aliss' }),
          issues: [directoryIssue('id', 'directory.id-aliss', {})],
        },
      };
    }
    const url = parseUrl(`services/${encodeURIComponent(bare)}/`, baseUrl)!.href;
    const answer = await request(url, callOptions, true);
    if (!answer.ok) return answer;
    if (answer.value === undefined) return { ok: true, value: undefined };
    const parsed = parseWith(alissServiceDetailSchema, answer.value);
    if (!parsed.ok) return { ok: false, error: malformed(ALISS_SOURCE.name, endpointOf(url), parsed.errors) };
    return { ok: true, value: alissServiceToResource(parsed.value.data, alissSourceFromMeta(parsed.value.meta)) };
  }

  async function listCategories(
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<readonly DirectoryCategory[]>> {
    if (configProblem) return configProblem;
    const url = parseUrl('categories/', baseUrl)!.href;
    const answer = await request(url, callOptions);
    if (!answer.ok) return answer;
    const parsed = parseWith(alissCategoriesSchema, answer.value);
    if (!parsed.ok) return { ok: false, error: malformed(ALISS_SOURCE.name, endpointOf(url), parsed.errors) };
    const out: DirectoryCategory[] = [];
    const walk = (nodes: readonly AlissCategoryNode[], parent: string | undefined, depth: number) => {
      for (const node of nodes) {
        const name = cleanLine(node.name);
        const slug = cleanLine(node.slug);
        if (!name || !slug || out.length >= LIMITS.listItems) continue;
        out.push({ name, slug, depth, ...(parent ? { parent } : {}) });
        if (depth < 8) walk(node.sub_categories ?? [], slug, depth + 1);
      }
    };
    walk(parsed.value.data, undefined, 0);
    return { ok: true, value: out };
  }

  return { source: ALISS_SOURCE, baseUrl, search, getById, listCategories };
}
