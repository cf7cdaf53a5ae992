import { LIMITS } from '../validation/limits.js';
import { parseUrl } from './platform.js';

/**
 * Helpers that turn a directory's untrusted fields into the values a
 * {@link CommunityResource} holds: trimmed, bounded, and with only web
 * addresses that are safe to link to.
 */

// Control characters and bidirectional overrides: invisible, and able to disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL_AND_BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Trims, removes control characters (C0 and C1, so no terminal escape
 * sequences) and bidirectional overrides, and shortens to `max`
 * characters (with an ellipsis); empty → `undefined`.
 */
export function cleanText(value: string | null | undefined, max: number = LIMITS.shortText): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(CONTROL_AND_BIDI, '').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Like {@link cleanText} for single-line values: newlines and runs of spaces become one space. */
export function cleanLine(value: string | null | undefined, max: number = LIMITS.shortText): string | undefined {
  return cleanText(typeof value === 'string' ? value.replace(/\s+/g, ' ') : value, max);
}

/**
 * An http(s) URL fit to link to, or `undefined`. Anything else — `javascript:`,
 * `data:`, relative paths, text that is not a URL — is dropped, so a link built
 * from directory data can never run script.
 */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 2000 || /\s/.test(trimmed)) return undefined;
  // Directories often publish "www.example.org" without a scheme.
  const candidate = /^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed;
  const url = parseUrl(candidate);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return url.href;
}

/** A lower-case kebab-case slug from a name: `Mental Health & Wellbeing` → `mental-health-wellbeing`. */
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.shortText);
}

/**
 * A directory date as ISO 8601: `YYYY-MM-DD` stays a date, a date-time becomes
 * UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. Unparseable → `undefined` (shown as "not known").
 */
export function isoDate(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const [y, m, d] = trimmed.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? trimmed : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** Distinct values, first occurrence kept, empties dropped. */
export function distinct<T>(values: readonly (T | undefined)[], key: (value: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const value of values) {
    if (value === undefined) continue;
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(value);
  }
  return out;
}
