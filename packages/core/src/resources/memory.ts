import * as z from 'zod/mini';
import { directoryMessage } from '../messages/resources.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import { joinPath } from '../validation/path.js';
import type { Result } from '../validation/result.js';
import { slugify } from './clean.js';
import { cleanSource } from './attribution.js';
import { directoryIssue, normaliseQuery, postcodeArea, postcodeDistrict } from './query.js';
import { communityResourceSchema } from './resource-schema.js';
import type {
  CommunityResource,
  Directory,
  DirectoryCallOptions,
  DirectoryCategory,
  DirectoryResult,
  DirectorySource,
  ResourceQuery,
  ResourceSearchResult,
} from './types.js';

const ABORTED: DirectoryResult<never> = {
  ok: false,
  error: { kind: 'aborted', ...directoryMessage('directory.aborted', {}) },
};

/** What an in-memory directory holds. */
export interface MemoryDirectoryInput {
  /** Who published the list, its licence and attribution. */
  readonly source: DirectorySource;
  /** The resources (validated when the directory is made). */
  readonly resources: readonly CommunityResource[];
}

/**
 * A {@link Directory} over a list held in memory: a host's own list, an HSDS
 * file, or bundled ALISS-shaped data for offline use. Works without a network.
 *
 * Matching, since there is no geocoding here:
 * - `text`: every word must appear in the name, description, organisation,
 *   categories, accessibility features or community groups (any case);
 * - `category`: a category's slug (or its name as a slug) equals it;
 * - `postcode`: keeps resources with a location in the same postcode area
 *   (`G`, `EH`…) and those with no physical location (area-wide or online),
 *   nearest first: same district, then same area, then the rest. `radius` is
 *   not applied;
 * - `locationType`: `local` keeps resources with a physical location, `national` those without.
 */
export function createMemoryDirectory(input: MemoryDirectoryInput): Result<Directory> {
  const parsed = parseWith(z.array(communityResourceSchema).check(z.maxLength(LIMITS.listItems * 4)), input.resources);
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors.map((e) => ({ path: joinPath('resources', e.path), message: e.message })),
    };
  const resources = parsed.value;
  const source = cleanSource(input.source);
  const byId = new Map(resources.map((r) => [r.id, r]));
  const haystacks = new Map(
    resources.map((r) => [
      r.id,
      [
        r.name,
        r.description,
        r.organisation?.name ?? '',
        ...r.categories.map((c) => c.name),
        ...r.accessibilityFeatures,
        ...r.communityGroups,
      ]
        .join('\n')
        .toLowerCase(),
    ]),
  );

  async function search(
    query: ResourceQuery,
    options?: DirectoryCallOptions,
  ): Promise<DirectoryResult<ResourceSearchResult>> {
    if (options?.signal?.aborted) return ABORTED;
    const checked = normaliseQuery(query);
    if (!checked.ok) return checked;
    const q = checked.value;
    let offset = 0;
    if (q.cursor) {
      const match = /^\{"o":(\d{1,7})\}$/.exec(q.cursor);
      if (!match) {
        return {
          ok: false,
          error: {
            kind: 'invalid-query',
            ...directoryMessage('directory.cursor-unknown', { from: 'directory' }),
            issues: [directoryIssue('cursor', 'directory.cursor', {})],
          },
        };
      }
      offset = Number(match[1]);
    }
    const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const category = q.category?.toLowerCase();
    const area = q.postcode ? postcodeArea(q.postcode) : undefined;
    const district = q.postcode ? postcodeDistrict(q.postcode) : undefined;

    const scored: { resource: CommunityResource; rank: number; index: number }[] = [];
    resources.forEach((resource, index) => {
      const hay = haystacks.get(resource.id) ?? '';
      if (!words.every((w) => hay.includes(w))) return;
      if (
        category &&
        !resource.categories.some((c) => c.slug.toLowerCase() === category || slugify(c.name) === category)
      )
        return;
      const physical = resource.locations.filter((l) => l.type === 'physical');
      if (q.locationType === 'local' && physical.length === 0) return;
      if (q.locationType === 'national' && physical.length > 0) return;
      let rank = 0;
      if (area) {
        const districts = physical.map((l) => (l.postcode ? postcodeDistrict(l.postcode) : undefined));
        const areas = physical.map((l) => (l.postcode ? postcodeArea(l.postcode) : undefined));
        if (physical.length === 0) rank = 2;
        else if (districts.includes(district)) rank = 0;
        else if (areas.includes(area)) rank = 1;
        else return;
      }
      scored.push({ resource, rank, index });
    });
    scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
    const page = scored.slice(offset, offset + q.limit).map((s) => s.resource);
    const nextOffset = offset + page.length;
    return {
      ok: true,
      value: {
        resources: page,
        total: scored.length,
        source,
        pagesFetched: 0,
        ...(nextOffset < scored.length ? { next: JSON.stringify({ o: nextOffset }) } : {}),
      },
    };
  }

  async function getById(
    id: string,
    options?: DirectoryCallOptions,
  ): Promise<DirectoryResult<CommunityResource | undefined>> {
    if (options?.signal?.aborted) return ABORTED;
    if (typeof id !== 'string') return { ok: true, value: undefined };
    return { ok: true, value: byId.get(id) ?? byId.get(`${source.id}:${id}`) };
  }

  const categories: DirectoryCategory[] = [];
  const seen = new Set<string>();
  for (const resource of resources) {
    for (const c of resource.categories) {
      if (seen.has(c.slug)) continue;
      seen.add(c.slug);
      categories.push({ name: c.name, slug: c.slug, depth: 0 });
    }
  }
  categories.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  async function listCategories(
    options?: DirectoryCallOptions,
  ): Promise<DirectoryResult<readonly DirectoryCategory[]>> {
    if (options?.signal?.aborted) return ABORTED;
    return { ok: true, value: categories };
  }

  return { ok: true, value: { source, search, getById, listCategories } };
}
