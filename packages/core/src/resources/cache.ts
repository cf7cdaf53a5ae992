import { normaliseQuery, queryKey } from './query.js';
import type {
  CommunityResource,
  Directory,
  DirectoryCallOptions,
  DirectoryCategory,
  DirectoryResult,
  ResourceQuery,
  ResourceSearchResult,
} from './types.js';

/** How long answers stay fresh, and how many are kept. */
export interface CacheOptions {
  /** Time to live in ms (default 5 minutes). */
  readonly ttlMs?: number;
  /** Most answers kept; the least recently used goes first (default 50). */
  readonly maxEntries?: number;
  /** The clock, in ms since the epoch (default `Date.now`); tests inject one. */
  readonly now?: () => number;
}

/** A directory with a cache in front, and a way to empty it. */
export interface CachedDirectory extends Directory {
  /** Forgets every answer. */
  clear(): void;
  /** Answers held now (expired ones included until next read). */
  readonly size: number;
  /** Answers served from the cache, and calls passed to the directory. */
  readonly stats: { readonly hits: number; readonly misses: number };
}

interface Entry {
  readonly at: number;
  readonly value: ResourceSearchResult | CommunityResource | readonly DirectoryCategory[] | undefined;
}

/**
 * Puts a small cache in front of any {@link Directory}, so the same search
 * (or the same id) within `ttlMs` is answered without fetching again. Only
 * successful answers are kept: an error is never cached, so a retry tries
 * again. Cached search results report `pagesFetched: 0`.
 */
export function createCachedDirectory(directory: Directory, options: CacheOptions = {}): CachedDirectory {
  const ttlMs = Math.max(0, options.ttlMs ?? 5 * 60_000);
  const maxEntries = Math.max(1, Math.trunc(options.maxEntries ?? 50));
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  let hits = 0;
  let misses = 0;

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    const age = now() - entry.at;
    if (age >= ttlMs || age < 0) return undefined;
    entries.set(key, entry); // most recently used goes to the end
    return entry;
  };
  const write = (key: string, value: Entry['value']) => {
    entries.delete(key);
    entries.set(key, { at: now(), value });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  async function search(
    query: ResourceQuery,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<ResourceSearchResult>> {
    const checked = normaliseQuery(query);
    if (!checked.ok) return checked;
    const key = `search:${queryKey(checked.value)}`;
    const hit = read(key);
    if (hit) {
      hits += 1;
      return { ok: true, value: { ...(hit.value as ResourceSearchResult), pagesFetched: 0 } };
    }
    misses += 1;
    const result = await directory.search(query, callOptions);
    if (result.ok) write(key, result.value);
    return result;
  }

  async function getById(
    id: string,
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<CommunityResource | undefined>> {
    const key = `id:${String(id)}`;
    const hit = read(key);
    if (hit) {
      hits += 1;
      return { ok: true, value: hit.value as CommunityResource | undefined };
    }
    misses += 1;
    const result = await directory.getById(id, callOptions);
    if (result.ok) write(key, result.value);
    return result;
  }

  const inner = directory.listCategories?.bind(directory);
  async function listCategories(
    callOptions?: DirectoryCallOptions,
  ): Promise<DirectoryResult<readonly DirectoryCategory[]>> {
    const hit = read('categories');
    if (hit) {
      hits += 1;
      return { ok: true, value: hit.value as readonly DirectoryCategory[] };
    }
    misses += 1;
    const result = await inner!(callOptions);
    if (result.ok) write('categories', result.value);
    return result;
  }

  return {
    source: directory.source,
    search,
    getById,
    ...(inner ? { listCategories } : {}),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
    get stats() {
      return { hits, misses };
    },
  };
}
