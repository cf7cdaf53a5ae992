/**
 * Size limits applied to every document we accept. They are generous for real
 * use and stop hostile or corrupt input before it reaches storage or the UI.
 */
export const LIMITS = Object.freeze({
  /** Ids, codes, units, names of things. */
  shortText: 200,
  /** Statements, descriptions, notes. */
  longText: 10_000,
  /** Entries in any one list (aims, data points, events…). */
  listItems: 5_000,
  /** Nesting depth of a document. */
  depth: 32,
});
