// The plan document's constants: no zod here (schema.ts builds the schemas from them), so that code
// that only reads them, such as `allowedPlanEdits` and an editor's pickers, loads no validation library.

/**
 * The plan document format this library writes. Older documents are migrated
 * on read (see `migratePlanDocument`); newer ones are refused.
 */
export const PLAN_SCHEMA_VERSION = 2;

/** The `kind` every plan document carries. */
export const PLAN_KIND = 'links.plan';

/** Largest magnitude accepted for any number in a plan (targets, data points, baselines). */
export const PLAN_NUMBER_LIMIT = 1_000_000_000_000;

/** Largest practice list size accepted (the biggest UK practices have about 100,000 patients). */
export const PLAN_LIST_SIZE_LIMIT = 1_000_000;

/** Most people named in one capacity's team. */
export const PLAN_TEAM_LIMIT = 100;

/** Most linked capacities on one focus area. */
export const PLAN_FOCUS_CAPACITY_LIMIT = 50;

/** The patterns used by the plan schema; exported so forms can check as you type. */
export const PLAN_PATTERNS = Object.freeze({
  /** Ids of plans, practices and items within a plan: letters, digits, `.`, `_`, `:`, `-`; starts with a letter or digit. */
  id: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
  /** Ten digits in a row look like a CHI number: names in a plan must never be patient identifiers. */
  chiLike: /(?:^|\D)\d{10}(?:\D|$)/,
});

/** The decisions that end a PDSA cycle, in the order a form offers them. */
export const PDSA_ACTS = ['adopt', 'adapt', 'abandon'] as const;

/** The levels a team may give itself for a capacity: 0 to 5 in steps of 0.5 (what `selfAssessedLevelSchema` accepts, for a picker to list). */
export const MATURITY_LEVELS: readonly number[] = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

/** A plan's statuses, in lifecycle order. */
export const PLAN_STATUSES = ['draft', 'submitted', 'agreed', 'under-review'] as const;
