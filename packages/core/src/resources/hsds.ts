import * as z from 'zod/mini';
import { directoryMessage } from '../messages/resources.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import type { Result } from '../validation/result.js';
import { cleanLicence, mergeAttribution } from './attribution.js';
import { cleanLine, cleanText, distinct, isoDate, safeHttpUrl, slugify } from './clean.js';
import { DEFAULT_TIMEOUT_MS, endpointOf, getJson, malformed } from './http.js';
import { createMemoryDirectory } from './memory.js';
import { type FetchLike, parseUrl } from './platform.js';
import { directoryIssue, normaliseQuery } from './query.js';
import { RESOURCE_STATUSES } from './resource-schema.js';
import { validateBaseUrl } from './aliss.js';
import type {
  Attribution,
  CommunityResource,
  Directory,
  DirectoryCallOptions,
  DirectoryResult,
  DirectorySource,
  Licence,
  ResourceCategory,
  ResourceLocation,
  ResourceQuery,
  ResourceSearchResult,
  ResourceStatus,
} from './types.js';

// ---------------------------------------------------------------------------
// HSDS 3.0 schemas (the parts this toolkit reads). Open Referral UK feeds
// publish HSDS 3.0: `/services` pages are `{total_items, total_pages,
// page_number, size, first_page, last_page, empty, contents}`.
// ---------------------------------------------------------------------------

const optionalString = z.nullish(z.string());
const requiredString = z.string().check(z.minLength(1));
const optionalNumber = z.nullish(z.number());

