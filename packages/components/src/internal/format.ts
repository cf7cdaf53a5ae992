import { getLocale, SOURCE_LOCALE } from './localization.js';

/**
 * Numbers and dates for people to read, formatted with `Intl` for the active
 * locale (see `getLocale`). Every element formats through these helpers, so a
 * locale switch changes figures and dates along with the words.
 *
 * `en-GB` is always the fallback: a browser whose `Intl` has no data for the
 * active locale formats as `en-GB` rather than as the browser's own default.
 * Dates need more care: Chromium ships no date data for Scottish Gaelic, and
 * an English month name in a Gaelic sentence reads wrongly, so where the
 * active locale has no date data, dates are written in figures (14/03/2024),
 * which read the same in any language used in Scotland.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateSupport = new Map<string, boolean>();

/** The locales `Intl` tries, in order: the active one, then `en-GB`. */
export function formatLocales(): string[] {
  const locale = getLocale();
  return locale === SOURCE_LOCALE ? [SOURCE_LOCALE] : [locale, SOURCE_LOCALE];
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locales = formatLocales();
  const key = `${locales.join(',')}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number as the active locale writes it, e.g. `12,345` (grouping, decimal sign). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(options).format(value);
}

/**
 * A number with exactly `digits` decimals, e.g. `formatFixed(2, 1)` → `2.0`:
 * the locale-aware `toFixed`. A value that rounds to zero is written `0`,
 * never `-0`.
 */
export function formatFixed(value: number, digits: number): string {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return formatNumber(rounded === 0 ? 0 : value, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
}

/** A number rounded to at most `digits` decimals, e.g. `formatRounded(2.345)` → `2.35`, `formatRounded(3)` → `3`. */
export function formatRounded(value: number, digits = 2): string {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return formatNumber(rounded === 0 ? 0 : rounded, { maximumFractionDigits: digits, useGrouping: false });
}

/** A share (0–1) as a whole percentage, e.g. `0.45` → `45%`; `null` → an en dash. */
export function formatPercent(share: number | null): string {
  return share === null ? '–' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/** Whether this browser's `Intl` has date data for `locale` (Chromium has none for `gd`). */
function hasDateData(locale: string): boolean {
  let known = dateSupport.get(locale);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    dateSupport.set(locale, known);
  }
  return known;
}

type DateStyle = 'long' | 'medium' | 'date-time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  'date-time': { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** The same dates in figures only, for a locale this browser has no date data for. */
const FIGURES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: '2-digit', month: '2-digit', year: 'numeric' },
  medium: { day: '2-digit', month: '2-digit', year: 'numeric' },
  'date-time': { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

function dateFormat(style: DateStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const locale = getLocale();
  const figures = locale !== SOURCE_LOCALE && !hasDateData(locale);
  const locales = figures ? [SOURCE_LOCALE] : formatLocales();
  const key = `${locales.join(',')}|${style}|${figures}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales, {
      ...(figures ? FIGURES : DATE_OPTIONS)[style],
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A calendar date (`YYYY-MM-DD`, or a full ISO timestamp's date) for people
 * to read: `long` → 14 March 2024, `medium` → 14 Mar 2024 (in `en-GB`).
 * Returns the input unchanged when it is not a date.
 */
export function formatDate(iso: string, style: 'long' | 'medium' = 'long'): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(date.getTime()) ? dateFormat(style, 'UTC').format(date) : iso;
}

/** A moment (an ISO timestamp) in the browser's time zone, e.g. 14 Mar 2024, 09:05. Returns the input when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? dateFormat('date-time', undefined).format(date) : iso;
}
