const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG content and attribute values. Every piece of data in the report goes through this. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A level or a statistic of levels: one decimal for the 0.5 steps (`3.0`,
 * `3.5`), up to two where a median or quartile falls between them (`3.25`);
 * an en dash when there is none.
 */
export function level(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number.isInteger(value * 2) ? value.toFixed(1) : String(Math.round(value * 100) / 100);
}

/** A number rounded to 2 decimals without trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