const hsdsStatus = z.string().check(
  z.refine((s) => (RESOURCE_STATUSES as readonly string[]).includes(s.trim().toLowerCase()), {
    message: `must be one of ${RESOURCE_STATUSES.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
);

const hsdsAddressSchema = z.object({
  address_1: optionalString,
  address_2: optionalString,
  city: optionalString,
  region: optionalString,
  state_province: optionalString,
  postal_code: optionalString,
  country: optionalString,
  address_type: optionalString,
});

const hsdsLocationSchema = z.object({
  id: optionalString,
  location_type: z.nullish(z.enum(['physical', 'postal', 'virtual'])),
  url: optionalString,
  name: optionalString,
  description: optionalString,
  latitude: optionalNumber,
  longitude: optionalNumber,
  addresses: z.nullish(z.array(hsdsAddressSchema)),
  accessibility: z.nullish(
    z.array(z.object({ description: optionalString, details: optionalString, url: optionalString })),
  ),
});

const hsdsTaxonomyTermSchema = z.object({
  id: optionalString,
  code: optionalString,
  name: requiredString,
  taxonomy: optionalString,
});

/** One HSDS 3.0 service (list or fully nested form). */
export const hsdsServiceSchema = z.object({
  id: requiredString,
  name: requiredString,
  status: hsdsStatus,
  description: optionalString,
  url: optionalString,
  email: optionalString,
  eligibility_description: optionalString,
  fees_description: optionalString,
  fees: optionalString,
  assured_date: optionalString,
  last_modified: optionalString,
  organization: z.nullish(
    z.object({ id: optionalString, name: requiredString, website: optionalString, url: optionalString }),
  ),
  phones: z.nullish(z.array(z.object({ number: optionalString }))),
  service_at_locations: z.nullish(z.array(z.object({ location: z.nullish(hsdsLocationSchema) }))),
  service_areas: z.nullish(z.array(z.object({ name: optionalString, description: optionalString }))),
  attributes: z.nullish(
    z.array(z.object({ taxonomy_term: z.nullish(hsdsTaxonomyTermSchema), taxonomy_term_id: optionalString })),
  ),
  taxonomy_terms: z.nullish(z.array(hsdsTaxonomyTermSchema)),
});

/** A page of `GET /services` from an HSDS 3.0 API. */
export const hsdsServicePageSchema = z.object({
  total_items: optionalNumber,
  total_pages: optionalNumber,
  page_number: optionalNumber,
  size: optionalNumber,
  first_page: z.nullish(z.boolean()),
  last_page: z.nullish(z.boolean()),
  empty: z.nullish(z.boolean()),
  contents: z.array(hsdsServiceSchema),
});

/** An HSDS 3.0 service as validated. */
export type HsdsService = z.infer<typeof hsdsServiceSchema>;

// ---------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------

/** Who publishes an Open Referral UK feed, and under which terms. */
export interface HsdsPublisher {
  /** Stable id for the feed (default `open-referral-uk`); resource ids are `<id>:<service id>`. */
  readonly id?: string;
  /** The publisher's name, shown with results (default `Open Referral UK feed`). */
  readonly name?: string;
  /** The licence the feed states (default: not stated — check the publisher's terms). */
  readonly licence?: Licence;
  /** Attribution statements the publisher asks for. */
  readonly attribution?: readonly Attribution[];
}

/** A {@link DirectorySource} for an HSDS feed. */
export function hsdsSource(publisher: HsdsPublisher = {}): DirectorySource {
  const name = cleanLine(publisher.name) ?? 'Open Referral UK feed';
  return {
    id: cleanLine(publisher.id) ?? 'open-referral-uk',
    name,
    licence: cleanLicence(publisher.licence),
    attribution: mergeAttribution([{ text: `Contains information from ${name}.` }], publisher.attribution),
  };
}

function hsdsLocation(location: z.infer<typeof hsdsLocationSchema>): {
  location?: ResourceLocation;
  accessibility: string[];
} {
  const type = location.location_type ?? 'physical';
  const address = location.addresses?.find((a) => (a.address_type ?? type) !== 'postal') ?? location.addresses?.[0];
  const line = address
    ? cleanLine(
        [
          address.address_1,
          address.address_2,
          address.city,
          address.region ?? address.state_province,
          address.postal_code,
        ]
          .filter(Boolean)
          .join(', '),
        1000,
      )
    : undefined;
  const postcode = cleanLine(address?.postal_code, 20);
  const name = cleanLine(location.name);
  const url = safeHttpUrl(location.url);
  const lat = location.latitude;
  const lon = location.longitude;
  const hasPoint = typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  const accessibility = (location.accessibility ?? [])
    .map((a) => cleanLine([a.description, a.details].filter(Boolean).join(' — '), 1000))
    .filter((a): a is string => a !== undefined);
  if (!line && !postcode && !name && !hasPoint && !url) return { accessibility };
  return {
    location: {
      type,
      ...(name ? { name } : {}),
      ...(line ? { address: line } : {}),
      ...(postcode ? { postcode } : {}),
      ...(hasPoint ? { latitude: lat, longitude: lon } : {}),
      ...(url ? { url } : {}),
    },
    accessibility,
  };
}

function hsdsCategory(term: z.infer<typeof hsdsTaxonomyTermSchema> | null | undefined): ResourceCategory | undefined {
  const name = cleanLine(term?.name);
  if (!term || !name) return undefined;
  return { name, slug: cleanLine(term.id) ?? cleanLine(term.code) ?? slugify(name) };
}

/** Maps one HSDS 3.0 service to a {@link CommunityResource}, with its status, review date and provenance. */
export function hsdsServiceToResource(service: HsdsService, source: DirectorySource = hsdsSource()): CommunityResource {
  const sourceId = cleanLine(service.id) ?? 'unknown';
  const located = (service.service_at_locations ?? []).map((sal) =>
    sal.location ? hsdsLocation(sal.location) : { accessibility: [] },
  );
  const website = safeHttpUrl(service.url);
  const email = cleanLine(service.email);
  const phone = cleanLine(service.phones?.map((p) => p.number).find((n) => cleanLine(n)));
  const organisationUrl = safeHttpUrl(service.organization?.website) ?? safeHttpUrl(service.organization?.url);
  const organisationName = cleanLine(service.organization?.name);
  const organisationId = cleanLine(service.organization?.id);
  const eligibility = cleanText(service.eligibility_description, LIMITS.longText);
  const fees = cleanText(service.fees_description ?? service.fees, LIMITS.longText);
  const lastReviewed = isoDate(service.assured_date);
  const lastUpdated = isoDate(service.last_modified);
  return {
    id: `${source.id}:${sourceId}`,
    name: cleanLine(service.name) ?? 'Untitled service',
    description: cleanText(service.description, LIMITS.longText) ?? '',
    status: service.status.trim().toLowerCase() as ResourceStatus,
    ...(organisationName
      ? {
          organisation: {
            name: organisationName,
            ...(organisationId ? { id: organisationId } : {}),
            ...(organisationUrl ? { url: organisationUrl } : {}),
          },
        }
      : {}),
    contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(website ? { website } : {}) },
    categories: distinct<ResourceCategory>(
      [
        ...(service.attributes ?? []).map((a) => hsdsCategory(a.taxonomy_term)),
        ...(service.taxonomy_terms ?? []).map(hsdsCategory),
      ],
      (c) => c.slug,
    ).slice(0, 200),
    accessibilityFeatures: distinct(located.flatMap((l) => l.accessibility)).slice(0, 200),
    communityGroups: [],
    locations: located
      .map((l) => l.location)
      .filter((l): l is ResourceLocation => l !== undefined)
      .slice(0, 500),
    serviceAreas: (service.service_areas ?? [])
      .map((area) => cleanLine(area.name ?? area.description))
      .filter((name): name is string => name !== undefined)
      .map((name) => ({ name }))
      .slice(0, 500),
    ...(eligibility ? { eligibility } : {}),
    ...(fees ? { fees } : {}),
    provenance: {
      source: source.id,
      sourceName: source.name,
      sourceId,
      licence: source.licence,
      attribution: [...source.attribution],
      ...(lastReviewed ? { lastReviewed } : {}),
      ...(lastUpdated ? { lastUpdated } : {}),
    },
  };
}

/**
 * Validates and maps an HSDS document: a `/services` page
 * (`{contents: [...]}`), or a plain array of services.
 */
export function parseHsdsServices(
  input: unknown,
  publisher: HsdsPublisher = {},
): Result<{
  resources: CommunityResource[];
  source: DirectorySource;
  total?: number;
  totalPages?: number;
  page?: number;
}> {
  const source = hsdsSource(publisher);
  if (Array.isArray(input)) {
    const parsed = parseWith(z.array(hsdsServiceSchema), input);
    if (!parsed.ok) return parsed;
    return { ok: true, value: { resources: parsed.value.map((s) => hsdsServiceToResource(s, source)), source } };
  }
  const parsed = parseWith(hsdsServicePageSchema, input);
  if (!parsed.ok) return parsed;
  const page = parsed.value;
  return {
    ok: true,
    value: {
      resources: page.contents.map((s) => hsdsServiceToResource(s, source)),
      source,
      ...(typeof page.total_items === 'number' ? { total: page.total_items } : {}),
      ...(typeof page.total_pages === 'number' ? { totalPages: page.total_pages } : {}),
      ...(typeof page.page_number === 'number' ? { page: page.page_number } : {}),
    },
  };
}

// ---------------------------------------------------------------------------
// Directories
// ---------------------------------------------------------------------------

/** How to reach an HSDS 3.0 (Open Referral UK) API. */
export interface HsdsDirectoryOptions extends HsdsPublisher {
  /** The API's base URL; `/services` and `/services/{id}` are resolved below it. */
  readonly baseUrl: string;
  readonly fetch?: FetchLike;
  /** Per-request time limit in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** `per_page` asked for (default 50, at most 100). */
  readonly pageSize?: number;
  /** Most pages one search may fetch (default 10). */
  readonly maxPages?: number;
}

interface PageCursor {
  readonly p: number;
  readonly s: number;
}

/**
 * A {@link Directory} over an HSDS 3.0 API (an Open Referral UK feed): text →
 * `search`, category → `taxonomy_term_id`, postcode → `postcode`, radius →
 * `proximity` (feeds that do not support a parameter ignore it), paging with
 * `page`/`per_page` until the limit or `last_page`.
 */
export function createHsdsDirectory(options: HsdsDirectoryOptions): Directory {
  const source = hsdsSource(options);
  const base = validateBaseUrl(options.baseUrl);
  const baseUrl = base.ok ? base.value : String(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = Math.min(Math.max(1, Math.trunc(options.pageSize ?? 50)), 100);
  const maxPages = Math.max(1, Math.trunc(options.maxPages ?? 10));
  const configProblem: DirectoryResult<never> | undefined = base.ok
    ? undefined
    : {
        ok: false,
        error: {
          kind: 'invalid-query',
          message: `The feed address is not usable: baseUrl ${base.errors[0]!.message}.`,
          issues: base.errors,
        },
      };

  const request = (url: string, callOptions: DirectoryCallOptions | undefined, notFoundIsEmpty = false) =>
    getJson(url, {
      timeoutMs,
      sourceName: source.name,
      notFoundIsEmpty,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
    });

  async function search(
    query: ResourceQuery,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<ResourceSearchResult>> {
    if (configProblem) return configProblem;
    const checked = normaliseQuery(query);
    if (!checked.ok) return checked;
    const q = checked.value;
    let cursor: PageCursor = { p: 1, s: 0 };
    if (q.cursor) {
      const decoded = decodePageCursor(q.cursor);
      if (!decoded) {
        return {
          ok: false,
          error: {
            kind: 'invalid-query',
            ...directoryMessage('directory.cursor-unknown', { from: 'feed' }),
            issues: [directoryIssue('cursor', 'directory.cursor', {})],
          },
        };
      }
      cursor = decoded;
    }
    const resources: CommunityResource[] = [];
    let total: number | undefined;
    let next: PageCursor | undefined = cursor;
    let pagesFetched = 0;
    while (next && resources.length < q.limit && pagesFetched < maxPages) {
      const current: PageCursor = next;
      const url = parseUrl('services', baseUrl)!;
      if (q.text) url.searchParams.set('search', q.text);
      if (q.category) url.searchParams.set('taxonomy_term_id', q.category);
      if (q.postcode) url.searchParams.set('postcode', q.postcode);
      if (q.radius) url.searchParams.set('proximity', String(q.radius));
      url.searchParams.set('page', String(current.p));
      url.searchParams.set('per_page', String(pageSize));
      const answer = await request(url.href, callOptions);
      pagesFetched += 1;
      if (!answer.ok) return answer;
      if (Array.isArray(answer.value)) {
        return {
          ok: false,
          error: malformed(source.name, endpointOf(url.href), [
            { path: '', message: 'must be a page of services ({"contents": [...]}), not a list' },
          ]),
        };
      }
      const page = parseHsdsServices(answer.value, options);
      if (!page.ok) return { ok: false, error: malformed(source.name, endpointOf(url.href), page.errors) };
      total = page.value.total ?? total;
      const fresh = page.value.resources.slice(current.s);
      const room = q.limit - resources.length;
      for (const resource of fresh.slice(0, room)) resources.push(resource);
      const raw = answer.value as { last_page?: unknown; total_pages?: unknown };
      const isLast =
        raw.last_page === true ||
        (typeof raw.total_pages === 'number' && current.p >= raw.total_pages) ||
        page.value.resources.length === 0;
      if (fresh.length > room) next = { p: current.p, s: current.s + room };
      else next = isLast ? undefined : { p: current.p + 1, s: 0 };
    }
    return {
      ok: true,
      value: {
        resources,
        source,
        pagesFetched,
        ...(total !== undefined ? { total } : {}),
        ...(next ? { next: JSON.stringify(next) } : {}),
      },
    };
  }

  async function getById(
    id: string,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<CommunityResource | undefined>> {
    if (configProblem) return configProblem;
    const bare = typeof id === 'string' && id.startsWith(`${source.id}:`) ? id.slice(source.id.length + 1) : id;
    if (typeof bare !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/.test(bare)) {
      return {
        ok: false,
        error: {
          kind: 'invalid-query',
          ...directoryMessage('directory.not-an-id', { from: 'feed' }),
          issues: [directoryIssue('id', 'directory.id-feed', {})],
        },
      };
    }
    const url = parseUrl(`services/${encodeURIComponent(bare)}`, baseUrl)!.href;
    const answer = await request(url, callOptions, true);
    if (!answer.ok) return answer;
    if (answer.value === undefined) return { ok: true, value: undefined };
    const parsed = parseWith(hsdsServiceSchema, answer.value);
    if (!parsed.ok) return { ok: false, error: malformed(source.name, endpointOf(url), parsed.errors) };
    return { ok: true, value: hsdsServiceToResource(parsed.value, source) };
  }

  return { source, search, getById };
}

function decodePageCursor(text: string): PageCursor | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object') return undefined;
    const { p, s } = value as Record<string, unknown>;
    return Number.isInteger(p) && (p as number) >= 1 && Number.isInteger(s) && (s as number) >= 0
      ? { p: p as number, s: s as number }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A {@link Directory} over an HSDS document already in memory (a `/services`
 * page or an array of services, e.g. read from a JSON file). The document is
 * validated once; searching works as {@link createMemoryDirectory} does.
 */
export function createHsdsDocumentDirectory(document: unknown, publisher: HsdsPublisher = {}): Result<Directory> {
  const parsed = parseHsdsServices(document, publisher);
  if (!parsed.ok) return parsed;
  return createMemoryDirectory({ source: parsed.value.source, resources: parsed.value.resources });
}
