import type { CommunityResource } from './types.js';

/**
 * A listing reviewed this many whole months ago, or longer, counts as stale
 * (default 12: staff distrust listings nobody has checked for a year).
 */
export const STALE_AFTER_MONTHS = 12;

/** How fresh a listing is, for people to read. */
export interface Freshness {
  /** Whole calendar months since the date (`undefined` when the date is not known). */
  readonly months?: number;
  /** True when `months` ≥ the threshold, or when no date is known. */
  readonly stale: boolean;
  /** Whether a usable date was given. */
  readonly known: boolean;
  /** Which date this describes. */
  readonly basis: 'reviewed' | 'updated';
  /** The date described, as given (ISO 8601). */
  readonly date?: string;
  /** Plain English: "last reviewed 14 months ago", "review date not known". */
  readonly text: string;
}

/** Options for {@link describeFreshness}. */
export interface FreshnessOptions {
  /** Months after which a listing is stale (default {@link STALE_AFTER_MONTHS}). */
  readonly staleAfterMonths?: number;
  /** Which date is described: `reviewed` (default) or `updated`. */
  readonly basis?: 'reviewed' | 'updated';
}

function toTime(value: Date | string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/**
 * Whole calendar months from `from` to `to`, in UTC: 15 Jan → 14 Mar is 1
 * month, 15 Jan → 15 Mar is 2. A date in the future counts as 0.
 */
export function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/**
 * Describes how long ago a listing was last reviewed:
 * `describeFreshness('2023-01-10', '2024-03-20')` →
 * `{ months: 14, stale: true, text: 'last reviewed 14 months ago', … }`.
 * A listing with no (or an unreadable) review date is flagged stale, with
 * the text "review date not known".
 */
export function describeFreshness(
  lastReviewed: string | Date | undefined | null,
  asOf: Date | string | number,
  options: FreshnessOptions = {},
): Freshness {
  const basis = options.basis ?? 'reviewed';
  const threshold = options.staleAfterMonths ?? STALE_AFTER_MONTHS;
  const then = toTime(lastReviewed);
  const now = toTime(asOf);
  if (then === undefined || now === undefined) {
    return {
      stale: true,
      known: false,
      basis,
      text: basis === 'reviewed' ? 'review date not known' : 'update date not known',
    };
  }
  const months = monthsBetween(new Date(then), new Date(now));
  const verb = basis === 'reviewed' ? 'last reviewed' : 'last updated';
  const text = months === 0 ? `${verb} less than a month ago` : `${verb} ${months} month${months === 1 ? '' : 's'} ago`;
  const date = typeof lastReviewed === 'string' ? lastReviewed : new Date(then).toISOString();
  return { months, stale: months >= threshold, known: true, basis, date, text };
}

/**
 * The freshness of a resource: from its last review date, or, when the
 * directory gives none, from its last update (and the text says "updated").
 */
export function resourceFreshness(
  resource: Pick<CommunityResource, 'provenance'>,
  asOf: Date | string | number,
  options: Omit<FreshnessOptions, 'basis'> = {},
): Freshness {
  const { lastReviewed, lastUpdated } = resource.provenance;
  if (lastReviewed || !lastUpdated) return describeFreshness(lastReviewed, asOf, { ...options, basis: 'reviewed' });
  return describeFreshness(lastUpdated, asOf, { ...options, basis: 'updated' });
}
